import { describe, expect, it } from 'vitest';
import { PodInfo, type PodObject } from './podInfo';
import { PodsByVersion } from './podsByVersion';
import { SchedulerCache } from './schedulerCache';
import { SchedulerCore } from './schedulerCore';
import type { VirtualClock } from '../../engine/clock';
import { node, pod } from './testFixtures';

function version(p: PodObject, rv: string): PodObject {
  return { ...p, metadata: { ...p.metadata, resourceVersion: rv } };
}

describe('pods by version', () => {
  it('finds a cached pod by the version it holds, and only by that one', () => {
    const cache = new SchedulerCache();
    cache.upsertNode(node('n1'));
    const v1 = version(pod('a', { nodeName: 'n1' }), '1041');
    const info = new PodInfo(v1);
    cache.addPod(info, 'n1');
    expect(cache.cachedVersion(v1)).toBe(info);
    // Another object with the same version is not the version the cache holds.
    expect(cache.cachedVersion(version(v1, '1041'))).toBeUndefined();
    const v2 = version(v1, '1042');
    cache.holdVersion(info, v2);
    expect([info.pod, cache.cachedVersion(v2), cache.cachedVersion(v1)]).toEqual([v2, info, undefined]);
  });

  it('forgets a pod that leaves the cache', () => {
    const cache = new SchedulerCache();
    cache.upsertNode(node('n1'));
    const v1 = version(pod('a', { nodeName: 'n1' }), '7');
    cache.addPod(new PodInfo(v1), 'n1');
    cache.removePod('default/a');
    expect(cache.cachedVersion(v1)).toBeUndefined();
  });

  it('lets a later pod take a slot, and is then only a miss for the earlier one (and empties when it grows)', () => {
    const t = new PodsByVersion();
    const infos = Array.from({ length: 3000 }, (_, i) => {
      const info = new PodInfo(version(pod(`p${i}`), String(100_000 + i)));
      info.cachedNode = {} as never;
      return info;
    });
    // Sized for 3,000 cached pods (8,192 slots): consecutive versions have slots of their own, so every pod is found.
    for (const info of infos) t.put(info, 3000);
    expect(infos.every((info) => t.find(info.pod) === info)).toBe(true);
    const late = new PodInfo(version(pod('late'), String(100_000 + 8192)));
    late.cachedNode = {} as never;
    t.put(late, 3000);
    expect([t.find(late.pod), t.find(infos[0].pod), t.find(infos[1].pod)]).toEqual([late, undefined, infos[1]]);
    // More cached pods than slots: a bigger table, empty (the registry answers until pods are put again).
    t.put(late, 9000);
    expect([t.find(late.pod), t.find(infos[1].pod)]).toEqual([late, undefined]);
  });

  it('finds nothing for a pod without a version, or one no longer cached', () => {
    const t = new PodsByVersion();
    const bare = new PodInfo(pod('bare'));
    bare.cachedNode = {} as never;
    t.put(bare, 1);
    expect(t.find(bare.pod)).toBeUndefined();
    const gone = new PodInfo(version(pod('gone'), '5'));
    t.put(gone, 1);
    expect(t.find(gone.pod)).toBeUndefined();
  });

  it('takes a bound pod\'s status writes through its held version: the pod stays counted once on its node, holding the latest version', () => {
    const core = new SchedulerCore();
    core.init({ has: () => false, list: () => [] } as never, { now: () => 0 } as unknown as VirtualClock);
    core.onEvent({ type: 'ADDED', resource: 'nodes', key: 'n1', object: node('n1', { cpu: '2' }) });
    let v = version(pod('a', { nodeName: 'n1', cpu: '500m' }), '10');
    core.onEvent({ type: 'ADDED', resource: 'pods', key: 'default/a', object: v });
    const info = core.cache.cachedPod('default/a')!;
    for (const rv of ['11', '12', '13']) {
      const next = { ...version(v, rv), status: { phase: rv === '13' ? 'Running' : 'Pending' } };
      expect(core.onEvent({ type: 'MODIFIED', resource: 'pods', key: 'default/a', object: next, old: v })).toBe(false);
      v = next;
    }
    expect([core.cache.cachedPod('default/a'), info.pod, core.cache.cachedVersion(v), core.cache.podCount, core.cache.node('n1')!.reqCpu]).toEqual([info, v, info, 1, 500]);
  });
});
