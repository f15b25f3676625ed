import { expect, test } from './support/fixtures';

test('Step moves the paused clock one second, from the button and the "." key, each a command', async ({ kp, page }) => {
  await kp.speed.selectOption('0');
  const clock = page.locator('.clock-value');
  const before = await clock.textContent();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(kp.output).toContainText('$ kubeplay clock step');
  await expect(kp.output).toContainText(/virtual time 00:00:\d\d \(\+1s\)/);
  const seconds = (t: string | null) => {
    const [h, m, s] = (t ?? '').split(':').map(Number);
    return h * 3600 + m * 60 + s;
  };
  await expect.poll(async () => seconds(await clock.textContent()) - seconds(before)).toBe(1);
  // The shortcut works when focus is not in a text field.
  await page.getByRole('button', { name: 'Step', exact: true }).focus();
  await page.keyboard.press('.');
  await expect.poll(async () => seconds(await clock.textContent()) - seconds(before)).toBe(2);
  // …and types a dot, not a step, in the terminal.
  await kp.terminal.focus();
  await page.keyboard.press('.');
  await expect.poll(async () => seconds(await clock.textContent()) - seconds(before)).toBe(2);
  await kp.screenshot('time-step');
});

test('Fast-forward brings a Deployment to Ready while paused, and says when it settled', async ({ kp, page }) => {
  await kp.speed.selectOption('0');
  await kp.run('kubectl create deployment web --image=nginx:1.27 --replicas=3');
  await expect(kp.output).toContainText('deployment.apps/web created');
  await page.getByRole('button', { name: 'Fast-forward until nothing changes' }).click();
  await expect(kp.output).toContainText('$ kubeplay clock settle');
  await expect(kp.output).toContainText(/Settled \d+s in/, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Fast-forward until nothing changes' })).toBeEnabled();
  await kp.run('kubectl get deployment web');
  await expect(kp.output).toContainText(/web\s+3\/3\s+3\s+3/);
  await expect(kp.pods('web-')).toHaveCount(3);
  await kp.screenshot('time-settled');
});

test('Fast-forward stops at its cap for a crash loop, and the page stays responsive meanwhile', async ({ kp, page }) => {
  await kp.run('kubectl run crashy --image=busybox:1.36 -- sh -c "exit 1"');
  await page.getByRole('button', { name: 'Fast-forward until nothing changes' }).click();
  const stop = page.getByRole('button', { name: 'Stop fast-forward' });
  // While it runs, the page answers: the terminal takes typing.
  await kp.terminal.fill('kubectl get pods');
  await expect(kp.terminal).toHaveValue('kubectl get pods');
  await expect(kp.output).toContainText('Still changing after 10m0s, the cap', { timeout: 60_000 });
  await expect(kp.output).toContainText('pod/crashy (');
  await expect(stop).toHaveCount(0);
  await kp.screenshot('time-cap');
});
