import { expect, test } from './support/fixtures';

test('a stopped node goes Unknown, its pods turn unknown, and they are rescheduled elsewhere', async ({ kp, page }) => {
  test.setTimeout(120_000);
  await kp.run('kubectl create deployment web --image=nginx --replicas=6');
  await kp.speed.selectOption('10');
  const ready = kp.cluster.getByRole('button', { name: /^web-[^,]*, Running \(running and ready\)/ });
  await expect(ready).toHaveCount(6, { timeout: 30_000 });
  const onWorker1 = kp.cluster.getByRole('button', { name: /^web-[^,]*, .* on worker-1/ });
  const victims = await onWorker1.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? '').split(',')[0]));
  expect(victims.length).toBeGreaterThan(0);

  await kp.cluster.getByRole('button', { name: /^worker-1,/ }).click();
  await page.getByRole('complementary', { name: 'Node worker-1' }).getByRole('button', { name: 'Stop node' }).click();
  await expect(kp.output).toContainText('$ kubeplay node stop worker-1');
  await expect(kp.cluster.getByRole('group', { name: /^worker-1, Ready, powered off/ })).toBeVisible();
  await kp.speed.selectOption('30');
  // After the 50 s grace period the node lifecycle controller marks it Unknown, and its pods unknown.
  await expect(kp.cluster.getByRole('group', { name: /^worker-1, Unknown/ })).toBeVisible({ timeout: 30_000 });
  await expect(kp.cluster.getByRole('button', { name: new RegExp(`^${victims[0]}, .*status unknown`) })).toBeVisible();
  await kp.screenshot('node-stopped-unknown');
  // After the 300 s toleration the pods are evicted and replaced on the other workers.
  await expect(ready).toHaveCount(6, { timeout: 60_000 });
  const readyElsewhere = kp.cluster.getByRole('button', { name: /^web-[^,]*, Running \(running and ready\) on worker-[23]/ });
  await expect(readyElsewhere).toHaveCount(6, { timeout: 30_000 });
  for (const name of victims) await expect(kp.cluster.getByRole('button', { name: new RegExp(`^${name}, Running \\(running and ready\\)`) })).toHaveCount(0);
  await kp.screenshot('node-stopped-rescheduled');
});
