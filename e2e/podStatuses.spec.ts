import { expect, test } from './support/fixtures';

test('a crash-looping pod shows CrashLoopBackOff, a bad image ErrImagePull, each with its own mark', async ({ kp }) => {
  await kp.speed.selectOption('10');
  await kp.run('kubectl run crash --image=busybox -- sh -c "exit 1"');
  await kp.run('kubectl run typo --image=nginx:doesnotexist');
  await kp.run('kubectl run ok --image=nginx');
  const crash = kp.cluster.getByRole('button', { name: /^crash, CrashLoopBackOff \(crashing\)/ });
  await expect(crash).toHaveCount(1, { timeout: 30_000 });
  await expect(crash).toHaveAttribute('data-look', 'crash');
  const typo = kp.cluster.getByRole('button', { name: /^typo, (ErrImagePull|ImagePullBackOff) \(cannot pull its image\)/ });
  await expect(typo).toHaveAttribute('data-look', 'imagePull');
  await expect(kp.cluster.getByRole('button', { name: /^ok, Running \(running and ready\)/ })).toHaveCount(1);
  // The restart counter appears once the container has restarted.
  await expect(kp.cluster.getByRole('button', { name: /^crash, CrashLoopBackOff .*restart/ })).toHaveCount(1, { timeout: 30_000 });
  // The counter is painted on the pods' canvas; the button carries the count it paints.
  await expect(crash).toHaveAttribute('data-restarts', /^[1-9]\d*$/);
  await kp.screenshot('pod-statuses');
});

test('a rolling update shows the old and the new revision side by side, in two colors', async ({ kp }) => {
  await kp.speed.selectOption('10');
  await kp.run('kubectl create deployment web --image=nginx:1.26 --replicas=6');
  await expect(kp.cluster.getByRole('button', { name: /^web-[^,]*, Running \(running and ready\)/ })).toHaveCount(6, { timeout: 30_000 });
  await kp.speed.selectOption('1');
  await kp.run('kubectl set image deployment/web nginx=nginx:1.27');
  await expect(kp.cluster.getByRole('button', { name: /^web-.*revision 2$/ }).first()).toBeVisible({ timeout: 30_000 });
  await expect(kp.cluster.getByRole('button', { name: /^web-.*revision 1$/ }).first()).toBeVisible();
  await kp.screenshot('rolling-update-two-revisions');
});
