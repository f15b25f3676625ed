import { describe, expect, it } from 'vitest';
import { NodeInfo, type NodeObject } from '../nodeInfo';
import { PodInfo, type PodObject } from '../podInfo';
import { NO_VICTIMS, filterPodsWithPDBViolation, pickOneNodeForPreemption, selectVictimsOnNode, type Candidate, type PdbView } from './selectVictims';

function node(name: string, cpu: string, pods = '110'): NodeInfo {
  return new NodeInfo({ apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { allocatable: { cpu, memory: '8Gi', pods } } } as NodeObject);
}
function pod(name: string, priority: number, cpu: string, opts: { labels?: Record<string, string>; started?: string } = {}): PodInfo {
  return new PodInfo({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: opts.labels },
    spec: { priority, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }] },
    status: { startTime: opts.started ?? '2025-03-01T09:00:00Z' },
  } as PodObject);
}
function withPods(n: NodeInfo, ...pods: PodInfo[]): NodeInfo {
  for (const p of pods) n.addPod(p);
  return n;
}
const names = (r: ReturnType<typeof selectVictimsOnNode>) => ('victims' in r ? r.victims.map((v) => v.name) : r.reasons);

describe('selectVictimsOnNode', () => {
  it('removes only lower-priority pods, then reprieves the most important ones that still leave room', () => {
    const n = withPods(node('w1', '4'), pod('low-10', 10, '1'), pod('low-5', 5, '2'), pod('high', 100, '1'));
    expect(names(selectVictimsOnNode(pod('p', 50, '2'), n, []))).toEqual(['low-5']);
  });

  it('reports "No preemption victims found" when nothing has a lower priority', () => {
    const n = withPods(node('w1', '4'), pod('same', 50, '4'));
    expect(selectVictimsOnNode(pod('p', 50, '1'), n, [])).toEqual({ reasons: [NO_VICTIMS], unresolvable: true });
  });

  it('is no candidate when even removing every lower-priority pod leaves too little', () => {
    const n = withPods(node('w1', '4'), pod('low', 1, '1'), pod('high', 100, '3'));
    expect(selectVictimsOnNode(pod('p', 50, '2'), n, [])).toEqual({ reasons: ['Insufficient cpu'], unresolvable: false });
  });

  it('keeps PDB-protected pods where another victim will do, and counts the violations it cannot avoid', () => {
    const n = withPods(node('w1', '2'), pod('guarded', 10, '1', { labels: { app: 'db' } }), pod('free', 10, '1', { labels: { app: 'web' } }));
    const pdb: PdbView = { namespace: 'default', selector: { matchLabels: { app: 'db' } }, disruptionsAllowed: 0, disruptedPods: new Set() };
    expect(selectVictimsOnNode(pod('p', 50, '1'), n, [pdb])).toEqual({ victims: [expect.objectContaining({ name: 'free' })], numPDBViolations: 0 });
    expect(selectVictimsOnNode(pod('big', 50, '2'), n, [pdb])).toMatchObject({ numPDBViolations: 1 });
  });

  it('orders equal priorities by start time when reprieving: the older pod stays', () => {
    const n = withPods(node('w1', '2'), pod('young', 10, '1', { started: '2025-03-01T10:00:00Z' }), pod('old', 10, '1', { started: '2025-03-01T08:00:00Z' }));
    expect(names(selectVictimsOnNode(pod('p', 50, '1'), n, []))).toEqual(['young']);
  });
});

describe('filterPodsWithPDBViolation', () => {
  it('decrements each matching budget and ignores empty selectors and pods already disrupted', () => {
    const pods = [pod('a', 1, '1', { labels: { app: 'x' } }), pod('b', 1, '1', { labels: { app: 'x' } }), pod('c', 1, '1', { labels: { app: 'x' } })];
    const pdbs: PdbView[] = [
      { namespace: 'default', selector: { matchLabels: { app: 'x' } }, disruptionsAllowed: 1, disruptedPods: new Set(['c']) },
      { namespace: 'default', selector: {}, disruptionsAllowed: 0, disruptedPods: new Set() },
    ];
    const r = filterPodsWithPDBViolation(pods, pdbs);
    expect(r.violating.map((p) => p.name)).toEqual(['b']);
    expect(r.nonViolating.map((p) => p.name)).toEqual(['a', 'c']);
  });
});

describe('pickOneNodeForPreemption', () => {
  const cand = (name: string, victims: PodInfo[], numPDBViolations = 0): Candidate => ({ node: node(name, '4'), victims, numPDBViolations });
  it.each([
    ['fewest PDB violations', [cand('a', [pod('x', 1, '1')], 1), cand('b', [pod('y', 5, '1'), pod('z', 5, '1')], 0)], 'b'],
    ['the lowest highest-priority victim', [cand('a', [pod('x', 20, '1')]), cand('b', [pod('y', 10, '1'), pod('z', 10, '1')])], 'b'],
    ['the smallest sum of priorities', [cand('a', [pod('x', 10, '1'), pod('y', 10, '1')]), cand('b', [pod('z', 10, '1')])], 'b'],
    ['the latest-started highest-priority victim', [cand('a', [pod('x', 10, '1', { started: '2025-03-01T08:00:00Z' })]), cand('b', [pod('y', 10, '1', { started: '2025-03-01T09:30:00Z' })])], 'b'],
    ['the first on a full tie', [cand('a', [pod('x', 10, '1')]), cand('b', [pod('y', 10, '1')])], 'a'],
  ])('prefers %s', (_why, candidates, want) => {
    expect(pickOneNodeForPreemption(candidates)?.node.name).toBe(want);
  });
});
