import { describe, expect, it } from 'vitest';
import { cacheWith, node, pod, scheduleIn, scoresOf, statusesOf, totalsOf } from '../testFixtures';
import { leastRequestedScore } from './nodeResourcesFit';

const onNode = (name: string, nodeName: string, cpu: string, memory: string) => pod(name, { cpu, memory, nodeName });

describe('NodeResourcesFit score (LeastAllocated)', () => {
  it('worked example 1: 4 CPU / 8 GiB node with 1000m / 2Gi requested, pod 500m / 1Gi scores 62', () => {
    const cache = cacheWith([node('a'), node('b', { cpu: '64', memory: '256Gi' })], [onNode('x', 'a', '1000m', '2Gi')]);
    const o = scheduleIn(cache, pod('p', { cpu: '500m', memory: '1Gi' }));
    expect(scoresOf(o, 'NodeResourcesFit').a).toBe(62);
  });

  it('worked example 2: empty 2 CPU / 4 GiB node, same pod, scores 75', () => {
    const cache = cacheWith([node('b', { cpu: '2', memory: '4Gi' }), node('c')]);
    expect(scoresOf(scheduleIn(cache, pod('p', { cpu: '500m', memory: '1Gi' })), 'NodeResourcesFit').b).toBe(75);
  });

  it('worked example 3: a BestEffort pod counts as 100m / 200Mi and scores 97 on an empty 4 CPU / 8 GiB node', () => {
    const cache = cacheWith([node('a'), node('b')]);
    expect(scoresOf(scheduleIn(cache, pod('p')), 'NodeResourcesFit').a).toBe(97);
  });

  it.each([
    [0, 4000, 100],
    [1500, 4000, 62],
    [4000, 4000, 0],
    [4001, 4000, 0],
    [1, 0, 0],
    [333, 1000, 66],
  ])('leastRequestedScore(%d, %d) = %d', (req, cap, want) => {
    expect(leastRequestedScore(req, cap)).toBe(want);
  });

  it('counts the non-zero defaults of existing BestEffort pods on the node', () => {
    // Two BestEffort pods already there count 200m / 400Mi.
    const cache = cacheWith([node('a'), node('b')], [pod('x', { nodeName: 'a' }), pod('y', { nodeName: 'a' })]);
    const s = scoresOf(scheduleIn(cache, pod('p', { cpu: '1', memory: '1Gi' })), 'NodeResourcesFit');
    // cpu (4000-1200)/40 = 70; mem (8192-1024-400)/81.92 = 82 → 76.
    expect(s).toEqual({ a: 76, b: 81 });
  });
});

describe('combined example (Fit + BalancedAllocation)', () => {
  it('picks node B (75 + 100) over node A (62 + 100); TaintToleration adds 300 to both', () => {
    const cache = cacheWith([node('A'), node('B', { cpu: '2', memory: '4Gi' })], [onNode('x', 'A', '1000m', '2Gi')]);
    const o = scheduleIn(cache, pod('p', { cpu: '500m', memory: '1Gi' }));
    expect(scoresOf(o, 'NodeResourcesFit')).toEqual({ A: 62, B: 75 });
    expect(scoresOf(o, 'NodeResourcesBalancedAllocation')).toEqual({ A: 100, B: 100 });
    expect(scoresOf(o, 'TaintToleration')).toEqual({ A: 100, B: 100 });
    expect(totalsOf(o)).toEqual({ A: 462, B: 475 });
    expect(o.node?.name).toBe('B');
  });
});

describe('NodeResourcesFit filter', () => {
  const full = (over: Partial<Parameters<typeof node>[1]> = {}) => node('n', { cpu: '1', memory: '1Gi', pods: 2, ...over });
  it.each<[string, Parameters<typeof pod>[1], ReturnType<typeof pod>[], string[] | undefined]>([
    ['fits', { cpu: '500m', memory: '512Mi' }, [], undefined],
    ['too many pods', { cpu: '10m' }, [onNode('a', 'n', '0', '0'), onNode('b', 'n', '0', '0')], ['Too many pods']],
    ['BestEffort only checks the pod count', {}, [onNode('a', 'n', '1', '1Gi')], undefined],
    ['insufficient cpu', { cpu: '600m' }, [onNode('a', 'n', '500m', '0')], ['Insufficient cpu']],
    ['insufficient memory', { memory: '600Mi' }, [onNode('a', 'n', '0', '512Mi')], ['Insufficient memory']],
    ['both, in upstream order', { cpu: '2', memory: '2Gi' }, [], ['Insufficient cpu', 'Insufficient memory']],
    ['pods and cpu together', { cpu: '2' }, [onNode('a', 'n', '0', '0'), onNode('b', 'n', '0', '0')], ['Too many pods', 'Insufficient cpu']],
    ['zero cpu request never fails on an overcommitted node', { memory: '1Mi' }, [onNode('a', 'n', '2', '0')], undefined],
  ])('%s', (_name, podOpts, existing, reasons) => {
    const cache = cacheWith([full()], existing);
    const o = scheduleIn(cache, pod('p', podOpts));
    expect(statusesOf(o)[0]?.reasons).toEqual(reasons);
  });

  it('checks ephemeral-storage and extended resources', () => {
    const cache = cacheWith([node('n', { ephemeral: '1Gi', extra: { 'nvidia.com/gpu': '1' } })]);
    const p = pod('p', { containers: [{ name: 'c', image: 'x', resources: { requests: { 'ephemeral-storage': '2Gi', 'nvidia.com/gpu': '2' } } }] });
    const o = scheduleIn(cache, p);
    expect(statusesOf(o)[0]).toMatchObject({ plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient ephemeral-storage', 'Insufficient nvidia.com/gpu'] });
  });

  it('an extended resource the node does not have is insufficient', () => {
    const cache = cacheWith([node('n')]);
    const p = pod('p', { containers: [{ name: 'c', image: 'x', resources: { requests: { 'example.com/foo': '1' } } }] });
    expect(statusesOf(scheduleIn(cache, p))[0]?.reasons).toEqual(['Insufficient example.com/foo']);
  });
});
