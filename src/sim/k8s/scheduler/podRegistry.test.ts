import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/rng';
import type { VirtualClock } from '../../engine/clock';
import type { WatchEvent } from '../../engine/store';
import type { K8sContext } from '../controllers/context';
import type { PodObject } from './podInfo';
import { SchedulerCore } from './schedulerCore';
import { scheduleOne } from './scheduleOne';
import { node, pod } from './testFixtures';

/** A scheduler core fed by a tiny pod store whose writes reach it as watch events, as the informers deliver them. */
function world() {
  const core = new SchedulerCore();
  const pods = new Map<string, PodObject>();
  let now = 0;
  const clock = { now: () => now, timestamp: () => '2025-03-01T09:00:00Z' } as unknown as VirtualClock;
  const store = { has: (r: string) => r === 'pods', list: () => [], get: (_r: string, key: string) => pods.get(key) };
  const write = (key: string, next: PodObject | undefined) => {
    const old = pods.get(key);
    if (next) pods.set(key, next);
    else pods.delete(key);
    const e: WatchEvent = next ? (old ? { type: 'MODIFIED', resource: 'pods', key, object: next, old } : { type: 'ADDED', resource: 'pods', key, object: next }) : { type: 'DELETED', resource: 'pods', key, object: old!, old };
    core.onEvent(e);
  };
  const ctx = {
    clock,
    rng: createRng(1),
    store,
    api: {
      bind(ns: string, name: string, host: string) {
        const key = `${ns}/${name}`;
        const next = { ...pods.get(key)!, spec: { ...pods.get(key)!.spec!, nodeName: host } };
        write(key, next);
        return { ok: true, object: next };
      },
      updateStatus: (p: PodObject) => {
        write(`${p.metadata.namespace}/${p.metadata.name}`, p);
        return { ok: true, object: p };
      },
    },
    event: () => undefined,
    note: () => undefined,
  } as unknown as K8sContext;
  core.init(store as never, clock);
  const addNode = (name: string, cpu: string) => core.onEvent({ type: 'ADDED', resource: 'nodes', key: name, object: node(name, { cpu }) });
  /** Lets `ms` of virtual time pass, then runs cycles until the queue has nothing active. */
  const cycle = (ms = 0) => {
    now += ms;
    core.applyClusterEvents();
    core.queue.flushBackoff(now);
    for (let q = core.queue.pop(); q; q = core.queue.pop()) now += scheduleOne(core, ctx, q);
  };
  return { core, pods, write, addNode, cycle };
}

describe('pod registry: where a pod’s decision row lives', () => {
  it('keeps one decision per pod from its failed attempt through binding and finishing, until the pod is deleted', () => {
    const w = world();
    w.addNode('small', '1');
    w.write('default/big', pod('big', { cpu: '2', uid: 'u-big' }));
    w.cycle();
    expect(w.core.decisions.get('default/big')?.message).toMatch(/^0\/1 nodes are available: 1 Insufficient cpu/);
    // The same row (held by the queued pod) is reused when a node that fits joins.
    w.addNode('large', '4');
    w.cycle(10_000);
    expect([w.pods.get('default/big')?.spec?.nodeName, w.core.decisions.get('default/big')?.nodeName, w.core.decisions.get('default/big')?.message, w.core.decisions.size]).toEqual(['large', 'large', undefined, 1]);
    // A finished pod leaves the scheduler's cache; "Why this node?" still answers for it.
    const bound = w.pods.get('default/big')!;
    w.write('default/big', { ...bound, status: { phase: 'Succeeded' } });
    expect([w.core.cache.cachedPod('default/big'), w.core.decisions.get('default/big')?.nodeName, w.core.decisions.size]).toEqual([undefined, 'large', 1]);
    w.write('default/big', undefined);
    expect([w.core.decisions.get('default/big'), w.core.decisions.size]).toEqual([undefined, 0]);
  });

  it('forgets a bound pod on deletion, and a pod recreated under the same name starts a story of its own', () => {
    const w = world();
    w.addNode('n1', '4');
    w.write('default/web', pod('web', { cpu: '1', uid: 'u-1' }));
    w.cycle();
    expect(w.core.decisions.get('default/web')?.podUid).toBe('u-1');
    w.write('default/web', undefined);
    expect(w.core.decisions.get('default/web')).toBeUndefined();
    w.write('default/web', pod('web', { cpu: '1', uid: 'u-2' }));
    expect(w.core.decisions.get('default/web')).toBeUndefined();
    w.cycle();
    expect([w.core.decisions.get('default/web')?.podUid, w.core.decisions.get('default/web')?.nodeName, w.core.decisions.size]).toEqual(['u-2', 'n1', 1]);
  });

  it('keeps the decision of a pod whose labels change after binding (its cache entry is replaced)', () => {
    const w = world();
    w.addNode('n1', '4');
    w.write('default/web', pod('web', { cpu: '1', labels: { app: 'web' } }));
    w.cycle();
    const bound = w.pods.get('default/web')!;
    const before = w.core.cache.cachedPod('default/web');
    w.write('default/web', { ...bound, metadata: { ...bound.metadata, labels: { app: 'web', tier: 'front' } } });
    expect(w.core.cache.cachedPod('default/web')).not.toBe(before);
    expect([w.core.decisions.get('default/web')?.nodeName, w.core.decisions.size]).toEqual(['n1', 1]);
    w.write('default/web', undefined);
    expect(w.core.decisions.size).toBe(0);
  });
});
