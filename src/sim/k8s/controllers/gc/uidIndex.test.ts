import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../lib/rng';
import { type Located, UidIndex } from './uidIndex';

/** The Map the garbage collector used before: `set` on add, delete only the entry of that key. */
function reference() {
  const m = new Map<string, Located>();
  return {
    add: (uid: string, resource: string, key: string) => void m.set(uid, { resource, key }),
    get: (uid: string) => m.get(uid),
    delete: (uid: string, key: string) => void (m.get(uid)?.key === key && m.delete(uid)),
  };
}

describe('garbage collector uid index', () => {
  it('finds an object added since the last lookup, and forgets it on delete', () => {
    const ix = new UidIndex();
    ix.add('u1', 'pods', 'default/a');
    expect(ix.get('u1')).toEqual({ resource: 'pods', key: 'default/a' });
    ix.add('u2', 'replicasets.apps', 'default/rs');
    expect(ix.get('u2')).toEqual({ resource: 'replicasets.apps', key: 'default/rs' });
    ix.delete('u1', 'default/a');
    expect(ix.get('u1')).toBeUndefined();
  });

  it('answers for a uid added twice like a Map: the later object wins, even while the earlier one is already folded', () => {
    const ix = new UidIndex();
    ix.add('dup', 'pods', 'default/first');
    expect(ix.get('dup')?.key).toBe('default/first');
    ix.add('dup', 'pods', 'default/second');
    expect(ix.get('dup')?.key).toBe('default/second');
    ix.delete('dup', 'default/first');
    expect(ix.get('dup')?.key).toBe('default/second');
    ix.delete('dup', 'default/second');
    expect(ix.get('dup')).toBeUndefined();
  });

  it('gives the same answers as a Map over random adds, lookups and deletes with repeated uids and filter collisions', () => {
    for (const bits of [0, 3, 20]) {
      const rng = createRng(bits + 7);
      const ix = new UidIndex(bits);
      const ref = reference();
      const uid = () => `uid-${rng.int(40)}`;
      const key = () => `default/p${rng.int(8)}`;
      for (let i = 0; i < 5000; i++) {
        const op = rng.int(3);
        if (op === 0) {
          const [u, k] = [uid(), key()];
          ix.add(u, 'pods', k);
          ref.add(u, 'pods', k);
        } else if (op === 1) {
          const u = uid();
          expect(ix.get(u), `get ${u} at step ${i}`).toEqual(ref.get(u));
        } else {
          const [u, k] = [uid(), key()];
          ix.delete(u, k);
          ref.delete(u, k);
        }
      }
      for (let n = 0; n < 40; n++) expect(ix.get(`uid-${n}`)).toEqual(ref.get(`uid-${n}`));
    }
  });
});
