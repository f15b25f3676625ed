import { expect, test } from './support/fixtures';

test('a PodDisruptionBudget made with kubectl create pdb holds a drain back: evictions are refused and retried until the drain times out', async ({ kp }) => {
  test.setTimeout(120_000);
  await kp.run('kubectl create deployment web --image=nginx:1.27 --replicas=3');
  await kp.speed.selectOption('10');
  await kp.run('kubectl rollout status deployment/web');
  await expect(kp.output).toContainText('deployment "web" successfully rolled out', { timeout: 30_000 });
  await kp.run('kubectl create pdb web --selector=app=web --min-available=3');
  await expect(kp.output).toContainText('poddisruptionbudget.policy/web created');
  await kp.run('kubectl get pdb');
  await expect(kp.output).toContainText(/NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE\nweb\s+3\s+N\/A\s+0\s+/);
  await kp.run('kubectl drain worker-1 --ignore-daemonsets --timeout=20s');
  await expect(kp.output).toContainText('node/worker-1 cordoned');
  await expect(kp.output).toContainText("(will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.", { timeout: 30_000 });
  await expect(kp.output).toContainText('global timeout reached: 20s', { timeout: 60_000 });
  await kp.screenshot('terminal-pdb-drain');
});
