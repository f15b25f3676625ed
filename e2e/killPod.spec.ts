import { expect, test } from './support/fixtures';

test('a Deployment fills the view with pods, and a killed pod is replaced', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx --replicas=3');
  await expect(kp.output).toContainText('deployment.apps/web created');
  await kp.speed.selectOption('10');
  const pods = kp.pods('web-');
  await expect(pods).toHaveCount(3);
  const running = kp.cluster.getByRole('button', { name: /^web-[^,]*, Running/ });
  await expect(running).toHaveCount(3, { timeout: 30_000 });
  await kp.screenshot('pods-running');

  const victim = pods.first();
  const label = (await victim.getAttribute('aria-label')) ?? '';
  const name = label.split(',')[0];
  await victim.click();
  const panel = page.getByRole('complementary', { name: `Pod ${name}` });
  await expect(panel).toBeVisible();
  await kp.screenshot('pod-selected');
  await panel.getByRole('button', { name: 'Kill pod' }).click();

  await expect(kp.output).toContainText(`$ kubectl delete pod ${name} --grace-period=0 --force`);
  await expect(kp.cluster.getByRole('button', { name: new RegExp(`^${name}`) })).toHaveCount(0);
  // The ReplicaSet notices and creates a replacement with a new name.
  await expect(pods).toHaveCount(3);
  await expect(kp.cluster.getByRole('button', { name: new RegExp(`^${name}`) })).toHaveCount(0);
  await expect(kp.output).toContainText(`pod "${name}" force deleted`);
  await expect(running).toHaveCount(3, { timeout: 30_000 });
  await kp.screenshot('pod-replaced');
});

test('Apply runs kubectl apply -f web.yaml in the terminal', async ({ kp, page }) => {
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(kp.output).toContainText('$ kubectl apply -f web.yaml');
  await expect(kp.output).toContainText('deployment.apps/web created');
  await expect(kp.pods('web-')).toHaveCount(3);
});

test('pods are reachable from the keyboard', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx --replicas=2');
  await expect(kp.pods('web-')).toHaveCount(2);
  await kp.pods('web-').first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(kp.pods('web-').nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Kill pod' })).toBeVisible();
});
