import { expect, test } from './support/fixtures';

test('the cluster mode switches between the Kubernetes view, the Swarm view and both side by side', async ({ kp, page }) => {
  const modes = page.getByRole('radiogroup', { name: 'Cluster mode' });
  await expect(modes.getByRole('radio', { name: 'Kubernetes' })).toBeChecked();
  const swarm = page.getByRole('region', { name: 'Swarm cluster' });
  await expect(swarm).toHaveCount(0);

  await modes.getByRole('radio', { name: 'Swarm' }).check();
  await expect(swarm).toBeVisible();
  await expect(kp.cluster).toHaveCount(0);
  await expect(swarm).toContainText('3 nodes');

  await modes.getByRole('radio', { name: 'Side by side' }).check();
  await expect(swarm).toBeVisible();
  await expect(kp.cluster).toBeVisible();
  const k8s = (await kp.cluster.boundingBox())!;
  const docker = (await swarm.boundingBox())!;
  expect(docker.x, 'the Swarm view beside the Kubernetes view').toBeGreaterThanOrEqual(k8s.x + k8s.width - 1);
  await kp.screenshot('swarm-side-by-side-skeleton');

  await modes.getByRole('radio', { name: 'Kubernetes' }).check();
  await expect(swarm).toHaveCount(0);
  await expect(kp.cluster).toBeVisible();
});
