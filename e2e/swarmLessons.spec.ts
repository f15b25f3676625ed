import type { Page } from '@playwright/test';
import { LessonsUi } from './support/lessons';
import { expect, test } from './support/fixtures';

/** The Swarm halves of the Kubernetes vs Docker Swarm lessons, in the page. */

/** Plays the first `count` steps of the open lesson with Show solution. */
async function solveSteps(lessons: LessonsUi, page: Page, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await page.getByRole('button', { name: /^Show (solution|answer)$/ }).click();
    await lessons.passes(90_000);
    await lessons.next();
  }
}

const mode = (page: Page, name: string) => page.getByRole('radiogroup', { name: 'Cluster mode' }).getByRole('radio', { name });

test('a Swarm step shows the swarm, and its check turns green by itself once the docker command typed has converged', async ({ kp, page }) => {
  test.setTimeout(180_000);
  const lessons = new LessonsUi(page);
  await lessons.start('Kubernetes vs Docker Swarm: architecture');
  await kp.speed.selectOption('30');
  await expect(mode(page, 'Kubernetes')).toBeChecked();
  await solveSteps(lessons, page, 1);

  // Step 2 is about the swarm: the view switches to it, and the check waits for the swarm's state.
  await expect(page.getByRole('heading', { name: /The same application on the swarm/ })).toBeVisible();
  await expect(mode(page, 'Swarm')).toBeChecked();
  await expect(page.getByRole('region', { name: 'Swarm cluster' })).toBeVisible();
  await expect(lessons.check()).toContainText('Not yet');
  await kp.run('docker service create --name web --replicas 3 nginx:1.27');
  await lessons.passes(60_000);
  await page.locator('.lesson-check-details summary').click();
  await expect(page.locator('.lesson-check-details')).toContainText('service web has 3 running tasks');
  await expect(page.locator('.lesson-check-details')).toContainText('docker service ps web');
  await kp.screenshot('swarm-lesson-12-swarm-deploy');

  // Back to a Kubernetes step: the view follows.
  await lessons.next();
  await expect(page.getByRole('heading', { name: /A Pod is not a task/ })).toBeVisible();
  await expect(mode(page, 'Kubernetes')).toBeChecked();
});

test('a powered-off swarm node: the check of a Swarm step turns green once the node is Down and its tasks run elsewhere', async ({ kp, page }) => {
  test.setTimeout(240_000);
  const lessons = new LessonsUi(page);
  await lessons.start('Kubernetes vs Docker Swarm: architecture');
  await kp.speed.selectOption('30');
  await solveSteps(lessons, page, 4);
  await expect(page.getByRole('heading', { name: /Lose one manager/ })).toBeVisible();
  await expect(mode(page, 'Swarm')).toBeChecked();
  await kp.run('docker service scale web=4');
  await expect(kp.output).toContainText('4/4: running', { timeout: 30_000 });
  await kp.run('kubeplay node stop worker2');
  // Nothing is typed after the stop: the check is evaluated again as the swarm changes (Down after 15 s).
  await lessons.passes(60_000);
  await kp.screenshot('swarm-lesson-12-lose-one-manager');
});
