import { expect, KubeplayPage, test } from './support/fixtures';

test('boots into the default cluster with a terminal ready for input', async ({ kp, page }) => {
  await expect(page).toHaveTitle(/Kubeplay/);
  await expect(kp.cluster).toBeVisible();
  for (const node of ['control-plane', 'worker-1', 'worker-2', 'worker-3']) {
    await expect(kp.cluster.getByRole('group', { name: new RegExp(`^${node},`) })).toBeVisible();
  }
  await expect(kp.cluster).toContainText('Apply a Deployment to see pods appear');
  await expect(kp.speed).toHaveValue('1');
  await expect(kp.terminal).toBeFocused();
  await expect(kp.output).toContainText('Welcome to Kubeplay');
  await kp.screenshot('boot-light');
});

test('the speed control pauses and resumes virtual time', async ({ kp, page }) => {
  const clock = page.locator('time.clock-value');
  await kp.speed.selectOption('0');
  const paused = await clock.textContent();
  await page.waitForTimeout(1500);
  await expect(clock).toHaveText(paused ?? '');
  await kp.speed.selectOption('30');
  await expect(clock).not.toHaveText(paused ?? '');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('follows a dark color scheme', async ({ kp, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(238, 241, 245)');
  await kp.screenshot('boot-dark');
});

test('Reset starts again from a fresh default cluster', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx --replicas=2');
  await expect(kp.pods('web-')).toHaveCount(2);
  await page.getByRole('button', { name: 'Reset' }).click();
  // It asks first: the scenario's command would be discarded.
  await page.getByRole('dialog', { name: 'Start again?' }).getByRole('button', { name: 'Reset' }).click();
  await expect(kp.pods('web-')).toHaveCount(0);
  await expect(kp.output).toContainText('Cluster reset');
  await expect(page.locator('time.clock-value')).toHaveText(/^00:00:0\d$/);
  await kp.run('kubectl get deployments');
  await expect(kp.output).toContainText('No resources found in default namespace.');
});

test('the first screen draws and takes a command before the engine has loaded', async ({ page }) => {
  // Hold the engine's chunk back: everything else loads as usual.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/k8s-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const kp = new KubeplayPage(page);
  await kp.open();
  const starting = kp.cluster.getByRole('status').filter({ hasText: 'Starting the cluster…' });
  await expect(starting).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reset' })).toBeDisabled();
  await kp.screenshot('boot-starting');
  await kp.run('kubectl get nodes');
  await expect(kp.output).toContainText('$ kubectl get nodes');
  release();
  await expect(kp.cluster.getByRole('group', { name: /^worker-1,/ })).toBeVisible();
  await expect(kp.output).toContainText('worker-3');
  await expect(starting).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reset' })).toBeEnabled();
});
