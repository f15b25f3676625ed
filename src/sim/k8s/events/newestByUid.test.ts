import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NewestByUid } from './newestByUid';

const UIDS = ['', 'a', 'b', 'c', 'pod-1', '5f0c6d2e-1b7a-4c3e-9d8f-0a1b2c3d4e5f'];

type Op = { set: string; value: number } | { get: string } | { delete: string } | { bulk: string; value: number | undefined };

describe('NewestByUid', () => {
  it('answers like a Map for any sequence of writes, deletes and bulk edits', () => {
    const uid = fc.constantFrom(...UIDS);
    const op: fc.Arbitrary<Op> = fc.oneof(
      { arbitrary: fc.record({ set: uid, value: fc.nat(1000) }), weight: 4 },
      { arbitrary: fc.record({ get: uid }), weight: 3 },
      { arbitrary: fc.record({ delete: uid }), weight: 1 },
      { arbitrary: fc.record({ bulk: uid, value: fc.option(fc.integer({ min: -10, max: 1000 }), { nil: undefined }) }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const index = new NewestByUid();
        const model = new Map<string, number>();
        for (const o of ops) {
          if ('set' in o) {
            index.set(o.set, o.value);
            model.set(o.set, o.value);
          } else if ('get' in o) expect(index.get(o.get)).toBe(model.get(o.get));
          else if ('delete' in o) {
            index.delete(o.delete);
            model.delete(o.delete);
          } else {
            // As compaction does: edit every entry through the Map.
            const all = index.entries();
            expect(new Map(all)).toEqual(model);
            if (o.value === undefined) all.delete(o.bulk);
            else all.set(o.bulk, o.value);
            if (o.value === undefined) model.delete(o.bulk);
            else model.set(o.bulk, o.value);
          }
        }
        for (const u of UIDS) expect(index.get(u)).toBe(model.get(u));
      }),
    );
  });

  it('finds a uid written in another string object than the one it was written with', () => {
    const a = '5f0c6d2e-1b7a-4c3e-9d8f-0a1b2c3d4e5f';
    const b = ['5f0c6d2e-1b7a-4c3e-', '9d8f-0a1b2c3d4e5f'].join('');
    const index = new NewestByUid();
    index.set(a, 3);
    expect(index.get(b)).toBe(3);
    index.set('other', 4);
    expect(index.get(b)).toBe(3);
  });
});
