import { seriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { LessonsUi } from './support/lessons';

/** A lesson replaces the cluster and the files: the learner's work is never lost silently. */

test('starting a lesson keeps the learner’s work as a scenario, says so, and Back to my work returns to it', async ({ kp, page }) => {
  await kp.run('kubectl create namespace mine');
  await expect(kp.output).toContainText('namespace/mine created');
  const lessons = new LessonsUi(page);
  await lessons.start('Self-healing');
  const notice = page.getByRole('status').filter({ hasText: 'Your earlier work is kept as the scenario' });
  await expect(notice).toBeVisible();
  await expect(kp.output).toContainText('# Lesson "Self-healing": a fresh cluster (control-plane, worker-1..3).');
  await kp.run('kubectl get ns mine');
  await expect(kp.output).toContainText('namespaces "mine" not found');
  await kp.screenshot('lesson-kept-work');
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await kp.screenshot('lesson-kept-work-dark');
  expect(await seriousViolations(page)).toEqual([]);

  // Both sessions are on the shelf: the learner's, and the lesson's, named after it.
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenarios' });
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await expect(dialog.getByText('Lesson: Self-healing')).toBeVisible();
  await page.keyboard.press('Escape');

  await notice.getByRole('button', { name: 'Back to my work' }).click();
  await expect(page.getByRole('heading', { name: 'Lesson: Self-healing' })).toBeHidden();
  await kp.run('kubectl get ns mine');
  await expect(kp.output).toContainText(/mine\s+Active/);
});

test('with nothing of the learner’s, a lesson starts without a word about kept work', async ({ kp, page }) => {
  const lessons = new LessonsUi(page);
  await lessons.start('Self-healing');
  await expect(kp.output).toContainText('# Lesson "Self-healing"');
  await expect(page.getByText('Your earlier work is kept')).toHaveCount(0);
});

test('when this browser cannot keep the work, the lesson asks first: Cancel keeps it, Discard starts', async ({ kp, page }) => {
  // Scenario records no longer fit (a full quota): the work cannot be kept aside.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('kubeplay.scenario.v1.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
  await kp.open();
  await kp.run('kubectl create namespace mine');
  await expect(kp.output).toContainText('namespace/mine created');
  const lessons = new LessonsUi(page);
  await lessons.openList();
  await lessons.card('Self-healing').getByRole('button', { name: 'Start lesson Self-healing', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Start "Self-healing" without keeping your work?' });
  await expect(ask).toContainText('(1 command)');
  await kp.screenshot('lesson-discard-ask');
  expect(await seriousViolations(page)).toEqual([]);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await kp.run('kubectl get ns mine');
  await expect(kp.output).toContainText(/mine\s+Active/);

  await lessons.card('Self-healing').getByRole('button', { name: 'Start lesson Self-healing', exact: true }).click();
  await ask.getByRole('button', { name: 'Discard my work and start' }).click();
  await expect(page.getByRole('heading', { name: 'Lesson: Self-healing' })).toBeVisible();
  await expect(kp.output).toContainText('# Lesson "Self-healing"');
});

test('the lesson’s start is said in Chinese when the page is in Chinese', async ({ kp, page }) => {
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh-CN');
  await kp.run('kubectl create namespace mine');
  await page.getByRole('button', { name: '课程', exact: true }).click();
  const card = page.locator('.lesson-card').filter({ has: page.getByRole('heading', { name: '自我修复', exact: true }) });
  await card.getByRole('button', { name: /^开始课程/ }).click();
  await expect(kp.output).toContainText('# 课程“自我修复”：一个全新的集群（control-plane, worker-1..3）。');
  await expect(page.getByRole('status').filter({ hasText: '你之前的工作已保存为场景' })).toBeVisible();
  await kp.screenshot('lesson-kept-work-zh');
});
