import { describe, expect, it } from 'vitest';
import { ObjectStore, type WatchEvent } from '../../../engine/store';
import type { KubeObject } from '../../api/types';
import { createGarbageCollector } from './garbageCollector';

function setUp() {
  const store = new ObjectStore();
  store.define('replicasets.apps');
  store.define('pods');
  const gc = createGarbageCollector(store, ['replicasets.apps', 'pods']);
  const feed = (resource: string, e: WatchEvent) => gc.watches.find((w) => w.resource === resource)!.map(e);
  const put = (resource: string, obj: KubeObject) => feed(resource, store.put(resource, obj));
  const rs = (extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default', uid: 'rs-1', ...extra } });
  // One owner list shared by every pod, as a ReplicaSet's pods share theirs.
  const refs = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-1', controller: true }];
  let n = 0;
  const pod = (): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${n}`, namespace: 'default', uid: `pod-${n++}`, ownerReferences: refs } });
  return { store, put, rs, pod };
}

describe('garbage collector owner checks', () => {
  it('checks a new dependent whose owner, alive for the dependents before it, is now being deleted in the foreground or gone', () => {
    const { store, put, rs, pod } = setUp();
    put('replicasets.apps', rs());
    expect(put('pods', pod())).toBeUndefined();
    expect(put('pods', pod())).toBeUndefined();
    put('replicasets.apps', rs({ deletionTimestamp: '2025-03-01T09:00:00Z', finalizers: ['foregroundDeletion'] }));
    expect(put('pods', pod())).toEqual(['dep|pods|default/web-2']);
    put('replicasets.apps', rs());
    expect(put('pods', pod())).toBeUndefined();
    store.remove('replicasets.apps', 'default/web');
    expect(put('pods', pod())).toEqual(['dep|pods|default/web-4']);
  });

  it('checks a new dependent whose owner was replaced by another object of the same name', () => {
    const { put, rs, pod } = setUp();
    put('replicasets.apps', rs());
    expect(put('pods', pod())).toBeUndefined();
    put('replicasets.apps', rs({ uid: 'rs-2' }));
    expect(put('pods', pod())).toEqual(['dep|pods|default/web-1']);
  });
});
