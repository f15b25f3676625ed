import { describe, expect, it } from 'vitest';
import { world, type PodObj } from '../../testing/harness';

const SCHEDULER = 'kube-scheduler-control-plane';

function mirror(w: ReturnType<typeof world>, name = SCHEDULER): PodObj | undefined {
  return w.client.get<PodObj>('pods', 'kube-system', name);
}

// kubernetes.io/docs/concepts/workloads/pods/static-pods: "If you try to use kubectl to
// delete the mirror Pod from the API server, the kubelet does not remove the static Pod.
// The kubelet will recreate the mirror Pod."
describe('static pods and their mirror pods', () => {
  it('a deleted mirror pod is recreated by the kubelet as a new object', () => {
    const w = world({ workers: 1 }).advance('10s');
    const before = mirror(w)!;
    expect(w.client.delete('pods', 'kube-system', SCHEDULER).ok).toBe(true);
    w.cluster.runUntilIdle();
    w.advance('1s');
    const after = mirror(w);
    expect(after).toBeDefined();
    expect(after!.metadata.uid).not.toBe(before.metadata.uid);
    expect(after!.metadata.creationTimestamp).not.toBe(before.metadata.creationTimestamp);
    expect(after!.metadata.annotations?.['kubernetes.io/config.mirror']).toBe(before.metadata.annotations?.['kubernetes.io/config.mirror']);
    expect(after!.metadata.ownerReferences).toEqual(before.metadata.ownerReferences);
    expect(after!.spec?.nodeName).toBe('control-plane');
  });

  it('the static pod itself keeps running: same container, same start time, no restart', () => {
    const w = world({ workers: 1 }).advance('10s');
    const before = mirror(w, 'etcd-control-plane')!;
    w.client.delete('pods', 'kube-system', 'etcd-control-plane', { gracePeriodSeconds: 0 });
    w.cluster.runUntilIdle();
    w.advance('1s');
    const after = mirror(w, 'etcd-control-plane')!;
    expect(after.status?.phase).toBe('Running');
    expect(after.status?.startTime).toBe(before.status?.startTime);
    const [c0, c1] = [before.status!.containerStatuses![0], after.status!.containerStatuses![0]];
    expect(c1.containerID).toBe(c0.containerID);
    expect(c1.restartCount).toBe(0);
    expect(c1.ready).toBe(true);
    expect(c1.state?.running?.startedAt).toBe(c0.state?.running?.startedAt);
  });

  it('a graceful delete neither kills nor restarts the static pod: the new mirror has no container events', () => {
    const w = world({ workers: 1 }).advance('10s');
    w.client.delete('pods', 'kube-system', SCHEDULER);
    w.cluster.runUntilIdle();
    w.advance('40s');
    const after = mirror(w)!;
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    expect(w.events(after).map((e) => e.reason)).toEqual([]);
    expect(after.status?.containerStatuses?.[0].restartCount).toBe(0);
  });

  it('an ordinary pod on the control-plane node is not recreated', () => {
    const w = world({ workers: 1 }).advance('10s');
    const dns = w.pods('k8s-app=kube-dns', 'kube-system')[0];
    w.client.delete('pods', 'kube-system', dns.metadata.name, { gracePeriodSeconds: 0 });
    w.cluster.runUntilIdle();
    w.advance('1s');
    expect(w.client.get<PodObj>('pods', 'kube-system', dns.metadata.name)).toBeUndefined();
  });
});
