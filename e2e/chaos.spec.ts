import { expect, test } from './support/fixtures';

test('kill a pod from the view: a replacement with a new name becomes Ready', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx --replicas=3');
  await kp.speed.selectOption('10');
  const ready = kp.cluster.getByRole('button', { name: /^web-[^,]*, Running \(running and ready\)/ });
  await expect(ready).toHaveCount(3, { timeout: 30_000 });
  const before = await ready.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? '').split(',')[0]));
  const victim = before[1];
  await kp.speed.selectOption('1');
  await kp.cluster.getByRole('button', { name: new RegExp(`^${victim},`) }).click();
  await page.getByRole('complementary', { name: `Pod ${victim}` }).getByRole('button', { name: 'Kill pod' }).click();
  await expect(kp.output).toContainText(`$ kubectl delete pod ${victim} --grace-period=0 --force`);
  // The ReplicaSet controller says what it does, and the new pod comes from the scheduler.
  await expect(kp.cluster.getByRole('group', { name: 'Control plane' })).toContainText(/replicaset-controller: ReplicaSet web-\w+: 2 of 3 pods → creating 1|default-scheduler: bound web-/);
  await kp.screenshot('kill-pod-replacing');
  await kp.speed.selectOption('10');
  await expect(ready).toHaveCount(3, { timeout: 30_000 });
  const after = await ready.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? '').split(',')[0]));
  expect(after).not.toContain(victim);
  expect(after.filter((n) => !before.includes(n))).toHaveLength(1);
  await expect(page.getByRole('complementary', { name: `Pod ${victim}` })).toContainText('This pod no longer exists.');
  await kp.screenshot('kill-pod-replaced');
});

test('the dark theme draws the same cluster', async ({ kp, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await kp.run('kubectl create deployment web --image=nginx --replicas=4');
  await kp.run('kubectl expose deployment web --port=80');
  await kp.run('kubectl run crash --image=busybox -- sh -c "exit 1"');
  await kp.speed.selectOption('10');
  await expect(kp.cluster.getByRole('button', { name: /^Service web, .*4 ready endpoints/ })).toBeVisible({ timeout: 30_000 });
  await expect(kp.cluster.getByRole('button', { name: /^crash, CrashLoopBackOff/ })).toBeVisible({ timeout: 30_000 });
  await kp.screenshot('cluster-dark');
});
