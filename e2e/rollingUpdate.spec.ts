import { expect, test } from './support/fixtures';

test('kubectl set image animates a rolling update to completion', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx:1.26 --replicas=6');
  await kp.speed.selectOption('10');
  const ready = (revision: number) => kp.cluster.getByRole('button', { name: new RegExp(`^web-[^,]*, Running \\(running and ready\\).*revision ${revision}$`) });
  await expect(ready(1)).toHaveCount(6, { timeout: 30_000 });
  await kp.speed.selectOption('1');
  await kp.run('kubectl set image deployment/web nginx=nginx:1.27');
  await expect(kp.output).toContainText('deployment.apps/web image updated');
  // New pods travel from the control plane to their node while the change flows through the components.
  await expect(page.locator('.kp-cluster .pulse-dot').first()).toBeAttached();
  await expect(kp.cluster.getByRole('button', { name: /^web-.*revision 2$/ }).first()).toBeVisible();
  await expect(kp.cluster.getByRole('button', { name: /^Deployment web, rolling out: 6 desired/ })).toBeVisible();
  await page.waitForTimeout(1500);
  await kp.screenshot('rolling-update-midway');
  await kp.speed.selectOption('10');
  await expect(ready(2)).toHaveCount(6, { timeout: 60_000 });
  await expect(kp.cluster.getByRole('button', { name: /^web-.*revision 1$/ })).toHaveCount(0, { timeout: 30_000 });
  await kp.run('kubectl rollout status deployment/web');
  await expect(kp.output).toContainText('deployment "web" successfully rolled out');
  await kp.screenshot('rolling-update-done');
});

test('with reduced motion nothing travels: pods appear in place and no pulse moves', async ({ kp, page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await kp.run('kubectl create deployment web --image=nginx --replicas=3');
  await expect(kp.pods('web-')).toHaveCount(3);
  await expect(page.locator('.kp-cluster .pulse-dot')).toHaveCount(0);
  await expect(page.locator('.kp-cluster .component.is-active').first()).toBeAttached();
});
