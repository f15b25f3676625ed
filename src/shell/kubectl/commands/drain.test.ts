import { describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';

function withPods() {
  const h = shellHarness();
  const rsOwner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'rs-1', controller: true }];
  h.cluster.add({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-abc-x1', namespace: 'default', ownerReferences: rsOwner }, spec: { nodeName: 'worker-1' } });
  h.cluster.add({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', namespace: 'default' }, spec: { nodeName: 'worker-1' } });
  h.cluster.add({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'elsewhere', namespace: 'default' }, spec: { nodeName: 'worker-2' } });
  return h;
}

describe('kubectl cordon, uncordon and drain', () => {
  it('cordons once and says so the second time', () => {
    const { run, cluster } = withPods();
    expect(run('kubectl cordon worker-1').stdout).toBe('node/worker-1 cordoned\n');
    expect(run('kubectl cordon worker-1').stdout).toBe('node/worker-1 already cordoned\n');
    expect((cluster.client().get('nodes', undefined, 'worker-1')!.spec as { unschedulable?: boolean }).unschedulable).toBe(true);
    expect(run('kubectl uncordon worker-1').stdout).toBe('node/worker-1 uncordoned\n');
    expect(run('kubectl cordon nope').stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(run('kubectl cordon').stderr).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
  });

  it('refuses pods without a controller unless --force', () => {
    const { run } = withPods();
    const t = run('kubectl drain worker-1', 5000);
    expect(t.stdout).toBe('node/worker-1 cordoned\n');
    expect(t.stderr).toBe(
      'error: unable to drain node "worker-1" due to error: cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...\n' +
        'There are pending nodes to be drained:\n worker-1\n' +
        'cannot delete Pods that declare no controller (use --force to override): default/bare\n',
    );
    expect(t.exitCode).toBe(1);
  });

  it('evicts, waits for the pods to go, and reports the node drained', () => {
    const { run, cluster } = withPods();
    const t = run('kubectl drain worker-1 --force', 10_000);
    expect(t.stderr).toBe('Warning: deleting Pods that declare no controller: default/bare\n');
    expect(t.stdout).toBe('node/worker-1 cordoned\nevicting pod default/web-abc-x1\nevicting pod default/bare\npod/web-abc-x1 evicted\npod/bare evicted\nnode/worker-1 drained\n');
    expect(t.exitCode).toBe(0);
    expect(cluster.client().get('pods', 'default', 'elsewhere')).toBeDefined();
  });
});
