import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';
import type { KubeObject } from '../api/types';

const PINNED = `apiVersion: v1
kind: Pod
metadata: {name: pinned}
spec:
  nodeName: a
  containers: [{name: c, image: "nginx:1.27"}]
`;

const internalIP = (n: (KubeObject & Node) | undefined) => n?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;

describe("the kubelet's node runtime of a pod", () => {
  it('is the new one once the node is removed and added again under its name: the pod reports the new address', () => {
    const w = world({ workers: 1 });
    w.cluster.addNode({ name: 'a' });
    w.apply(PINNED).advance('10s');
    const first = w.client.get<KubeObject & Pod>('pods', 'default', 'pinned')!;
    expect(first.status?.phase).toBe('Running');
    const oldIP = internalIP(w.client.get<KubeObject & Node>('nodes', undefined, 'a'));
    expect(first.status?.hostIP).toBe(oldIP);
    w.cluster.removeNode('a');
    w.cluster.addNode({ name: 'a' });
    const newIP = internalIP(w.client.get<KubeObject & Node>('nodes', undefined, 'a'));
    expect(newIP).not.toBe(oldIP);
    const written: (string | undefined)[] = [];
    w.cluster.watch('pods', (e) => {
      if (e.type === 'MODIFIED' && e.object.metadata.name === 'pinned') written.push((e.object as Pod).status?.hostIP);
    });
    // A graceful delete: the kubelet stops the container and reports it before the pod goes.
    w.client.delete('pods', 'default', 'pinned');
    w.advance('5s');
    expect(w.client.get('pods', 'default', 'pinned')).toBeUndefined();
    expect(written.length).toBeGreaterThan(0);
    expect(written[written.length - 1]).toBe(newIP);
  });

  it('renews the Lease of a node removed and added again under its name every 10 s (the new runtime ticks, not the old one)', () => {
    const w = world({ workers: 1 });
    w.cluster.addNode({ name: 'a' });
    w.advance('30s');
    w.cluster.removeNode('a');
    w.cluster.addNode({ name: 'a' });
    const renewTime = () => (w.client.get<KubeObject & { spec?: { renewTime?: string } }>('leases.coordination.k8s.io', 'kube-node-lease', 'a')?.spec?.renewTime);
    const seen = new Set<string | undefined>();
    for (let i = 0; i < 6; i++) {
      w.advance('10s');
      seen.add(renewTime());
    }
    // One renewal per 10 s: six distinct renew times (a Lease not renewed, or renewed by two runtimes, would show fewer or bunch up).
    expect(seen.size).toBe(6);
    expect(seen.has(undefined)).toBe(false);
  });
});
