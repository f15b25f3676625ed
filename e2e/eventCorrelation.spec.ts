import { expect, test } from './support/fixtures';

test('a scale-up past nine pods shows nine "Created pod" events and one combined event with its count, as kubectl describe does', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx --replicas=20');
  await kp.speed.selectOption('10');
  await page.getByRole('button', { name: /^Events/ }).click();
  const feed = page.getByRole('region', { name: 'Events feed' });
  const table = feed.getByRole('table', { name: 'Events, oldest first' });
  await feed.getByRole('searchbox', { name: 'Filter events by object' }).fill('replicaset/web-');
  await expect(table).toContainText('(combined from similar events): Created pod: web-');
  await expect(table.getByRole('row').filter({ hasText: 'SuccessfulCreate' })).toHaveCount(10);
  await expect(table.getByRole('row').filter({ hasText: 'combined from similar events' })).toContainText('(×11)');
  await kp.screenshot('events-feed-combined');
});
