import { describe, expect, it } from 'vitest';
import { cacheWith, node, pod } from './testFixtures';
import { PodInfo } from './podInfo';

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
});
