import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { expect, test, type KubeplayPage } from './support/fixtures';

/** The virtual clock in whole seconds. */
async function clockSeconds(page: Page): Promise<number> {
  const [h, m, s] = ((await page.locator('.clock-value').textContent()) ?? '').split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/** A Deployment of 2 Running pods, then scaled to 5 Running; returns the virtual second just before the scale. */
async function scaledDeployment(kp: KubeplayPage, page: Page): Promise<number> {
  await kp.speed.selectOption('10');
  await kp.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
  const running = kp.cluster.getByRole('button', { name: /^web-[^,]*, Running/ });
  await expect(running).toHaveCount(2, { timeout: 30_000 });
  const before = await clockSeconds(page);
  await kp.run('kubectl scale deployment web --replicas=5');
  await expect(kp.output).toContainText('deployment.apps/web scaled');
  await expect(running).toHaveCount(5, { timeout: 30_000 });
  return before;
}

const timeline = (page: Page): Locator => page.getByRole('slider', { name: 'Timeline' });

test('reload keeps the work: files, commands and the cluster they made', async ({ kp, page }) => {
  await scaledDeployment(kp, page);
  await kp.run('kubectl get deployment web');
  await expect(kp.output).toContainText(/web\s+5\/5/);
  await expect(page.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible();
  await page.reload();
  await expect(kp.output).toContainText('# Reopened', { timeout: 30_000 });
  await expect(kp.output).toContainText('$ kubectl scale deployment web --replicas=5');
  await expect(kp.pods('web-')).toHaveCount(5);
  await kp.run('kubectl get deployment web');
  await expect(kp.output).toContainText(/web\s+5\/5/);
  await kp.screenshot('history-reloaded');
});

test('undo reverts a kubectl scale; redo and the keyboard shortcuts put it back', async ({ kp, page }) => {
  await scaledDeployment(kp, page);
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toHaveAttribute('title', /kubectl scale deployment web --replicas=5/);
  await undo.click();
  await expect(kp.output).toContainText('# Undo: kubectl scale deployment web --replicas=5');
  await expect(kp.pods('web-')).toHaveCount(2);
  await kp.screenshot('history-undone');
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(kp.pods('web-')).toHaveCount(5);
  // Shortcuts act when focus is outside the editor and the terminal…
  await undo.focus();
  await page.keyboard.press('Control+z');
  await expect(kp.pods('web-')).toHaveCount(2);
  await page.keyboard.press('Control+Shift+z');
  await expect(kp.pods('web-')).toHaveCount(5);
  // …and not in the terminal, where Ctrl+Z belongs to the line being typed.
  await kp.terminal.focus();
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(300);
  await expect(kp.pods('web-')).toHaveCount(5);
});

test('scrubbing the timeline back shows the earlier pod count; a command there forks history, and undo brings it back', async ({ kp, page }) => {
  const before = await scaledDeployment(kp, page);
  const slider = timeline(page);
  await slider.fill(String((before - 1) * 1000));
  await expect(page.getByRole('status').filter({ hasText: 'Viewing' })).toContainText('A command or Play continues from here as a new history');
  await expect(kp.pods('web-')).toHaveCount(2);
  await expect(kp.speed).toHaveValue('0');
  await expect(slider).toHaveAttribute('aria-valuetext', /1 command by then/);
  await kp.screenshot('history-past');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Back to now' }).click();
  await expect(kp.pods('web-')).toHaveCount(5);
  await expect(kp.speed).toHaveValue('10');

  await slider.fill(String((before - 1) * 1000));
  await expect(kp.pods('web-')).toHaveCount(2);
  await kp.run('kubectl scale deployment web --replicas=3');
  await expect(kp.output).toContainText('# History forked at');
  await expect(page.getByRole('status').filter({ hasText: 'History forked at' })).toBeVisible();
  await expect(kp.pods('web-')).toHaveCount(3);
  await kp.screenshot('history-forked');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(kp.pods('web-')).toHaveCount(5);
  await expect(kp.output).toContainText('$ kubectl scale deployment web --replicas=5');
});

test('Scenarios keeps several sessions: a new one starts fresh, the first reopens, renamed; Reset asks first', async ({ kp, page }) => {
  await kp.run('kubectl create namespace first');
  await expect(kp.output).toContainText('namespace/first created');
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenarios' });
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'New scenario' }).click();
  await expect(dialog).toBeHidden();
  await expect(kp.output).toContainText('New scenario "Scenario 2"');
  await kp.run('kubectl get ns first');
  await expect(kp.output).toContainText('namespaces "first" not found');

  await page.getByRole('button', { name: 'Scenarios' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  const firstRow = dialog.getByRole('listitem').filter({ hasNotText: 'Scenario 2' });
  await firstRow.getByRole('button', { name: /^Rename/ }).click();
  await dialog.getByRole('textbox', { name: 'New name' }).fill('<img src=x onerror=alert(1)> namespaces');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('<img src=x onerror=alert(1)> namespaces')).toBeVisible();
  await kp.screenshot('history-scenarios');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Open <img src=x onerror=alert(1)> namespaces' }).click();
  await expect(dialog).toBeHidden();
  await kp.run('kubectl get ns first');
  await expect(kp.output).toContainText(/first\s+Active/);

  await page.getByRole('button', { name: 'Reset' }).click();
  const ask = page.getByRole('dialog', { name: 'Start again?' });
  await expect(ask).toContainText('the 2 commands of this scenario are discarded');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await kp.run('kubectl get ns first');
  await expect(kp.output).toContainText(/first\s+Active/);
});

test('the session bar in the dark theme', async ({ kp, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await scaledDeployment(kp, page);
  await timeline(page).fill('3000');
  await expect(page.getByRole('status').filter({ hasText: 'Viewing' })).toBeVisible();
  await kp.screenshot('history-dark');
  expect(await seriousViolations(page)).toEqual([]);
});
