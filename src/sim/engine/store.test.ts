import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObjectStore, type StoredObject } from './store';

const KEYS = ['default/a', 'default/b', 'other/a'];
const RESOURCES = ['pods', 'nodes'];

type Op = { kind: 'get' | 'put' | 'putOver' | 'remove' | 'lastKeyFor'; resource: string; key: string };

const op = fc.record({
  kind: fc.constantFrom<Op['kind']>('get', 'put', 'putOver', 'remove', 'lastKeyFor'),
  resource: fc.constantFrom(...RESOURCES),
  key: fc.constantFrom(...KEYS),
});

function object(key: string, rv: string): StoredObject {
  const [namespace, name] = key.split('/');
  return { metadata: { namespace, name, resourceVersion: rv } };
}

describe('ObjectStore reads', () => {
  it('answers every read with what the table holds, whatever reads, writes and removals came before', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const store = new ObjectStore();
        for (const r of RESOURCES) store.define(r);
        const reference = new Map(RESOURCES.map((r) => [r, new Map<string, StoredObject>()]));
        for (const { kind, resource, key } of ops) {
          const ref = reference.get(resource)!;
          // Each read gets its own copy of the key string, as callers build keys.
          const k = `${key}`.split('').join('');
          if (kind === 'get') expect(store.get(resource, k)).toBe(ref.get(key));
          else if (kind === 'put' || kind === 'putOver') {
            const obj = object(key, store.nextResourceVersion());
            if (kind === 'put') store.put(resource, obj, k);
            else store.putOver(resource, obj, k, store.get(resource, k));
            ref.set(key, obj);
          } else if (kind === 'remove') {
            store.remove(resource, k);
            ref.delete(key);
          } else {
            const stored = ref.get(key);
            const found = stored && store.lastKeyFor(resource, stored.metadata);
            // Only the object read or written last is known by its metadata, and then under its own key.
            if (found !== undefined) expect(found).toBe(key);
          }
        }
        for (const r of RESOURCES) for (const key of KEYS) expect(store.get(r, key)).toBe(reference.get(r)!.get(key));
      }),
    );
  });

  it('knows the key of the object read last by its metadata, and forgets it once another key is read', () => {
    const store = new ObjectStore();
    store.define('pods');
    const a = object('default/a', store.nextResourceVersion());
    const b = object('default/b', store.nextResourceVersion());
    store.put('pods', a);
    store.put('pods', b);
    expect(store.lastKeyFor('pods', b.metadata)).toBe('default/b');
    expect(store.lastKeyFor('pods', a.metadata)).toBeUndefined();
    expect(store.get('pods', 'default/a')).toBe(a);
    expect(store.lastKeyFor('pods', a.metadata)).toBe('default/a');
    store.remove('pods', 'default/a');
    expect(store.lastKeyFor('pods', a.metadata)).toBeUndefined();
    expect(store.get('pods', 'default/a')).toBeUndefined();
  });

  it('reads through a handle the current version of its key until the key is deleted, even when made again', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ kind: fc.constantFrom('handle', 'read', 'put', 'remove', 'get'), key: fc.constantFrom(...KEYS) }), { maxLength: 60 }), (ops) => {
        const store = new ObjectStore();
        store.define('pods');
        const current = new Map<string, StoredObject>();
        /** Deletions per key so far: a handle reads while the count it was taken at holds. */
        const deletions = new Map<string, number>();
        const handles: { key: string; at: number; handle: NonNullable<ReturnType<ObjectStore['handle']>> }[] = [];
        for (const { kind, key } of ops) {
          const k = `${key}`.split('').join('');
          if (kind === 'put') {
            const obj = object(key, store.nextResourceVersion());
            store.put('pods', obj, k);
            current.set(key, obj);
          } else if (kind === 'remove') {
            if (store.remove('pods', k)) deletions.set(key, (deletions.get(key) ?? 0) + 1);
            current.delete(key);
          } else if (kind === 'get') expect(store.get('pods', k)).toBe(current.get(key));
          else if (kind === 'handle') {
            const handle = store.handle('pods', k);
            expect(handle === undefined).toBe(!current.has(key));
            if (handle) handles.push({ key, at: deletions.get(key) ?? 0, handle });
          }
          for (const h of handles) {
            const live = (deletions.get(h.key) ?? 0) === h.at;
            expect(store.read('pods', h.handle)).toBe(live ? current.get(h.key) : undefined);
          }
        }
      }),
    );
  });

  it('serves a resource from its virtual table once one is defined, even right after reading the plain one', () => {
    const store = new ObjectStore();
    store.define('events');
    const plain = object('default/e', '1');
    store.put('events', plain);
    expect(store.get('events', 'default/e')).toBe(plain);
    const virtualObj = object('default/e', '2');
    store.defineVirtual('events', {
      get: (key) => (key === 'default/e' ? virtualObj : undefined),
      list: () => [virtualObj],
      count: () => 1,
      byIndex: () => [],
      put: () => ({ type: 'ADDED', resource: 'events', key: 'default/e', object: virtualObj }),
      remove: () => undefined,
    });
    expect(store.get('events', 'default/e')).toBe(virtualObj);
  });
});

describe('ObjectStore resourceVersions', () => {
  it('hands out the decimal strings of 1, 2, 3, … across every power of ten', () => {
    const store = new ObjectStore();
    for (let i = 1; i <= 12_345; i++) expect(store.nextResourceVersion()).toBe(String(i));
    expect(store.nextRevision()).toBe(12_346);
    const wrong: string[] = [];
    for (let i = 12_347; i <= 1_001_000; i++) {
      const rv = store.nextResourceVersion();
      if (rv !== String(i)) wrong.push(`${i}: ${rv}`);
    }
    expect(wrong).toEqual([]);
    expect(store.currentResourceVersion).toBe(1_001_000);
  });
});
