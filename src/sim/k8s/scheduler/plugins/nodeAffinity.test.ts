import type { NodeSelectorTerm, PreferredSchedulingTerm } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { cacheWith, evaluatedOf, node, pod, scheduleIn, scoresOf, statusesOf } from '../testFixtures';

const withTerms = (terms: NodeSelectorTerm[]) => ({ spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } } });
const REASON = "node(s) didn't match Pod's node affinity/selector";

describe('NodeAffinity filter', () => {
  const nodes = [node('a', { labels: { disk: 'ssd', zone: 'z1', gen: '5' } }), node('b', { labels: { disk: 'hdd', zone: 'z2', gen: '3' } }), node('c')];
  const fits = (opts: Parameters<typeof pod>[1]) => {
    const o = scheduleIn(cacheWith(nodes), pod('p', opts));
    return evaluatedOf(o).filter((_, i) => !statusesOf(o)[i]);
  };

  it.each<[string, Parameters<typeof pod>[1], string[]]>([
    ['no selector: all', {}, ['a', 'b', 'c']],
    ['nodeSelector', { spec: { nodeSelector: { disk: 'ssd' } } }, ['a']],
    ['empty nodeSelector: all', { spec: { nodeSelector: {} } }, ['a', 'b', 'c']],
    ['nodeSelector and terms both apply', { spec: { nodeSelector: { disk: 'ssd' }, ...withTerms([{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['z2'] }] }]).spec } }, []],
    ['In', withTerms([{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['z1', 'z2'] }] }]), ['a', 'b']],
    ['NotIn matches nodes without the label', withTerms([{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['z1'] }] }]), ['b', 'c']],
    ['Exists', withTerms([{ matchExpressions: [{ key: 'disk', operator: 'Exists' }] }]), ['a', 'b']],
    ['DoesNotExist', withTerms([{ matchExpressions: [{ key: 'disk', operator: 'DoesNotExist' }] }]), ['c']],
    ['Gt', withTerms([{ matchExpressions: [{ key: 'gen', operator: 'Gt', values: ['4'] }] }]), ['a']],
    ['Lt', withTerms([{ matchExpressions: [{ key: 'gen', operator: 'Lt', values: ['4'] }] }]), ['b']],
    ['terms are ORed', withTerms([{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }, { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['c'] }] }]), ['a', 'c']],
    ['expressions in a term are ANDed', withTerms([{ matchExpressions: [{ key: 'disk', operator: 'Exists' }, { key: 'zone', operator: 'In', values: ['z2'] }] }]), ['b']],
    ['an empty term matches nothing', withTerms([{}]), []],
    ['nodeSelector AND affinity', { spec: { nodeSelector: { disk: 'hdd' }, ...withTerms([{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['z1'] }] }]).spec } }, []],
    ['matchFields NotIn', withTerms([{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['a'] }] }]), ['b', 'c']],
  ])('%s', (_n, opts, want) => {
    expect(fits(opts)).toEqual(want);
  });

  it('rejects with the affinity/selector reason, unresolvable', () => {
    const o = scheduleIn(cacheWith(nodes), pod('p', { spec: { nodeSelector: { disk: 'nvme' } } }));
    expect(statusesOf(o)[0]).toMatchObject({ plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: [REASON] });
  });

  it('a metadata.name pin narrows the nodes; the others count as not satisfying the plugin', () => {
    const o = scheduleIn(cacheWith([...nodes, node('d', { taints: [{ key: 'x', effect: 'NoSchedule' }] })]), pod('p', withTerms([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['d'] }] }])));
    expect(o.evaluated).toBe(1);
    expect(o.message).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {x: }, 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
  });

  it('conflicting pins reject the pod in PreFilter', () => {
    const o = scheduleIn(cacheWith(nodes), pod('p', withTerms([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }, { key: 'metadata.name', operator: 'In', values: ['b'] }] }])));
    expect(o.evaluated).toBe(0);
    expect(o.message).toBe('0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
  });
});

describe('NodeAffinity score', () => {
  it('Σ weights of matching preferred terms, normalised to the best node', () => {
    const preferred: PreferredSchedulingTerm[] = [
      { weight: 80, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
      { weight: 20, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['z2'] }] } },
    ];
    const cache = cacheWith([node('a', { labels: { disk: 'ssd' } }), node('b', { labels: { zone: 'z2' } }), node('c'), node('d', { labels: { disk: 'ssd', zone: 'z2' } })]);
    const o = scheduleIn(cache, pod('p', { spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } } } }));
    expect(scoresOf(o, 'NodeAffinity')).toEqual({ a: 80, b: 20, c: 0, d: 100 });
  });

  it('without preferred terms the plugin is skipped (0 everywhere)', () => {
    const o = scheduleIn(cacheWith([node('a'), node('b')]), pod('p'));
    expect(scoresOf(o, 'NodeAffinity')).toEqual({ a: 0, b: 0 });
    expect(o.skipped[1]).toBe(true);
  });
});
