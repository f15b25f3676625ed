import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../../../engine/store';
import { isPodActive, isPodReady, PodTally, type PodObj } from './podTally';

const owners = [[{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: 'uid-a', controller: true }], [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: 'uid-b', controller: true }], undefined];
const readyTrue = [{ type: 'Ready', status: 'True' }];
const readyFalse = [{ type: 'Ready', status: 'False' }];
const version = fc.record({
  owner: fc.integer({ min: 0, max: 2 }),
  phase: fc.constantFrom('Pending', 'Running', 'Succeeded', 'Failed'),
  conditions: fc.constantFrom(readyTrue, readyFalse, undefined, [{ type: 'Ready', status: 'True' }]),
  deleting: fc.boolean(),
});

describe('PodTally', () => {
  it('always equals a recount of the stored pods, whatever the writes (same owners and counts skip the bookkeeping)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.option(version, { nil: undefined })), { maxLength: 40 }), (writes) => {
        const store = new ObjectStore();
        store.define('pods');
        const tally = new PodTally(store);
        for (const [i, v] of writes) {
          const key = `default/p${i}`;
          if (!v) {
            store.remove('pods', key);
            continue;
          }
          const pod = { metadata: { name: `p${i}`, namespace: 'default', ownerReferences: owners[v.owner], deletionTimestamp: v.deleting ? '2026-01-01T00:00:00Z' : undefined }, status: { phase: v.phase, conditions: v.conditions } } as unknown as PodObj;
          store.put('pods', pod, key);
        }
        for (const uid of ['uid-a', 'uid-b']) {
          const pods = store.list<PodObj>('pods').filter((p) => p.metadata.ownerReferences?.[0]?.uid === uid && isPodActive(p));
          expect(tally.get(uid)).toEqual({ active: pods.length, ready: pods.filter(isPodReady).length });
        }
      }),
      { numRuns: 500 },
    );
  });
});
