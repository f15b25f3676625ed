import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';
import type { WatchEvent } from '../index';
import type { KubeObject } from './types';

const LEASES = 'leases.coordination.k8s.io';

/** Renews the first node Lease through `update`, carrying the stored metadata itself or a copy of it. */
function renew(sharedMetadata: boolean, renewTimes: string[]) {
  const w = world();
  const events: WatchEvent[] = [];
  w.cluster.watch(LEASES, (e) => events.push(e));
  const api = w.cluster.client('kubelet/test');
  const results = renewTimes.map((renewTime) => {
    const lease = api.list<KubeObject>(LEASES, { namespace: 'kube-node-lease' })[0];
    const metadata = sharedMetadata ? lease.metadata : { ...lease.metadata };
    const res = api.update({ ...lease, metadata, spec: { ...(lease.spec as object), renewTime } }, { trusted: true });
    if (!res.ok) throw new Error(res.status.message);
    return { json: JSON.stringify(res.object), unchanged: res.object === lease };
  });
  return { results, events: events.map((e) => `${e.type} ${e.key} ${JSON.stringify(e.object)}`) };
}

describe('a trusted update that carries the stored metadata (a Lease renewal)', () => {
  const times = ['2026-01-01T00:00:10.000000Z', '2026-01-01T00:00:10.000000Z', '2026-01-01T00:00:20.000000Z'];

  it('stores the same object, keys in the same order, as an update carrying a copy of the metadata', () => {
    const fast = renew(true, times);
    const general = renew(false, times);
    expect(fast.results.map((r) => r.json)).toEqual(general.results.map((r) => r.json));
    expect(fast.events).toEqual(general.events);
    expect(fast.events).toHaveLength(2);
  });

  it('draws a new resourceVersion only when renewTime moves, and returns the stored object when it does not', () => {
    const { results } = renew(true, times);
    const rv = results.map((r) => JSON.parse(r.json).metadata.resourceVersion);
    expect(rv[1]).toBe(rv[0]);
    expect(Number(rv[2])).toBeGreaterThan(Number(rv[0]));
    expect(results.map((r) => r.unchanged)).toEqual([false, true, false]);
  });
});
