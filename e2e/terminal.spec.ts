import { expect, test } from './support/fixtures';

test('kubectl get nodes lists the four default nodes in the transcript', async ({ kp }) => {
  await kp.run('kubectl get nodes');
  await expect(kp.output).toContainText('$ kubectl get nodes');
  for (const node of ['control-plane', 'worker-1', 'worker-2', 'worker-3']) await expect(kp.output).toContainText(node);
  await expect(kp.terminal).toHaveValue('');
  await kp.screenshot('terminal-get-nodes');
});

test('typing key by key, history with the arrow keys, and clear', async ({ kp, page }) => {
  await kp.terminal.pressSequentially('kubectl get nodes');
  await kp.terminal.press('Enter');
  await expect(kp.output).toContainText('worker-3');
  await kp.terminal.press('ArrowUp');
  await expect(kp.terminal).toHaveValue('kubectl get nodes');
  await kp.terminal.press('ArrowDown');
  await expect(kp.terminal).toHaveValue('');
  await kp.run('clear');
  await expect(kp.output).not.toContainText('worker-3');
  await kp.terminal.press('Control+l');
  await expect(page.getByRole('textbox', { name: 'Terminal', exact: true })).toBeFocused();
});

test('tab completes a kubectl verb', async ({ kp }) => {
  await kp.terminal.fill('kubectl ge');
  await kp.terminal.press('Tab');
  await expect(kp.terminal).toHaveValue(/^kubectl get/);
});

test('Ctrl+C stops a waiting command and the prompt comes back', async ({ kp }) => {
  await kp.speed.selectOption('0');
  await kp.run('sleep 1h');
  await expect(kp.output).toContainText('$ sleep 1h');
  await kp.terminal.press('Control+c');
  await expect(kp.output).toContainText('^C');
  await kp.run('kubectl get nodes');
  await expect(kp.output).toContainText('worker-1');
});

test('clicking the terminal and typing on the keyboard works too', async ({ kp, page }) => {
  await page.getByRole('button', { name: 'Reset' }).focus();
  await kp.terminal.click();
  await expect(kp.terminal).toBeFocused();
  await page.keyboard.type('kubectl get nodes');
  await page.keyboard.press('Enter');
  await expect(kp.output).toContainText('worker-2');
  // A click anywhere in the terminal's drawing also puts the caret back in the input.
  await page.getByRole('button', { name: 'Reset' }).focus();
  await page.locator('.terminal-host').click({ position: { x: 400, y: 12 }, force: true });
  await expect(kp.terminal).toBeFocused();
});
