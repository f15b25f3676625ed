import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { naturalLess } from './naturalLess';
import { relaxedJsonPath, sortObjects } from './sortObjects';

const pod = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, ...extra }) as unknown as KubeObject;
const names = (r: KubeObject[] | { error: string }) => ('error' in r ? r.error : r.map((o) => o.metadata.name));

describe('kubectl get --sort-by', () => {
  it('accepts the relaxed path forms', () => {
    expect(relaxedJsonPath('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('{.metadata.name}')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('{metadata.name}')).toBe('{.metadata.name}');
  });

  it('orders strings naturally (web-9 before web-10)', () => {
    expect(names(sortObjects([pod('web-10'), pod('web-9'), pod('api')], '.metadata.name'))).toEqual(['api', 'web-9', 'web-10']);
  });

  it('compares quantities by value and numbers numerically', () => {
    const cpu = (n: string, q: string) => pod(n, { spec: { containers: [{ resources: { requests: { cpu: q } } }] } });
    expect(names(sortObjects([cpu('a', '1'), cpu('b', '250m'), cpu('c', '1500m')], '.spec.containers[0].resources.requests.cpu'))).toEqual(['b', 'a', 'c']);
    const restarts = (n: string, r: number) => pod(n, { status: { containerStatuses: [{ restartCount: r }] } });
    expect(names(sortObjects([restarts('a', 10), restarts('b', 2), restarts('c', 0)], '.status.containerStatuses[0].restartCount'))).toEqual(['c', 'b', 'a']);
  });

  it('puts objects missing the field first', () => {
    expect(names(sortObjects([pod('a', { spec: { nodeName: 'w2' } }), pod('b'), pod('c', { spec: { nodeName: 'w1' } })], '.spec.nodeName'))).toEqual(['b', 'c', 'a']);
  });

  it("returns kubectl's errors", () => {
    expect(sortObjects([pod('a'), pod('b')], '.spec.nope')).toEqual({ error: 'couldn\'t find any field with path "{.spec.nope}" in the list of objects' });
    expect(sortObjects([pod('a', { spec: { x: true } }), pod('b', { spec: { x: false } })], '.spec.x')).toEqual({ error: 'Field {.spec.x} is an unsortable type, err: unsortable type: bool' });
  });
});

describe('naturalLess (fvbommel/sortorder)', () => {
  it('compares digit runs as numbers and the rest bytewise', () => {
    expect(naturalLess('a2', 'a10')).toBe(true);
    expect(naturalLess('a10', 'a2')).toBe(false);
    expect(naturalLess('a01', 'a1')).toBe(false);
    expect(naturalLess('a1', 'a01')).toBe(true);
    expect(naturalLess('B', 'a')).toBe(true);
    expect(naturalLess('abc', 'abcd')).toBe(true);
    expect(naturalLess('x', 'x')).toBe(false);
  });
});
