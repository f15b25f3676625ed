import { expect, test } from './support/fixtures';

test('watch redraws kubectl get pods as the cluster changes, and Ctrl+C brings back the terminal as it was', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx:1.27 --replicas=3');
  await kp.run('echo "before watch"');
  await kp.speed.selectOption('10');
  await kp.run('watch -n 2 kubectl get pods');
  const screen = page.locator('.terminal-host .xterm-rows');
  await expect(screen).toContainText(/Every 2\.0s: kubectl get pods\s+kubeplay: /);
  await expect(screen).toContainText(/web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/, { timeout: 30_000 });
  // On the alternate screen: what was typed before is not in view while watch runs.
  await expect(screen).not.toContainText('before watch');
  await kp.speed.selectOption('0');
  // The transcript screen readers read holds watch's latest screen only.
  await expect(kp.output).toContainText('Every 2.0s: kubectl get pods');
  expect((await kp.output.innerText()).split('Every 2.0s').length).toBe(2);
  await kp.screenshot('terminal-watch');
  await kp.terminal.press('Control+c');
  await expect(screen).toContainText('before watch');
  await expect(screen).not.toContainText('Every 2.0s');
  await expect(kp.output).not.toContainText('Every 2.0s');
  await kp.run('echo "after watch $?"');
  await expect(kp.output).toContainText('after watch 130');
  await kp.screenshot('terminal-after-watch');
});

test('watch -d shows what changed since the last round in reverse video; the transcript holds the text alone', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
  await kp.speed.selectOption('10');
  await kp.run('watch -d -n 1 kubectl get pods');
  const screen = page.locator('.terminal-host .xterm-rows');
  await expect(screen).toContainText(/web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/, { timeout: 30_000 });
  // xterm draws standout (SGR 7) in the inverted default colors: the AGE digits that ticked.
  await expect(page.locator('.terminal-host .xterm-rows span.xterm-bg-257').filter({ hasText: /^\d+$/ }).first()).toBeVisible({ timeout: 10_000 });
  await kp.speed.selectOption('0');
  await expect(kp.output).toContainText('Every 1.0s: kubectl get pods');
  expect(await kp.output.innerText()).not.toContain('\x1b');
  await kp.screenshot('terminal-watch-differences');
  await kp.terminal.press('Control+c');
});
