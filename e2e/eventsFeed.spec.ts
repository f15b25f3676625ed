import { seriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';

test('the events feed follows the cluster like kubectl get events -w, and filters by object', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx --replicas=2');
  await kp.run('kubectl run crash --image=busybox -- sh -c "exit 1"');
  await kp.speed.selectOption('10');
  await page.getByRole('button', { name: /^Events/ }).click();
  const feed = page.getByRole('region', { name: 'Events feed' });
  const table = feed.getByRole('table', { name: 'Events, oldest first' });
  await expect(table).toContainText('ScalingReplicaSet');
  await expect(table).toContainText('Scaled up replica set web-');
  await expect(table).toContainText('BackOff', { timeout: 30_000 });

  await feed.getByRole('searchbox', { name: 'Filter events by object' }).fill('pod/crash');
  await expect(table).not.toContainText('ScalingReplicaSet');
  await expect(table).toContainText('Back-off restarting failed container');
  await feed.getByRole('checkbox', { name: 'Warnings' }).check();
  await expect(table.getByRole('row')).not.toHaveCount(1);
  await expect(table).not.toContainText('Pulling');
  await kp.screenshot('events-feed-filtered');

  // An event's object opens its panel.
  await table.getByRole('button', { name: 'pod/crash' }).first().click();
  await expect(page.getByRole('complementary', { name: 'Pod crash' })).toBeVisible();

  await feed.getByRole('tab', { name: 'Control plane log' }).click();
  await expect(feed.getByRole('list', { name: 'Control plane log' })).toContainText(/replicaset-controller ReplicaSet web-\w+: 0 of 2 pods → creating 2/);
  await feed.getByRole('button', { name: 'Close the events feed' }).click();
  await expect(feed).toHaveCount(0);
});

test('at 1280×720 with the inspector open the feed reads without sideways scrolling: objects clipped with their full name on hover, messages wrapped', async ({ kp, page }) => {
  test.setTimeout(120_000);
  await kp.run('kubectl create deployment frontend-with-a-long-name --image=nginx --replicas=3');
  await kp.run('kubectl run crash --image=busybox -- sh -c "exit 1"');
  await kp.speed.selectOption('10');
  const pod = kp.cluster.getByRole('button', { name: /^frontend-with-a-long-name-[^,]*, Running \(running and ready\)/ }).first();
  await expect(pod).toBeVisible({ timeout: 30_000 });
  await pod.click();
  await expect(page.locator('#inspector')).toBeVisible();
  await page.getByRole('button', { name: /^Events/ }).click();
  const feed = page.getByRole('region', { name: 'Events feed' });
  const table = feed.getByRole('table', { name: 'Events, oldest first' });
  await expect(table).toContainText('BackOff', { timeout: 30_000 });
  await kp.speed.selectOption('0');
  const body = page.locator('#events-feed .events-feed-body');
  // A clipped object keeps its whole name: as its accessible name, and as a tooltip.
  const object = table.getByRole('button', { name: /^pod\/frontend-with-a-long-name-/ }).first();
  const full = (await object.textContent())!;
  await expect(object.locator('xpath=..')).toHaveAttribute('title', full);
  const language = page.getByRole('combobox', { name: /Language/ });
  for (const [lang, scheme] of [['en', 'light'], ['zh-CN', 'dark']] as const) {
    await language.selectOption(lang);
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const overflow = await body.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, 'no horizontal scroll in the feed').toBeLessThanOrEqual(0);
    await kp.screenshot(`events-feed-1280x720-inspector-${lang}-${scheme}`);
    expect(await seriousViolations(page)).toEqual([]);
  }
});

test('pods left on a removed node: kubectl lists them, the feed and the inspector say so until the pod GC deletes them', async ({ kp, page }) => {
  test.setTimeout(120_000);
  await kp.run('kubectl create deployment web --image=nginx --replicas=6');
  await kp.speed.selectOption('10');
  await expect(kp.cluster.getByRole('button', { name: /^web-[^,]*, Running \(running and ready\) on worker-2/ })).toHaveCount(2, { timeout: 30_000 });
  await kp.speed.selectOption('1');
  await kp.cluster.getByRole('button', { name: /^worker-2\b/ }).first().click();
  const nodePanel = page.getByRole('complementary', { name: 'Node worker-2' });
  await nodePanel.getByRole('button', { name: 'Remove node' }).click();
  await expect(kp.output).toContainText('node/worker-2 removed (2 pods still bound to it');
  await expect(nodePanel).toContainText('This node no longer exists.');
  await expect(nodePanel).toContainText('2 pods are still bound to a deleted node (worker-2)');
  const orphans = nodePanel.getByRole('list', { name: 'Pods on a deleted node' }).getByRole('button');
  await expect(orphans).toHaveCount(2);
  await kp.run('kubectl get pods -o wide');
  await expect(kp.output).toContainText(/web-\S+\s+1\/1\s+Running\s+0\s+\S+\s+\S+\s+worker-2/);

  await page.getByRole('button', { name: /^Events/ }).click();
  const feed = page.getByRole('region', { name: 'Events feed' });
  await expect(feed).toContainText('2 pods on deleted node worker-2, drawn in its dashed card (the pod GC deletes them within 40–60 s):');
  // The drawing keeps them where they were, in a dashed card named after the node, their status unknown.
  await expect(kp.cluster.getByRole('group', { name: 'Deleted node worker-2, 2 pods still bound to it' })).toBeVisible();
  await expect(kp.cluster.getByRole('button', { name: /^web-[^,]*, Running \(still bound to deleted node worker-2\) on worker-2/ })).toHaveCount(2);
  await kp.screenshot('removed-node-events-feed');
  const name = (await orphans.first().textContent())!;
  await orphans.first().click();
  const podPanel = page.getByRole('complementary', { name: `Pod ${name}` });
  await expect(podPanel).toContainText('worker-2 (node deleted)');
  await expect(podPanel).toContainText('Running');
  await expect(podPanel).toContainText('the pod garbage collector deletes it 40–60 s after the node went');
  await kp.screenshot('removed-node-orphan-pod');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh-CN');
  await expect(podPanel).toContainText('（节点已删除）');
  await kp.screenshot('removed-node-orphan-pod-zh');

  // The pod GC deletes them within a minute; the ReplicaSet has replaced them on the other workers.
  await kp.speed.selectOption('10');
  await expect(feed.locator('.orphan-pods')).toHaveCount(0, { timeout: 30_000 });
  await expect(podPanel).toContainText('此 Pod 已不存在。');
});
