import { expect, test } from './support/fixtures';

test('a Service draws lines to its ready endpoints and leaves unready pods out', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx --replicas=3');
  await kp.run('kubectl expose deployment web --port=80');
  await kp.speed.selectOption('10');
  const svc = kp.cluster.getByRole('button', { name: /^Service web, ClusterIP [\d.]+, 3 ready endpoints$/ });
  await expect(svc).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.kp-cluster .svc-link.is-ready')).toHaveCount(3 + 1); // three pods, and the kubernetes Service to the API server
  const deploy = kp.cluster.getByRole('button', { name: /^Deployment web, complete: 3 desired, 3 updated, 3 available, revision 1$/ });
  await expect(deploy).toBeVisible();
  // A pod that is not ready stays in the slice, kept out of traffic: a dashed line with a cross.
  await kp.run('kubectl run bad --image=busybox --labels=app=web -- sh -c "exit 1"');
  await expect(kp.cluster.getByRole('button', { name: /^Service web, ClusterIP [\d.]+, 3 ready endpoints, 1 not ready$/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.kp-cluster .svc-link.is-excluded')).toHaveCount(1);
  await kp.screenshot('service-links');
});
