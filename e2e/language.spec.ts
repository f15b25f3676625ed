import { seriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';

/** The interface in English and 简体中文: translated text, remembered choice, unchanged DESIGN names. */

test('switching to 简体中文 translates the top bar and the inspector, and survives a reload', async ({ kp, page }) => {
  const language = page.getByRole('combobox', { name: /Language/ });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Reset' })).toBeVisible();

  await language.selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const topbar = page.getByRole('banner');
  await expect(topbar).toContainText('在浏览器中模拟的 Kubernetes');
  await expect(topbar).toContainText('速度');
  await expect(topbar).toContainText('虚拟时间');
  await expect(page.getByRole('button', { name: '重置' })).toBeVisible();

  // DESIGN.md's accessible names are the same in every language.
  await expect(kp.speed).toBeVisible();
  await expect(kp.cluster).toBeVisible();
  await expect(kp.terminal).toBeVisible();
  await expect(page.getByRole('button', { name: /^Apply\b/ })).toContainText('应用');

  await kp.run('kubectl create deployment web --image=nginx --replicas=2');
  await kp.speed.selectOption('10');
  const pod = kp.pods('web-').first();
  await expect(pod).toBeVisible({ timeout: 30_000 });
  // kubectl's output stays English, as the real tool prints it.
  await expect(kp.output).toContainText('deployment.apps/web created');
  // The drawing's own words follow the language; Kubernetes states (Ready) stay as they are.
  await expect(kp.cluster.getByRole('group', { name: '控制平面' })).toBeVisible();
  await expect(kp.cluster.locator('.node-bar-memory .node-bar-label').first()).toHaveText('内存');
  // A node's readiness is the Kubernetes word in its accessible name (compact cards draw ● / ⚠ alone).
  await expect(kp.cluster.getByRole('group', { name: /^worker-1, Ready\b/ })).toBeAttached();
  await kp.screenshot('language-zh-cluster');
  // Screen readers hear the drawing in the same language; a pod's name still comes first.
  await expect(pod).toHaveAttribute('aria-label', /^web-[\w-]+, \S+ \(.*[\u4e00-\u9fff]/);
  await expect(kp.cluster.getByRole('group', { name: 'Deployment 与 Service' })).toBeAttached();

  await page.reload();
  await expect(kp.terminal).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '重置' })).toBeVisible();
  await expect(language).toHaveValue('zh-CN');

  await kp.run('kubectl create deployment web --image=nginx --replicas=2');
  await kp.speed.selectOption('10');
  const again = kp.pods('web-').first();
  await expect(again).toBeVisible({ timeout: 30_000 });
  await kp.speed.selectOption('0');
  await again.click();
  const panel = page.getByRole('complementary', { name: /^Pod web-/ });
  await expect(panel.getByRole('tab', { name: '概览' })).toBeVisible();
  await expect(panel).toContainText('状态');
  await expect(panel).toContainText('属主');
  await expect(panel.getByRole('button', { name: /^Kill pod\b/ })).toContainText('强制删除 Pod');
  await panel.getByRole('tab', { name: '为什么是这个节点？' }).click();
  await expect(panel.getByRole('tabpanel')).toContainText('已绑定到');
  await expect(panel.getByRole('tabpanel')).toContainText('总分最高者胜出');
  await kp.screenshot('language-zh-inspector');
  // The Chinese page passes the same accessibility check as the English one (label in name too).
  expect(await seriousViolations(page)).toEqual([]);

  // The node panel keeps "Stop node" as its accessible name too.
  await page.getByRole('button', { name: /^worker-1,/ }).first().click();
  const node = page.getByRole('complementary', { name: 'Node worker-1' });
  await expect(node.getByRole('button', { name: /^Stop node\b/ })).toContainText('停止节点');
  expect(await seriousViolations(page)).toEqual([]);

  // And back to English.
  await language.selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Reset' })).toBeVisible();
  await expect(node.getByRole('button', { name: 'Stop node', exact: true })).toHaveText('Stop node');
});

test.describe('a browser that prefers Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('starts in 简体中文 without being asked, the terminal\'s welcome too', async ({ kp, page }) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('button', { name: '重置' })).toBeVisible();
    await expect(kp.speed).toBeVisible();
    await expect(kp.output).toContainText('# 欢迎使用 Kubeplay：一个模拟的 Kubernetes 集群（control-plane, worker-1..3）。');
    await expect(kp.output).not.toContainText('Welcome');
  });
});

test.describe('a browser in another language', () => {
  test.use({ locale: 'de-DE' });

  test('starts in English', async ({ kp, page }) => {
    await expect(kp.terminal).toBeVisible();
    await expect(kp.output).toContainText('# Welcome to Kubeplay: a simulated Kubernetes cluster (control-plane, worker-1..3).');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Reset' })).toBeVisible();
  });
});
