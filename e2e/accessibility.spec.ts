import { seriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';

test('no serious or critical accessibility violations: empty cluster, busy cluster, panels open', async ({ kp, page }) => {
  // Eight axe runs: each takes seconds when the shared machine is loaded.
  test.setTimeout(150_000);
  expect(await seriousViolations(page)).toEqual([]);

  await kp.run('kubectl create deployment web --image=nginx --replicas=3');
  await kp.run('kubectl expose deployment web --port=80');
  await kp.run('kubectl run crash --image=busybox -- sh -c "exit 1"');
  await kp.speed.selectOption('10');
  await expect(kp.cluster.getByRole('button', { name: /^Service web, .*3 ready endpoints/ })).toBeVisible({ timeout: 30_000 });
  expect(await seriousViolations(page)).toEqual([]);

  await kp.speed.selectOption('0');
  await kp.pods('web-').first().click();
  const panel = page.getByRole('complementary', { name: /^Pod web-/ });
  for (const tab of ['Overview', 'Describe', /^Events/, 'Why this node?']) {
    await panel.getByRole('tab', { name: tab }).click();
    expect(await seriousViolations(page)).toEqual([]);
  }
  await page.getByRole('button', { name: /^Events/ }).first().click();
  await expect(page.getByRole('region', { name: 'Events feed' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('everything in the cluster view is reachable from the keyboard', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx --replicas=2');
  await kp.run('kubectl expose deployment web --port=80');
  await expect(kp.cluster.getByRole('button', { name: /^Service web,/ })).toBeVisible({ timeout: 30_000 });
  await expect(kp.pods('web-')).toHaveCount(2);
  // Tab from the Events button through the cluster: workloads, nodes, then the pods' single tab stop.
  await page.getByRole('button', { name: /^Events/ }).focus();
  const reached: string[] = [];
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? `<${document.activeElement?.tagName}.${document.activeElement?.getAttribute('class')}>`));
  }
  expect(reached, reached.join(' | ')).toEqual(expect.arrayContaining([expect.stringMatching(/^Deployment web/)]));
  expect(reached.some((r) => r.startsWith('Service web'))).toBe(true);
  expect(reached.some((r) => r.startsWith('worker-1,'))).toBe(true);
  // The pods are one tab stop; the arrow keys move among them.
  const firstPod = reached.findIndex((r) => / on control-plane/.test(r));
  expect(firstPod, reached.join(' | ')).toBeGreaterThan(reached.findIndex((r) => r.startsWith('worker-3,')));
  expect(reached.filter((r) => r.startsWith('<')), 'no unnamed stops').toEqual([]);
  await kp.cluster.getByRole('button', { name: /^worker-3,/ }).focus();
  await page.keyboard.press('Tab');
  await expect(kp.cluster.getByRole('button', { name: /^etcd-control-plane/ })).toBeFocused();
  await page.keyboard.press('End');
  await expect(kp.pods('web-').last()).toBeFocused();

  // Select a Deployment with the keyboard; its panel's actions are reachable by Tab, Escape closes it.
  await kp.cluster.getByRole('button', { name: /^Deployment web/ }).focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Deployment web' });
  await expect(panel).toBeVisible();
  await panel.getByRole('tab', { name: 'Overview' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Scale down' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // A node from the keyboard, then one of its pods from the node's panel.
  await kp.cluster.getByRole('button', { name: /^worker-1,/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Node worker-1' })).toBeVisible();
});
