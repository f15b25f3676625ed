import { describe, expect, it } from 'vitest';
import { ObjectStore, WATCH_HISTORY_SIZE, type WatchEvent } from './store';

function replay(store: ObjectStore, resource: string, rv: number): readonly WatchEvent[] {
  const since = store.eventsSince(resource, rv);
  if (!Array.isArray(since)) throw new Error(`expected events, got ${JSON.stringify(since)}`);
  return since;
}

function cm(store: ObjectStore, name: string, mutation: number) {
  return { metadata: { name, namespace: 'default', resourceVersion: store.nextResourceVersion() }, data: { mutation: String(mutation) } };
}

describe('watch history (the watch cache window)', () => {
  it('replays only the events after a resourceVersion, in order', () => {
    const store = new ObjectStore();
    store.define('configmaps');
    store.put('configmaps', cm(store, 'a', 0));
    const after = store.currentResourceVersion;
    store.put('configmaps', cm(store, 'a', 1));
    store.remove('configmaps', 'default/a');
    const events = replay(store, 'configmaps', after);
    expect(events.map((e) => e.type)).toEqual(['MODIFIED', 'DELETED']);
    expect(events[0].object.metadata.resourceVersion).toBe(String(after + 1));
  });

  it('keeps each resource its own window', () => {
    const store = new ObjectStore();
    store.define('configmaps');
    store.define('secrets');
    store.put('secrets', cm(store, 's', 0));
    store.put('configmaps', cm(store, 'a', 0));
    expect(store.eventsSince('configmaps', 0)).toHaveLength(1);
    expect(store.eventsSince('secrets', 0)).toHaveLength(1);
  });

  it('returns nothing from the current resourceVersion on', () => {
    const store = new ObjectStore();
    store.define('configmaps');
    store.put('configmaps', cm(store, 'a', 0));
    expect(store.eventsSince('configmaps', store.currentResourceVersion)).toEqual([]);
  });

  it('reports a resourceVersion older than the window as expired, naming the oldest one still servable', () => {
    const store = new ObjectStore();
    store.define('configmaps');
    for (let i = 0; i < WATCH_HISTORY_SIZE + 5; i++) store.put('configmaps', cm(store, 'a', i));
    // Events 6..N remain: a watch from 5 on is complete, from 4 it would miss event 5.
    expect(store.eventsSince('configmaps', 5)).toHaveLength(WATCH_HISTORY_SIZE);
    expect(store.eventsSince('configmaps', 4)).toEqual({ expired: 5 });
    const all = replay(store, 'configmaps', 5);
    expect(all[all.length - 1].object.metadata.resourceVersion).toBe(String(WATCH_HISTORY_SIZE + 5));
  });
});
