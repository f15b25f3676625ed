import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/rng';
import { DecisionLog } from './decisionLog';
import { SchedulingFramework } from './framework';
import type { SchedulerPlugin } from './plugin';
import { FILTER_PLUGINS } from './plugins/index';
import { PodInfo } from './podInfo';
import { cacheWith, node, pod } from './testFixtures';

const victims = { nominatedNode: 'a', victims: ['default/low'], victimPriorities: [0], priority: 10, postFilterMsg: '' };

describe('decision log summaries', () => {
  it('keeps the failure message and counts of an unschedulable attempt', () => {
    const fw = new SchedulingFramework();
    const log = new DecisionLog(fw.scorers, 1);
    const cache = cacheWith([node('a', { cpu: '1' }), node('b', { cpu: '1' })]);
    const o = fw.schedulePod(new PodInfo(pod('big', { cpu: '2' })), cache, createRng(1), 0, log.nextBuffers());
    log.record('default/big', 'u1', 5000, o);
    log.record('default/other', 'u2', 7000, fw.schedulePod(new PodInfo(pod('other', { cpu: '2' })), cache, createRng(1), 0, log.nextBuffers()));
    const d = log.get('default/big')!;
    expect(d).toMatchObject({ at: 5000, podUid: 'u1', evaluatedNodes: 2, totalNodes: 2, feasibleNodes: 0, truncated: true, nodes: [] });
    expect(d.message).toBe('0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.');
    expect(d.nodeName).toBeUndefined();
    expect(log.get('default/other')!.at).toBe(7000);
    expect(log.size).toBe(2);
  });

  it('keeps a preemption for later attempts of the same pod, not for a new pod of the same name', () => {
    const fw = new SchedulingFramework();
    const log = new DecisionLog(fw.scorers, 4);
    const cache = cacheWith([node('a', { cpu: '1' })]);
    const attempt = (uid: string) => log.record('default/p', uid, 0, fw.schedulePod(new PodInfo(pod('p', { cpu: '2' })), cache, createRng(1), 0, log.nextBuffers()));
    attempt('u1');
    log.notePreemption('default/p', 'preempting', victims);
    expect(log.get('default/p')!.message).toBe('preempting');
    attempt('u1');
    expect(log.get('default/p')!.preemption).toEqual({ nominatedNode: 'a', victims: ['default/low'], victimPriorities: [0], priority: 10 });
    expect(log.get('default/p')!.message).not.toBe('preempting');
    attempt('u2');
    expect(log.get('default/p')!.preemption).toBeUndefined();
  });

  it('a later attempt replaces the whole summary, and a forgotten pod leaves nothing behind for the next one', () => {
    const fw = new SchedulingFramework();
    const log = new DecisionLog(fw.scorers, 1);
    const small = cacheWith([node('a', { cpu: '1' })]);
    const roomy = cacheWith([node('a', { cpu: '4' }), node('b', { cpu: '4' })]);
    const rng = createRng(1);
    log.record('default/p', 'u1', 0, fw.schedulePod(new PodInfo(pod('p', { cpu: '2' })), small, rng, 0, log.nextBuffers()));
    log.notePreemption('default/p', 'preempting', victims);
    log.forget('default/p');
    expect(log.get('default/p')).toBeUndefined();
    expect(log.size).toBe(0);
    log.record('default/q', 'u9', 10, fw.schedulePod(new PodInfo(pod('q', { cpu: '1' })), roomy, rng, 0, log.nextBuffers()));
    const q = log.get('default/q')!;
    expect(q.message).toBeUndefined();
    expect(q.preemption).toBeUndefined();
    expect(q.nodeName).toBe('a');
    expect(q.nodes.map((v) => v.node)).toEqual(['a', 'b']);
    log.record('default/r', 'u8', 20, fw.schedulePod(new PodInfo(pod('r', { cpu: '9' })), roomy, rng, 0, log.nextBuffers()));
    log.record('default/q', 'u9', 30, fw.schedulePod(new PodInfo(pod('q', { cpu: '9' })), roomy, rng, 0, log.nextBuffers()));
    const again = log.get('default/q')!;
    expect(again.nodeName).toBeUndefined();
    expect(again.nodes.map((v) => [v.node, v.failedPlugin, v.scores])).toEqual([['a', 'NodeResourcesFit', undefined], ['b', 'NodeResourcesFit', undefined]]);
    expect(again.message).toMatch(/^0\/2 nodes are available/);
  });

  it('keeps the chosen node scores that do not fit 0-100 integers exactly', () => {
    const odd: SchedulerPlugin = { name: 'Odd', score: (_s, nodes, idx, count, out) => { for (let i = 0; i < count; i++) out[i] = nodes[idx[i]].name === 'a' ? 150.5 : 1; } };
    const fw = new SchedulingFramework(FILTER_PLUGINS, [{ plugin: odd, weight: 2 }]);
    const log = new DecisionLog(fw.scorers, 1);
    const cache = cacheWith([node('a'), node('b')]);
    log.record('default/p', 'u1', 0, fw.schedulePod(new PodInfo(pod('p')), cache, createRng(1), 0, log.nextBuffers()));
    log.record('default/z', 'u2', 0, fw.schedulePod(new PodInfo(pod('z')), cache, createRng(1), 0, log.nextBuffers()));
    expect(log.get('default/p')).toMatchObject({ truncated: true, nodeName: 'a', nodes: [{ node: 'a', scores: { Odd: 150.5 }, total: 301 }] });
  });
});
