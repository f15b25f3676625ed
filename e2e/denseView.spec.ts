import { expect, test } from './support/fixtures';

test('a bigger cluster from the address, and a dense drawing above a few hundred pods', async ({ kp, page }) => {
  await page.goto('/?workers=8');
  await expect(kp.output).toContainText('(control-plane, worker-1..8)');
  await expect(kp.cluster.getByRole('group', { name: /^worker-8,/ })).toBeVisible();
  await kp.run('kubectl create deployment big --image=nginx --replicas=400');
  await kp.speed.selectOption('10');
  await expect(page.locator('svg.kp-cluster.is-dense')).toBeAttached({ timeout: 30_000 });
  // Pods are cells on the canvas now; nodes stay buttons, and their panel lists the pods.
  await expect(kp.pods('big-')).toHaveCount(0);
  await expect(kp.cluster.getByRole('button', { name: /^Deployment big, complete: 400 desired, 400 updated, 400 available/ })).toBeVisible({ timeout: 60_000 });
  await kp.screenshot('dense-400-pods');
  await kp.cluster.getByRole('button', { name: /^worker-2,/ }).click();
  const panel = page.getByRole('complementary', { name: 'Node worker-2' });
  await panel.getByRole('button', { name: /^big-/ }).first().click();
  await expect(page.getByRole('complementary', { name: /^Pod big-/ })).toBeVisible();
  await kp.run('kubectl scale deployment big --replicas=3');
  await expect(page.locator('svg.kp-cluster.is-dense')).toHaveCount(0, { timeout: 60_000 });
  await expect(kp.pods('big-')).toHaveCount(3, { timeout: 60_000 });
});
