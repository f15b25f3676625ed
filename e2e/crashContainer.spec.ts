import { expect, test } from './support/fixtures';

test('Crash container restarts it in place: same pod, RESTARTS 1, the crash in the terminal', async ({ kp, page }) => {
  await kp.run('kubectl run web --image=nginx:1.27');
  await kp.speed.selectOption('10');
  const pod = kp.cluster.getByRole('button', { name: /^web, Running/ });
  await expect(pod).toHaveCount(1, { timeout: 30_000 });
  await pod.click();
  const panel = page.getByRole('complementary', { name: 'Pod web' });
  await panel.getByRole('button', { name: 'Crash container' }).click();
  await expect(kp.output).toContainText('$ kubeplay container crash web');
  await expect(kp.output).toContainText('pod/web container web crashed (exit code 1)');
  await kp.run('kubectl get pod web');
  await expect(kp.output).toContainText(/web\s+1\/1\s+Running\s+1 \(\d+s ago\)/);
  await kp.run('kubectl describe pod web');
  await expect(kp.output).toContainText('Last State:     Terminated');
  await kp.screenshot('container-crashed');
});
