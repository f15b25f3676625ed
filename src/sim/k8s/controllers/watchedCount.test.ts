import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/rng';
import { ObjectStore, type StoredObject } from '../../engine/store';
import { WatchedCount } from './watchedCount';

const obj = (ns: string, name: string, rv: number): StoredObject => ({ metadata: { namespace: ns, name, resourceVersion: String(rv) } }) as StoredObject;

describe('WatchedCount', () => {
  it('equals the store count through adds, updates and deletes, counting objects written before the watch', () => {
    for (const first of ['none', 'observe']) {
      const store = new ObjectStore();
      store.define('things');
      store.put('things', obj('a', 'early', 1));
      const count = new WatchedCount(store, 'things');
      store.watch('things', (e) => count.observe(e));
      // Read first by a pod event (none) or by the resource's own next event (observe).
      if (first === 'none') expect(count.none()).toBe(false);
      store.put('things', obj('b', 'second', 2));
      const rng = createRng(3);
      for (let i = 0; i < 400; i++) {
        const [ns, name] = [`ns${rng.int(3)}`, `t${rng.int(6)}`];
        if (rng.int(2) === 0) store.put('things', obj(ns, name, i + 3));
        else store.remove('things', `${ns}/${name}`);
        expect(count.none(), `step ${i}`).toBe(store.count('things') === 0);
      }
      for (const o of store.list('things')) store.remove('things', `${o.metadata.namespace}/${o.metadata.name}`);
      expect(count.none()).toBe(true);
    }
  });
});
