import { expect, test } from './support/fixtures';

test('the events feed follows the cluster like kubectl get events -w, and filters by object', async ({ kp, page }) => {
  await kp.run('kubectl create deployment web --image=nginx --replicas=2');
  await kp.run('kubectl run crash --image=busybox -- sh -c "exit 1"');
  await kp.speed.selectOption('10');
  await page.getByRole('button', { name: /^Events/ }).click();
  const feed = page.getByRole('region', { name: 'Events feed' });
  const table = feed.getByRole('table', { name: 'Events, oldest first' });
  await expect(table).toContainText('ScalingReplicaSet');
  await expect(table).toContainText('Scaled up replica set web-');
  await expect(table).toContainText('BackOff', { timeout: 30_000 });

  await feed.getByRole('searchbox', { name: 'Filter events by object' }).fill('pod/crash');
  await expect(table).not.toContainText('ScalingReplicaSet');
  await expect(table).toContainText('Back-off restarting failed container');
  await feed.getByRole('checkbox', { name: 'Warnings' }).check();
  await expect(table.getByRole('row')).not.toHaveCount(1);
  await expect(table).not.toContainText('Pulling');
  await kp.screenshot('events-feed-filtered');

  // An event's object opens its panel.
  await table.getByRole('button', { name: 'pod/crash' }).first().click();
  await expect(page.getByRole('complementary', { name: 'Pod crash' })).toBeVisible();

  await feed.getByRole('tab', { name: 'Control plane log' }).click();
  await expect(feed.getByRole('list', { name: 'Control plane log' })).toContainText(/replicaset-controller ReplicaSet web-\w+: 0 of 2 pods → creating 2/);
  await feed.getByRole('button', { name: 'Close the events feed' }).click();
  await expect(feed).toHaveCount(0);
});
