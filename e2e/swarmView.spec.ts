import type { Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { expect, test, type KubeplayPage } from './support/fixtures';

const swarmOf = (page: Page) => page.getByRole('region', { name: 'Swarm cluster' });
const modes = (page: Page) => page.getByRole('radiogroup', { name: 'Cluster mode' });

/** Running tasks of `web` drawn in the Swarm view, by the node they are drawn on. */
async function runningWebTasks(page: Page): Promise<string[]> {
  const labels = await swarmOf(page)
    .getByRole('button', { name: /^web\.\d+, running \(running and ready\) on / })
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.map((l) => /on (\S+)$/.exec(l)?.[1] ?? '').sort();
}

async function startWeb(kp: KubeplayPage, page: Page) {
  await modes(page).getByRole('radio', { name: 'Swarm' }).check();
  await expect(swarmOf(page)).toContainText('3 nodes · 0 services');
  await kp.run('docker service create --name web --replicas 3 -p 8080:80 nginx');
  await kp.speed.selectOption('10');
  await expect.poll(() => runningWebTasks(page), { timeout: 30_000 }).toEqual(['manager1', 'worker1', 'worker2']);
}

test('the cluster mode switches between the Kubernetes view, the Swarm view and both side by side', async ({ kp, page }) => {
  await expect(modes(page).getByRole('radio', { name: 'Kubernetes' })).toBeChecked();
  const swarm = swarmOf(page);
  await expect(swarm).toHaveCount(0);

  await modes(page).getByRole('radio', { name: 'Swarm' }).check();
  await expect(swarm).toBeVisible();
  await expect(kp.cluster).toHaveCount(0);
  await expect(swarm.getByRole('group', { name: /^manager1, manager \(Leader\), Ready, Active/ })).toBeVisible();

  await modes(page).getByRole('radio', { name: 'Side by side' }).check();
  await expect(swarm).toBeVisible();
  await expect(kp.cluster).toBeVisible();
  const k8s = (await kp.cluster.boundingBox())!;
  const docker = (await swarm.boundingBox())!;
  expect(docker.x, 'the Swarm view beside the Kubernetes view').toBeGreaterThanOrEqual(k8s.x + k8s.width - 1);

  await modes(page).getByRole('radio', { name: 'Kubernetes' }).check();
  await expect(swarm).toHaveCount(0);
  await expect(kp.cluster).toBeVisible();
});

test('a replicated service spreads over the three nodes; a stopped worker loses its task to another node after the heartbeat timeout', async ({ kp, page }) => {
  test.setTimeout(120_000);
  await startWeb(kp, page);
  const swarm = swarmOf(page);
  await expect(swarm.getByRole('button', { name: /^web, replicated 3\/3, image nginx, port 8080:80\/tcp/ })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await kp.screenshot(`swarm-1280x720-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // A task's panel: docker service ps of its service.
  await swarm.getByRole('button', { name: /^web\.1, running/ }).click();
  const taskPanel = page.getByRole('complementary', { name: 'Task web.1' });
  await expect(taskPanel).toContainText('$ docker service ps web');
  await expect(taskPanel).toContainText('web.1');
  await taskPanel.getByRole('button', { name: 'Close' }).click();
  // A service's panel: Scale… issues docker service scale.
  await swarm.getByRole('button', { name: /^web, replicated 3\/3/ }).click();
  const servicePanel = page.getByRole('complementary', { name: 'Service web' });
  await expect(servicePanel).toContainText('docker service inspect --pretty web');
  await servicePanel.getByRole('spinbutton', { name: 'Replicas' }).fill('4');
  await servicePanel.getByRole('button', { name: /^Scale/ }).click();
  await expect(kp.output).toContainText('$ docker service scale web=4');
  await expect.poll(() => runningWebTasks(page), { timeout: 30_000 }).toHaveLength(4);
  await kp.screenshot('swarm-service-panel');
  await servicePanel.getByRole('button', { name: 'Close' }).click();

  // Keyboard: Tab to worker1's box and open its panel with Enter.
  const worker1 = swarm.getByRole('button', { name: /^worker1, worker, Ready, Active/ });
  await worker1.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Node worker1' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('docker node inspect --pretty worker1');
  await expect(panel).toContainText('Hostname:');
  expect(await seriousViolations(page)).toEqual([]);
  await panel.getByRole('button', { name: 'Stop node' }).click();
  await expect(kp.output).toContainText('$ kubeplay node stop worker1');
  await expect(swarm.getByRole('group', { name: /^worker1, worker, Ready, Active, powered off/ })).toBeVisible();
  // After the heartbeat timeout worker1 is Down and its task runs again on another node.
  await kp.speed.selectOption('30');
  await expect(swarm.getByRole('group', { name: /^worker1, worker, Down/ })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => runningWebTasks(page), { timeout: 30_000 }).toHaveLength(4);
  expect(await runningWebTasks(page)).not.toContain('worker1');
  await kp.screenshot('swarm-node-down');
});

test('side by side at 1280×720, light and dark', async ({ kp, page }) => {
  await startWeb(kp, page);
  await kp.run('kubectl create deployment web --image=nginx --replicas=3');
  await modes(page).getByRole('radio', { name: 'Side by side' }).check();
  await expect(kp.cluster.getByRole('button', { name: /^web-.*Running \(running and ready\)/ })).toHaveCount(3, { timeout: 30_000 });
  const doc = await page.evaluate(() => ({ w: document.scrollingElement!.scrollWidth, h: document.scrollingElement!.scrollHeight }));
  expect(doc.w).toBeLessThanOrEqual(1280);
  expect(doc.h).toBeLessThanOrEqual(720);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await kp.screenshot(`swarm-side-by-side-1280x720-${scheme}`);
  }
  expect(await seriousViolations(page)).toEqual([]);
  // In Chinese the drawing's words change, the names (web.1, worker1) and docker's words stay.
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh-CN');
  await expect(swarmOf(page)).toContainText('Ingress 路由网格');
  await expect(swarmOf(page).getByRole('button', { name: /^web\.\d+, running/ })).toHaveCount(3);
  await kp.screenshot('swarm-side-by-side-1280x720-zh-CN-dark');
});

test('side by side on an upright tablet and on a narrow window: both views in the window, stacked when narrow; the top bar fits', async ({ kp, page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await modes(page).getByRole('radio', { name: 'Side by side' }).check();
  for (const control of [modes(page), kp.speed, page.getByRole('button', { name: 'Reset' }), page.getByRole('combobox', { name: /Language/ })]) {
    const box = (await control.boundingBox())!;
    expect(box.x, 'left edge in the window').toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(768);
  }
  // The logo and the mode switch do not overlap.
  const logo = (await page.locator('.brand .logo').boundingBox())!;
  expect((await modes(page).boundingBox())!.x).toBeGreaterThanOrEqual(logo.x + logo.width);
  let k8s = (await kp.cluster.boundingBox())!;
  let docker = (await swarmOf(page).boundingBox())!;
  expect(docker.x, 'the Swarm view beside the Kubernetes view').toBeGreaterThanOrEqual(k8s.x + k8s.width - 1);
  expect(docker.x + docker.width).toBeLessThanOrEqual(768);
  const doc = await page.evaluate(() => ({ w: document.scrollingElement!.scrollWidth, h: document.scrollingElement!.scrollHeight }));
  expect(doc.w).toBeLessThanOrEqual(768);
  expect(doc.h).toBeLessThanOrEqual(1024);
  await kp.screenshot('swarm-side-by-side-768x1024');

  await page.setViewportSize({ width: 600, height: 1024 });
  await expect.poll(async () => (await swarmOf(page).boundingBox())!.y).toBeGreaterThanOrEqual((await kp.cluster.boundingBox())!.y + 100);
  k8s = (await kp.cluster.boundingBox())!;
  docker = (await swarmOf(page).boundingBox())!;
  expect(docker.y, 'the Swarm view under the Kubernetes view').toBeGreaterThanOrEqual(k8s.y + k8s.height - 1);
});

test('a rolling update shows its progress, a failing task turns red, and a lost quorum gets a banner', async ({ kp, page }) => {
  test.setTimeout(120_000);
  await startWeb(kp, page);
  const swarm = swarmOf(page);
  await kp.speed.selectOption('1');
  await kp.run('docker service update --detach --image nginx:1.27 --update-delay 20s web');
  await expect(swarm.getByRole('button', { name: /^web, replicated .*update updating/ })).toBeVisible({ timeout: 15_000 });
  await kp.screenshot('swarm-rolling-update');
  await kp.run('docker service create --detach --name bad alpine false');
  await expect(swarm.getByRole('button', { name: /^bad\.1, failed \(crashing\)/ })).toBeVisible({ timeout: 20_000 });
  await kp.screenshot('swarm-task-failed');

  await kp.run('docker node promote worker1 worker2');
  await expect(kp.output).toContainText('Node worker2 promoted to a manager in the swarm.');
  await kp.run('kubeplay node stop worker1');
  await kp.run('kubeplay node stop worker2');
  await kp.speed.selectOption('30');
  const banner = swarm.getByRole('alert');
  await expect(banner).toContainText('Quorum lost: 1 of 3 managers reachable, 2 needed.', { timeout: 30_000 });
  await expect(swarm.getByRole('group', { name: /^worker1, manager \(Unreachable\)/ })).toBeVisible();
  await kp.speed.selectOption('0');
  await kp.screenshot('swarm-quorum-lost');
});

test('a machine added with kubeplay machine add shows outside the swarm, then joins it as a fourth node', async ({ kp, page }) => {
  await modes(page).getByRole('radio', { name: 'Swarm' }).check();
  const swarm = swarmOf(page);
  await expect(swarm).toContainText('3 nodes · 0 services');
  await kp.run('kubeplay machine add');
  await expect(kp.output).toContainText('machine/worker3 created');
  await expect(swarm).toContainText('3 nodes');
  // Outside the swarm until it joins: a dashed card saying how it comes in.
  const outside = swarm.getByRole('group', { name: 'worker3, a Docker machine outside the swarm' });
  await expect(outside).toBeVisible();
  await expect(outside).toContainText('not in the swarm');
  await kp.screenshot('swarm-machine-outside');
  await kp.run('TOKEN=$(docker swarm join-token -q worker)');
  await kp.run('docker -H worker3 swarm join --token $TOKEN 192.168.99.100:2377');
  await expect(kp.output).toContainText('This node joined a swarm as a worker.');
  await expect(swarm).toContainText('4 nodes · 0 services');
  await expect(swarm.getByRole('group', { name: /^worker3, worker, Ready, Active/ })).toBeVisible();
  await expect(outside).toHaveCount(0);
  await kp.screenshot('swarm-fourth-machine');
});
