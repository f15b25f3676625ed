import { LessonsUi, lessonTitles } from './support/lessons';
import { expect, test } from './support/fixtures';

/** Lessons in the page: the list, a lesson walked through the UI, progress kept across a reload. */

test('the self-healing lesson walked through the UI: Apply, a pod killed from the cluster view, a crashed container, then the solutions', async ({ kp, page }) => {
  test.setTimeout(240_000);
  const lessons = new LessonsUi(page);
  await lessons.start('Self-healing');
  await expect(page.getByRole('tab', { name: /web\.yaml/ })).toBeVisible();
  await expect(kp.output).toContainText('# Lesson "Self-healing": a fresh cluster (control-plane, worker-1..3).');
  await kp.speed.selectOption('30');

  // Step 1: the check waits, then turns green by itself once three replicas are ready.
  await expect(lessons.check()).toContainText('Not yet');
  await page.getByRole('button', { name: 'Show a hint' }).click();
  await expect(page.getByRole('complementary', { name: 'Hint 1' })).toContainText('rollout status');
  await page.getByRole('button', { name: /^Apply\b/ }).click();
  await expect(kp.output).toContainText('$ kubectl apply -f web.yaml');
  await lessons.passes();
  await kp.screenshot('lesson-step-passed');
  await lessons.next();

  // Step 2: a pod killed from the cluster view.
  await expect(page.getByRole('heading', { name: /Delete a Pod/ })).toBeVisible();
  await expect(lessons.check()).toContainText('Not yet');
  const victim = kp.pods('web-').first();
  const name = ((await victim.getAttribute('aria-label')) ?? '').split(',')[0];
  await victim.click();
  await page
    .getByRole('complementary', { name: `Pod ${name}` })
    .getByRole('button', { name: 'Kill pod' })
    .click();
  await expect(kp.output).toContainText(`$ kubectl delete pod ${name} --grace-period=0 --force`);
  await lessons.passes();
  await lessons.next();

  // Step 3: a container crashed from the pod's panel; the kubelet restarts it.
  await expect(page.getByRole('heading', { name: /Crash a container/ })).toBeVisible();
  await kp.pods('web-').first().click();
  await page.getByRole('button', { name: 'Crash container' }).click();
  await expect(kp.output).toContainText('$ kubeplay container crash web-');
  await lessons.passes();
  await lessons.next();

  // Steps 4 and 5 through Show solution: the commands appear in the terminal as if typed.
  await expect(page.locator('.lesson-files')).toContainText('crasher.yaml');
  await expect(page.getByRole('tab', { name: /crasher\.yaml/ })).toBeVisible();
  await lessons.walkBySolutions(3);
  await expect(kp.output).toContainText('$ kubectl apply -f crasher.yaml');
  await expect(kp.output).toContainText('$ sleep 6m');
  await expect(kp.output).toContainText('$ kubeplay node stop worker-');
  await kp.screenshot('lesson-complete');

  // The list marks the lesson done, and still does after a reload (which brings the lesson back
  // at its step, on the cluster the autosave replays).
  await page.getByRole('button', { name: 'All lessons' }).last().click();
  await expect(lessons.card('Self-healing')).toContainText('Done');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Lesson: Self-healing' })).toBeVisible({ timeout: 30_000 });
  await lessons.openList();
  await expect(lessons.card('Self-healing')).toContainText('Done');
  await expect(lessons.card('Self-healing')).toContainText(/(\d+) of \1 steps done/);
  await expect(lessons.card('Rolling updates and rollback')).toContainText('Not started');
});

test('switching the language keeps the step, and the lesson text follows it', async ({ kp, page }) => {
  const lessons = new LessonsUi(page);
  await lessons.start('Self-healing');
  await kp.speed.selectOption('30');
  await page.getByRole('button', { name: 'Show solution' }).click();
  await lessons.passes();
  await lessons.next();
  await expect(page.getByText(/^Step 2 of \d+$/)).toBeVisible();
  await page.getByRole('combobox', { name: /Language/ }).selectOption('zh-CN');
  await expect(page.getByText(/^第 2 步，共 \d+ 步$/)).toBeVisible();
  await expect(lessons.check(true)).toContainText('尚未通过');
  await expect(page.getByRole('button', { name: '下一步 →' })).toBeVisible();
  await kp.screenshot('lesson-zh-step2');
  await page.getByRole('combobox', { name: /Language/ }).selectOption('en');
  await expect(page.getByText(/^Step 2 of \d+$/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /Delete a Pod/ })).toBeVisible();
});

// Every lesson in lessons/ (more land as they are written), each walked to its end with its solutions.
for (const { folder, title } of lessonTitles()) {
  if (title === 'Self-healing') continue;
  test(`lesson ${folder} walked to its end with Show solution`, async ({ kp, page }) => {
    test.setTimeout(300_000);
    const lessons = new LessonsUi(page);
    await kp.speed.selectOption('30');
    await lessons.start(title);
    await lessons.walkBySolutions();
    await lessons.openList();
    await expect(lessons.card(title)).toContainText('Done');
  });
}
