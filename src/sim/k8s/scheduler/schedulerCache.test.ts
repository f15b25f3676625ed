import { describe, expect, it } from 'vitest';
import { cacheWith, node, pod } from './testFixtures';
import { PodInfo } from './podInfo';
import { SchedulerCache } from './schedulerCache';
import { SchedulingQueue } from './schedulingQueue';
import { PodRegistry } from './podRegistry';

describe('scheduler cache', () => {
  it('takes a node update that only lists newly pulled images without touching the node numbers', () => {
    const cache = cacheWith([node('n1', { cpu: '2', memory: '4Gi' })], [pod('a', { nodeName: 'n1', cpu: '500m', memory: '1Gi' })]);
    const before = cache.table.changes;
    const pulled = node('n1', { cpu: '2', memory: '4Gi', images: [{ names: ['nginx:1.25'], sizeBytes: 70_000_000 }] });
    const change = cache.upsertNode(pulled);
    expect(change).toEqual({ added: false, allocatable: false, labels: false, taints: false, unschedulable: false });
    const n = cache.node('n1')!;
    expect(n.node).toBe(pulled);
    expect(n.images).toEqual(['nginx:1.25']);
    expect(cache.imageState('nginx:1.25')?.numNodes).toBe(1);
    expect([n.allocCpu, n.reqCpu, n.reqMemory]).toEqual([2000, 500, 1024 ** 3]);
    // Nothing the scores read changed: no node is marked changed for the kernel's indexes.
    expect(cache.table.changes).toBe(before);
  });

  it('re-reads everything when the allocatable changes with the images', () => {
    const cache = cacheWith([node('n1', { cpu: '2', memory: '4Gi' })]);
    cache.addPod(new PodInfo(pod('a', { nodeName: 'n1', cpu: '500m', memory: '1Gi' })), 'n1');
    cache.upsertNode(node('n1', { cpu: '4', memory: '4Gi', images: [{ names: ['nginx:1.25'], sizeBytes: 1 }] }));
    const n = cache.node('n1')!;
    expect([n.allocCpu, n.reqCpu, n.images]).toEqual([4000, 500, ['nginx:1.25']]);
    expect(cache.table.freeCpu[n.index]).toBe(3500);
  });

  it('shares one pod map with the queue: each sees only its own pods, a scheduled pod moves from one to the other', () => {
    const pods = new PodRegistry();
    const cache = new SchedulerCache(pods);
    const queue = new SchedulingQueue(pods);
    cache.upsertNode(node('n1', { cpu: '2', memory: '4Gi' }));
    cache.addPod(new PodInfo(pod('bound', { nodeName: 'n1', cpu: '500m' })), 'n1');
    queue.add(pod('pending', { cpu: '250m' }), 0);
    expect([cache.cachedPod('default/pending'), queue.get('default/bound'), cache.podCount, queue.size]).toEqual([undefined, undefined, 1, 1]);
    // Deleting a key from the wrong side leaves the other's pod alone.
    queue.delete('default/bound');
    expect(cache.removePod('default/pending')).toBeUndefined();
    expect([cache.podNode('default/bound')?.name, queue.get('default/pending')?.key]).toEqual(['n1', 'default/pending']);
    const q = queue.pop()!;
    q.decisionRow = 5;
    const info = new PodInfo(q.pod, undefined, q.key);
    queue.handOver(q, info);
    cache.assumePod(info, cache.node('n1')!);
    expect([cache.cachedPod('default/pending'), queue.get('default/pending'), cache.podCount, queue.size, cache.node('n1')!.reqCpu]).toEqual([info, undefined, 2, 0, 750]);
    // The cache's entry took the queue's place (nothing left behind) and holds the pod's decision row.
    expect([pods.byKey.size, info.decisionRow, q.decisionRow, pods.holder('default/pending')]).toEqual([2, 5, -1, info]);
  });

  it('refuses to assume a pod onto a node it does not hold', () => {
    const cache = cacheWith([node('n1')]);
    const stranger = cacheWith([node('n1'), node('n2')]).node('n2')!;
    expect(() => cache.assumePod(new PodInfo(pod('a')), stranger)).toThrow('scheduler cache: node n2 is not in the cache');
    expect(cache.podCount).toBe(0);
  });
});
