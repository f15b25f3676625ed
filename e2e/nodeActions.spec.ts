import { expect, test } from './support/fixtures';

test('a node offers its actions, and each is a command in the terminal', async ({ kp, page }) => {
  await kp.cluster.getByRole('button', { name: /^worker-1,/ }).click();
  const panel = page.getByRole('complementary', { name: 'Node worker-1' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Stop node' })).toBeVisible();

  await panel.getByRole('button', { name: 'Cordon' }).click();
  await expect(kp.output).toContainText('$ kubectl cordon worker-1');
  await expect(kp.output).toContainText('node/worker-1 cordoned');
  await expect(panel).toContainText('SchedulingDisabled');
  await kp.screenshot('node-cordoned');

  await panel.getByRole('button', { name: 'Uncordon' }).click();
  await expect(kp.output).toContainText('$ kubectl uncordon worker-1');
  await panel.getByRole('button', { name: 'Stop node' }).click();
  await expect(kp.output).toContainText('$ kubeplay node stop worker-1');
});
