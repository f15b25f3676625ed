import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObjectStore, type StoredObject } from './store';

type Ref = { uid: string; controller?: boolean };
type Obj = StoredObject & { metadata: { ownerReferences?: Ref[] } };

const LABEL_KEYS = ['app', 'tier', 'hash'];
const VALUES = ['a', 'b', 'c'];
const UIDS = ['u1', 'u2', 'u3'];

/** The indexes as the store kept them before sharing Sets: one Set per label `key=value`, per label key, per owner uid. */
class ReferenceIndexes {
  readonly byLabel = new Map<string, Set<string>>();
  readonly byLabelKey = new Map<string, Set<string>>();
  readonly owner = new Map<string, Set<string>>();
  readonly controller = new Map<string, Set<string>>();
  readonly tier = new Map<string, Set<string>>();
  readonly byNamespace = new Map<string, Set<string>>();
  private readonly objects = new Map<string, Obj>();

  write(key: string, next: Obj | undefined): void {
    const old = this.objects.get(key);
    if (next) this.objects.set(key, next);
    else this.objects.delete(key);
    const oldNs = old?.metadata.namespace ?? '';
    const newNs = next?.metadata.namespace ?? '';
    if (!old || !next || oldNs !== newNs) {
      if (old) remove(this.byNamespace, oldNs, key);
      if (next) add(this.byNamespace, newNs, key);
    }
    const ol = old?.metadata.labels;
    const nl = next?.metadata.labels;
    if (ol) for (const k in ol) if (!nl || nl[k] !== ol[k]) {
      remove(this.byLabel, `${k}=${ol[k]}`, key);
      if (!nl || !(k in nl)) remove(this.byLabelKey, k, key);
    }
    if (nl) for (const k in nl) if (!ol || ol[k] !== nl[k]) {
      add(this.byLabel, `${k}=${nl[k]}`, key);
      if (!ol || !(k in ol)) add(this.byLabelKey, k, key);
    }
    const owners = (o: Obj | undefined) => o?.metadata.ownerReferences?.map((r) => r.uid) ?? [];
    const ctrl = (o: Obj | undefined) => {
      const r = o?.metadata.ownerReferences?.find((x) => x.controller);
      return r ? [r.uid] : [];
    };
    const tier = (o: Obj | undefined) => (o?.metadata.labels?.tier === undefined ? [] : [o.metadata.labels.tier]);
    for (const [map, fn] of [[this.owner, owners], [this.controller, ctrl], [this.tier, tier]] as const) {
      const ov = fn(old);
      const nv = fn(next);
      for (const v of ov) if (!nv.includes(v)) remove(map, v, key);
      for (const v of nv) if (!ov.includes(v)) add(map, v, key);
    }
  }
}

function add(map: Map<string, Set<string>>, v: string, key: string): void {
  if (!map.has(v)) map.set(v, new Set());
  map.get(v)!.add(key);
}

function remove(map: Map<string, Set<string>>, v: string, key: string): void {
  const set = map.get(v);
  set?.delete(key);
  if (set?.size === 0) map.delete(v);
}

const labels = fc.option(fc.dictionary(fc.constantFrom(...LABEL_KEYS), fc.constantFrom(...VALUES), { maxKeys: 3 }), { nil: undefined });
const refs = fc.option(fc.array(fc.record({ uid: fc.constantFrom(...UIDS), controller: fc.boolean() }), { maxLength: 3 }), { nil: undefined });
// A write: which object, then its new labels and owners (or a delete); `keep*` reuses the stored object's own value, as most writes do.
// `query` asks the indexes first (an index built or kept at a query must go on agreeing); an object may even change namespace under its key.
const write = fc.record({ i: fc.integer({ min: 0, max: 5 }), ns: fc.constantFrom('ns', 'ns', 'ns', 'other'), remove: fc.boolean(), labels, refs, keepLabels: fc.boolean(), keepRefs: fc.boolean(), query: fc.boolean() });

function storeWithIndexes(): ObjectStore {
  const store = new ObjectStore();
  store.define('things');
  const owners = (o: StoredObject) => (o as Obj).metadata.ownerReferences;
  store.addIndex('things', 'controllerUid', (o) => (o as Obj).metadata.ownerReferences?.find((r) => r.controller)?.uid, owners);
  store.addIndex('things', 'ownerUid', (o) => (o as Obj).metadata.ownerReferences?.map((r) => r.uid), owners, 'controllerUid');
  // A single-valued index (as pods by node).
  store.addIndex('things', 'tier', (o) => o.metadata.labels?.tier, (o) => o.metadata.labels);
  // The same as list indexes (as pods by node), one of them with several values per object.
  store.addListIndex('things', 'tierList', (o) => o.metadata.labels?.tier, (o) => o.metadata.labels);
  store.addListIndex('things', 'ownerList', (o) => (o as Obj).metadata.ownerReferences?.map((r) => r.uid), owners);
  return store;
}

function expectSame(store: ObjectStore, ref: ReferenceIndexes): void {
  for (const k of LABEL_KEYS) {
    expect([...store.keysWithLabelKey('things', k)!]).toEqual([...(ref.byLabelKey.get(k) ?? [])]);
    for (const v of VALUES) expect([...store.keysWithLabel('things', k, v)!]).toEqual([...(ref.byLabel.get(`${k}=${v}`) ?? [])]);
  }
  for (const uid of UIDS) {
    expect([...store.byIndex('things', 'ownerUid', uid)]).toEqual([...(ref.owner.get(uid) ?? [])]);
    expect([...store.byIndex('things', 'controllerUid', uid)]).toEqual([...(ref.controller.get(uid) ?? [])]);
  }
  for (const v of VALUES) {
    expect([...store.byIndex('things', 'tier', v)]).toEqual([...(ref.tier.get(v) ?? [])]);
    expect([...store.byIndex('things', 'tierList', v)]).toEqual([...(ref.tier.get(v) ?? [])]);
    expect(store.listByIndex('things', 'tierList', v).map((o) => o.metadata.name)).toEqual([...(ref.tier.get(v) ?? [])].map((k) => k.slice(3)));
  }
  for (const uid of UIDS) expect([...store.byIndex('things', 'ownerList', uid)]).toEqual([...(ref.owner.get(uid) ?? [])]);
  for (const ns of ['ns', 'other']) {
    expect([...store.keysInNamespace('things', ns)]).toEqual([...(ref.byNamespace.get(ns) ?? [])]);
    expect(store.list('things', ns).map((o) => o.metadata.name)).toEqual([...(ref.byNamespace.get(ns) ?? [])].map((k) => k.slice(3)));
    expect(store.count('things', ns)).toBe(ref.byNamespace.get(ns)?.size ?? 0);
  }
}

describe('ObjectStore indexes', () => {
  it('list the same keys in the same order as one Set per label, label key, owner and namespace kept at every write would, whatever the writes and queries', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 60 }), (writes) => {
        const store = storeWithIndexes();
        const ref = new ReferenceIndexes();
        for (const w of writes) {
          if (w.query) expectSame(store, ref);
          const key = `ns/o${w.i}`;
          const old = store.get<Obj>('things', key);
          if (w.remove) {
            store.remove('things', key);
            ref.write(key, undefined);
            continue;
          }
          const metadata = { name: `o${w.i}`, namespace: w.ns, labels: w.keepLabels && old ? old.metadata.labels : w.labels, ownerReferences: w.keepRefs && old ? old.metadata.ownerReferences : w.refs };
          const obj = { metadata } as Obj;
          store.put('things', obj, key);
          ref.write(key, obj);
        }
        expectSame(store, ref);
      }),
      { numRuns: 2000 },
    );
  });

  it('keep one Set for a label key whose objects all carry one value, and for owners that are all controllers', () => {
    const store = storeWithIndexes();
    for (let i = 0; i < 3; i++) store.put('things', { metadata: { name: `p${i}`, namespace: 'ns', labels: { app: 'web' }, ownerReferences: [{ uid: 'rs', controller: true }] } } as Obj);
    expect(store.keysWithLabelKey('things', 'app')).toBe(store.keysWithLabel('things', 'app', 'web'));
    expect(store.byIndex('things', 'ownerUid', 'rs')).toBe(store.byIndex('things', 'controllerUid', 'rs'));
    // An object under a newer value, or an owner that is not the controller, parts them; both stay right.
    store.put('things', { metadata: { name: 'q', namespace: 'ns', labels: { app: 'db' }, ownerReferences: [{ uid: 'rs' }] } } as Obj);
    expect([...store.keysWithLabelKey('things', 'app')!]).toEqual(['ns/p0', 'ns/p1', 'ns/p2', 'ns/q']);
    expect([...store.keysWithLabel('things', 'app', 'web')!]).toEqual(['ns/p0', 'ns/p1', 'ns/p2']);
    expect([...store.byIndex('things', 'ownerUid', 'rs')]).toEqual(['ns/p0', 'ns/p1', 'ns/p2', 'ns/q']);
    expect([...store.byIndex('things', 'controllerUid', 'rs')]).toEqual(['ns/p0', 'ns/p1', 'ns/p2']);
  });
});

describe('ObjectStore label index', () => {
  it('keeps one Set for labels objects gain together (app and pod-template-hash), parted by the first write that moves one only', () => {
    const store = storeWithIndexes();
    for (let i = 0; i < 3; i++) store.put('things', { metadata: { name: `p${i}`, namespace: 'ns', labels: { app: 'web', hash: 'h1' } } });
    expect(store.keysWithLabel('things', 'app', 'web')).toBe(store.keysWithLabel('things', 'hash', 'h1'));
    store.put('things', { metadata: { name: 'p1', namespace: 'ns', labels: { app: 'web', hash: 'h2' } } });
    store.put('things', { metadata: { name: 'q', namespace: 'ns', labels: { app: 'web', hash: 'h1' } } });
    expect([...store.keysWithLabel('things', 'app', 'web')!]).toEqual(['ns/p0', 'ns/p1', 'ns/p2', 'ns/q']);
    expect([...store.keysWithLabel('things', 'hash', 'h1')!]).toEqual(['ns/p0', 'ns/p2', 'ns/q']);
    expect([...store.keysWithLabel('things', 'hash', 'h2')!]).toEqual(['ns/p1']);
    expect([...store.keysWithLabelKey('things', 'hash')!]).toEqual(['ns/p0', 'ns/p1', 'ns/p2', 'ns/q']);
  });
});

describe('ObjectStore.putOver', () => {
  it('stores, indexes and reports like put when given the version get returned', () => {
    const viaPut = storeWithIndexes();
    const viaPutOver = storeWithIndexes();
    const events: string[][] = [[], []];
    viaPut.watch('things', (e) => events[0].push(`${e.type} ${e.key} ${e.old?.metadata.name ?? '-'}`));
    viaPutOver.watch('things', (e) => events[1].push(`${e.type} ${e.key} ${e.old?.metadata.name ?? '-'}`));
    const writes: Obj[] = [
      { metadata: { name: 'a', namespace: 'ns', labels: { app: 'web' }, ownerReferences: [{ uid: 'rs', controller: true }] } },
      { metadata: { name: 'b', namespace: 'ns', labels: { app: 'web' } } },
      { metadata: { name: 'a', namespace: 'ns', labels: { app: 'db' }, ownerReferences: [] } },
    ];
    for (const obj of writes) {
      const key = `ns/${obj.metadata.name}`;
      viaPut.put('things', obj, key);
      viaPutOver.putOver('things', obj, key, viaPutOver.get('things', key));
    }
    expect(events[1]).toEqual(events[0]);
    expect(events[1]).toEqual(['ADDED ns/a -', 'ADDED ns/b -', 'MODIFIED ns/a a']);
    expect(viaPutOver.list('things')).toEqual(viaPut.list('things'));
    expect([...viaPutOver.keysWithLabel('things', 'app', 'db')!]).toEqual(['ns/a']);
    expect([...viaPutOver.keysWithLabel('things', 'app', 'web')!]).toEqual(['ns/b']);
    expect(viaPutOver.byIndex('things', 'controllerUid', 'rs').size).toBe(0);
  });
});

describe('ObjectStore list index', () => {
  it('lists each value\'s keys in arrival order, for keys added since the last read and for a key moved before any read', () => {
    const store = storeWithIndexes();
    const put = (name: string, tier: string) => store.put('things', { metadata: { name, namespace: 'ns', labels: { tier } } });
    put('a', 'x');
    put('b', 'y');
    put('c', 'x');
    expect(store.listByIndex('things', 'tierList', 'x').map((o) => o.metadata.name)).toEqual(['a', 'c']);
    put('d', 'x');
    put('b', 'x'); // moves before anything read it under y
    store.remove('things', 'ns/a');
    put('e', 'y');
    expect(store.listByIndex('things', 'tierList', 'x').map((o) => o.metadata.name)).toEqual(['c', 'd', 'b']);
    expect([...store.byIndex('things', 'tierList', 'y')]).toEqual(['ns/e']);
  });
});
