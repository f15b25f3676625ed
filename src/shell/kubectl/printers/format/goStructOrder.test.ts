import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import golden from '../testing/goStructOrderCases.json';
import { inGoStructOrder, STRUCT_GROUPS } from './goStructOrder';
import { META_STRUCTS } from './goStructOrderMeta';

/** The same value with every object's keys sorted (or reversed): how our generators and the store hand objects over. */
function rekeyed(value: unknown, reverse = false): unknown {
  if (Array.isArray(value)) return value.map((v) => rekeyed(v, reverse));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort();
  if (reverse) keys.reverse();
  return Object.fromEntries(keys.map((k) => [k, rekeyed((value as Record<string, unknown>)[k], reverse)]));
}

const printed = (obj: unknown) => JSON.stringify(obj, null, 4);

describe('inGoStructOrder prints fields as kubectl v1.32 does for objects it decodes into Go structs', () => {
  for (const { command, json } of golden.cases) {
    it(command, () => {
      expect(printed(inGoStructOrder(rekeyed(json) as KubeObject))).toBe(printed(json));
      expect(printed(inGoStructOrder(rekeyed(json, true) as KubeObject))).toBe(printed(json));
    });
  }
});

describe('inGoStructOrder', () => {
  // kubectl's dry-run objects carry creationTimestamp: null, which the stored type does not allow.
  const pod = {
    status: {},
    spec: {
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      nodeSelector: { zone: 'a', disk: 'ssd' },
      containers: [{ resources: { requests: { memory: '1Gi', cpu: '1' } }, image: 'nginx', name: 'web' }],
    },
    metadata: { labels: { tier: 'fe', app: 'web' }, creationTimestamp: null, name: 'web' },
    apiVersion: 'v1',
    kind: 'Pod',
  } as unknown as KubeObject;

  it('starts with TypeMeta and ObjectMeta, then the kind’s fields in declaration order', () => {
    const out = inGoStructOrder(pod);
    expect(Object.keys(out)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(Object.keys(out.metadata)).toEqual(['name', 'creationTimestamp', 'labels']);
    expect(Object.keys(out.spec as object)).toEqual(['containers', 'restartPolicy', 'dnsPolicy', 'nodeSelector']);
  });

  it('keeps map-typed fields (labels, nodeSelector, resource lists) sorted by key', () => {
    const out = inGoStructOrder(pod) as unknown as { metadata: { labels: object }; spec: { nodeSelector: object; containers: { resources: { requests: object } }[] } };
    expect(Object.keys(out.metadata.labels)).toEqual(['app', 'tier']);
    expect(Object.keys(out.spec.nodeSelector)).toEqual(['disk', 'zone']);
    expect(Object.keys(out.spec.containers[0].resources.requests)).toEqual(['cpu', 'memory']);
  });

  it('puts fields the table does not know after the known ones, sorted, and drops none', () => {
    const obj = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c' }, zeta: { b: 1, a: 2 }, data: { k: 'v' }, alpha: [3, 1] };
    const out = inGoStructOrder(obj) as unknown as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['kind', 'apiVersion', 'metadata', 'data', 'alpha', 'zeta']);
    expect(Object.keys(out.zeta as object)).toEqual(['a', 'b']);
    expect(out.alpha).toEqual([3, 1]);
  });

  it('orders only TypeMeta and ObjectMeta of kinds outside the table', () => {
    const hpa = { spec: { minReplicas: 1, metrics: [] }, metadata: { namespace: 'default', name: 'h' }, apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' };
    const out = inGoStructOrder(hpa) as unknown as { metadata: object; spec: object };
    expect(Object.keys(out)).toEqual(['kind', 'apiVersion', 'metadata', 'spec']);
    expect(Object.keys(out.metadata)).toEqual(['name', 'namespace']);
    expect(Object.keys(out.spec)).toEqual(['metrics', 'minReplicas']);
  });

  it('leaves its argument untouched', () => {
    const before = JSON.stringify(pod);
    inGoStructOrder(pod);
    expect(JSON.stringify(pod)).toBe(before);
  });
});

describe('the struct table', () => {
  const tables = [META_STRUCTS, ...STRUCT_GROUPS.map((g) => g.structs)];
  const names = new Set(tables.flatMap((t) => Object.keys(t)));

  it('names only structs it defines', () => {
    const dangling = tables.flatMap((t) => Object.values(t).flat()).filter((spec) => spec.includes(':') && !names.has(spec.slice(spec.indexOf(':') + 1)));
    expect(dangling).toEqual([]);
  });

  it('defines each struct once and lists each field once', () => {
    expect(tables.reduce((n, t) => n + Object.keys(t).length, 0)).toBe(names.size);
    for (const t of tables) {
      for (const [name, fields] of Object.entries(t)) {
        const fieldNames = fields.map((spec) => spec.split(':')[0]);
        expect(new Set(fieldNames).size, name).toBe(fieldNames.length);
      }
    }
  });

  it('has a top-level struct for every kind it serves', () => {
    for (const g of STRUCT_GROUPS) for (const kind of g.kinds) expect(g.structs[kind]?.slice(0, 3), kind).toEqual(['kind', 'apiVersion', 'metadata:ObjectMeta']);
  });
});
