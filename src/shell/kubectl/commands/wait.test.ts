import { describe, expect, it } from 'vitest';
import { clusterShell, WEB_DEPLOYMENT } from '../../testing/clusterShell';

const WEB = WEB_DEPLOYMENT;

const podNames = (h: ReturnType<typeof clusterShell>) =>
  h.cluster
    .client()
    .list('pods', { namespace: 'default' })
    .map((p) => p.metadata.name)
    .sort();

describe('kubectl wait', () => {
  it('waits on virtual time for every selected pod to be Ready, one line each', () => {
    const h = clusterShell({ 'web.yaml': WEB });
    h.run('kubectl apply -f web.yaml');
    const start = h.cluster.now();
    const t = h.run('kubectl wait --for=condition=Ready pod -l app=web --timeout=60s', 60_000);
    expect(t.exitCode).toBe(0);
    expect(t.stdout).toBe(podNames(h).map((n) => `pod/${n} condition met\n`).join(''));
    expect(h.cluster.now() - start).toBeLessThan(20_000);
  });

  it('waits for a jsonpath value and for a Deployment condition', () => {
    const h = clusterShell({ 'web.yaml': WEB });
    h.run('kubectl apply -f web.yaml');
    expect(h.run('kubectl wait deployment/web --for=condition=Available', 60_000).stdout).toBe('deployment.apps/web condition met\n');
    const pod = podNames(h)[0];
    expect(h.run(`kubectl wait pod/${pod} --for=jsonpath='{.status.phase}'=Running`).stdout).toBe(`pod/${pod} condition met\n`);
    expect(h.run(`kubectl wait pod/${pod} --for=jsonpath={.status.podIP}`).stdout).toBe(`pod/${pod} condition met\n`);
    expect(h.run(`kubectl wait pod/${pod} --for=condition=Ready -o name`).stdout).toBe(`pod/${pod}\n`);
    expect(h.run(`kubectl wait pod/${pod} --for=condition=Ready -o jsonpath={.status.phase}`).stdout).toBe('Running');
  });

  it('times out with the resource named as kubectl names it', () => {
    const h = clusterShell({ 'web.yaml': WEB });
    h.run('kubectl apply -f web.yaml');
    h.run('sleep 30s', 30_000);
    const start = h.cluster.now();
    const t = h.run('kubectl wait deploy/web --for=condition=Available=false --timeout=5s', 10_000);
    expect(t.stderr).toBe('error: timed out waiting for the condition on deployments/web\n');
    expect(t.exitCode).toBe(1);
    expect(h.cluster.now() - start).toBe(5000);
    expect(h.run('kubectl wait deploy/web --for=condition=Available=false --timeout=0').stderr).toBe('error: condition not met for deployments/web\n');
  });

  it('waits for deletion, and a missing object is already deleted', () => {
    const h = clusterShell({ 'web.yaml': WEB });
    h.run('kubectl run p --image=nginx');
    h.run('sleep 10s', 10_000);
    h.run('kubectl delete pod p --wait=false');
    const t = h.run('kubectl wait --for=delete pod/p --timeout=60s', 60_000);
    expect(t.stdout).toBe('pod/p condition met\n');
    expect(t.exitCode).toBe(0);
    expect(h.run('kubectl wait --for=delete pod/gone').exitCode).toBe(0);
  });

  it('waits for creation', () => {
    const h = clusterShell();
    const t = h.run('kubectl wait --for=create configmap/cfg --timeout=10s');
    expect(t.execution.done).toBe(false);
    h.run('kubectl create configmap cfg --from-literal=a=b');
    t.execution.poll();
    expect(t.stdout).toBe('configmap/cfg condition met\n');
  });

  it('checks its arguments like kubectl', () => {
    const h = clusterShell();
    expect(h.run('kubectl wait pod/x').stderr).toBe('error: unrecognized condition: ""\n');
    expect(h.run('kubectl wait pod/x --for=ready').stderr).toBe('error: unrecognized condition: "ready"\n');
    expect(h.run('kubectl wait pod/x --for=condition=Ready').stderr).toBe('Error from server (NotFound): pods "x" not found\n');
    expect(h.run('kubectl wait pods -l app=none --for=condition=Ready').stderr).toBe('error: no matching resources found\n');
    expect(h.run("kubectl wait pod/x --for=jsonpath='{.status.phase}'=").stderr).toBe("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n");
  });
});
