import { expect, test } from './support/fixtures';
import { LessonsUi } from './support/lessons';

/** A lesson's commands have buttons: Run types one at the terminal's prompt and enters it; Edit leaves it there to fill in. */

test('Run enters a lesson command in the terminal as if typed, and the step’s check sees its effect', async ({ kp, page }) => {
  const lessons = new LessonsUi(page);
  await lessons.start('Self-healing');
  await page.getByRole('button', { name: 'Run in the terminal: kubectl apply -f web.yaml' }).click();
  await expect(kp.output).toContainText('$ kubectl apply -f web.yaml\ndeployment.apps/web created');
  // As typed: it is in the prompt's history (↑ brings it back).
  await kp.terminal.focus();
  await kp.terminal.press('ArrowUp');
  await expect(kp.terminal).toHaveValue('kubectl apply -f web.yaml');
  await kp.terminal.fill('');
  await kp.speed.selectOption('10');
  await lessons.passes();
  await kp.screenshot('lesson-run-buttons');
});

test('Edit puts a command with a placeholder on the prompt, the placeholder selected, so typing replaces it', async ({ kp, page }) => {
  const lessons = new LessonsUi(page);
  await lessons.start('Self-healing');
  await page.getByRole('button', { name: 'Run in the terminal: kubectl apply -f web.yaml' }).click();
  await expect(kp.output).toContainText('deployment.apps/web created');
  await lessons.next();
  await page.getByRole('button', { name: 'Put on the terminal prompt to fill in: kubectl delete pod <one of the names>' }).click();
  await expect(kp.terminal).toBeFocused();
  await expect(kp.terminal).toHaveValue('kubectl delete pod <one of the names>');
  // Nothing ran: no "$ kubectl delete" line in the transcript yet.
  await expect(kp.output).not.toContainText('$ kubectl delete pod');
  await page.keyboard.type('nosuch');
  await expect(kp.terminal).toHaveValue('kubectl delete pod nosuch');
  await page.keyboard.press('Enter');
  await expect(kp.output).toContainText('Error from server (NotFound): pods "nosuch" not found');
});

test('in Chinese the buttons are named in Chinese', async ({ kp, page }) => {
  await expect(kp.terminal).toBeVisible();
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh-CN');
  await page.getByRole('button', { name: '课程', exact: true }).click();
  await page.locator('.lesson-card').nth(3).getByRole('button').last().click();
  await expect(page.getByRole('button', { name: '在终端中运行：kubectl apply -f web.yaml' })).toBeVisible();
});
