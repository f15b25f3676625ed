import { describe, expect, it } from 'vitest';
import { compactCopyFor, compactPod, compactWith, podShell, withMetadataAndStatus, withNodeName, withResourceVersion } from './compact';

const withFields = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, i]));

describe('compactWith', () => {
  it('copies like a spread: same keys in the same order, an existing key keeps its place, a new one comes last', () => {
    for (const n of [0, 1, 4, 8, 13, 24, 25, 40]) {
      const src = Object.freeze(withFields(n));
      expect(Object.entries(compactWith(src))).toEqual(Object.entries({ ...src }));
      expect(Object.entries(compactWith(src, 'f0', 'x'))).toEqual(Object.entries({ ...src, f0: 'x' }));
      expect(Object.entries(compactWith(src, 'nodeName', 'node-1'))).toEqual(Object.entries({ ...src, nodeName: 'node-1' }));
    }
  });

  it('makes plain objects: Object.prototype, constructor Object, a new object each time', () => {
    const src = { a: 1 };
    const copy = compactWith(src, 'b', 2);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.constructor).toBe(Object);
    expect(copy).not.toBe(src);
    expect(copy).toStrictEqual({ a: 1, b: 2 });
    expect(src).toStrictEqual({ a: 1 });
  });

  it('copies with room for fields to come: same keys and order, the new ones after', () => {
    const src = Object.freeze({ containers: [], dnsPolicy: 'ClusterFirst', priority: 0 });
    const copy = compactCopyFor(src, ['priority', 'tolerations']);
    expect(Object.entries(copy)).toEqual(Object.entries(src));
    (copy as Record<string, unknown>).tolerations = [];
    expect(Object.keys(copy)).toEqual(['containers', 'dnsPolicy', 'priority', 'tolerations']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });

  it('compacts a pod and its metadata, sharing everything below them', () => {
    const labels = { app: 'web' };
    const containers = [{ name: 'c', image: 'nginx' }];
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels }, spec: { containers }, status: { phase: 'Pending' } };
    const copy = compactPod(pod);
    expect(copy).toStrictEqual(pod);
    expect(Object.keys(copy)).toEqual(Object.keys(pod));
    expect(copy.metadata).not.toBe(pod.metadata);
    expect(copy.spec).toBe(pod.spec);
    expect(copy.metadata.labels).toBe(labels);
    expect(copy.spec.containers).toBe(containers);
    expect(copy.status).toBe(pod.status);
  });

  it('makes a new pod a shell that create fills in place: same keys and order as a spread copy, nothing below shared with changes', () => {
    const metadata = Object.freeze({ generateName: 'web-', labels: { app: 'web' } });
    const pod = Object.freeze({ apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [] } });
    const shell = podShell(pod);
    expect(shell).toStrictEqual({ ...pod, metadata: { ...metadata } });
    expect(shell.metadata).not.toBe(metadata);
    expect(Object.getPrototypeOf(shell.metadata)).toBe(Object.prototype);
    Object.assign(shell.metadata, { namespace: 'default', name: 'web-x', uid: 'u' });
    (shell as Record<string, unknown>).status = { phase: 'Pending' };
    expect(Object.keys(shell)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(Object.keys(shell.metadata)).toEqual(['generateName', 'labels', 'namespace', 'name', 'uid']);
    expect(Object.keys(podShell({ kind: 'Pod' } as { kind: string; metadata?: object }))).toEqual(['kind', 'metadata']);
  });

  it('gives a pod its next metadata exactly as compactWith would, whatever its keys', () => {
    const workload = Object.freeze({ name: 'web-x', generateName: 'web-', namespace: 'default', ownerReferences: [], labels: { app: 'web' }, uid: 'u', creationTimestamp: 't', resourceVersion: '7' });
    const others = [
      { name: 'p', namespace: 'default', uid: 'u', creationTimestamp: 't', resourceVersion: '7' },
      { generateName: 'web-', name: 'web-x', namespace: 'default', ownerReferences: [], labels: {}, uid: 'u', creationTimestamp: 't', resourceVersion: '7' },
      { ...workload, annotations: { a: 'b' } },
      { name: 'web-x', generateName: 'web-', namespace: 'default', ownerReferences: [], labels: {}, uid: 'u', creationTimestamp: 't' },
    ];
    for (const meta of [workload, ...others]) {
      const next = withResourceVersion(meta, '8');
      expect(Object.entries(next)).toEqual(Object.entries(compactWith(meta, 'resourceVersion', '8')));
      expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
      expect(next.constructor).toBe(Object);
      expect(meta.resourceVersion === undefined || meta.resourceVersion === '7').toBe(true);
    }
    const inherited = Object.assign(Object.create({ extra: 1 }), workload) as typeof workload;
    expect(Object.keys(withResourceVersion(inherited, '8'))).toEqual(Object.keys(compactWith(inherited, 'resourceVersion', '8')));
  });

  it('gives a bound pod its spec exactly as compactWith would, whatever its keys', () => {
    const template = Object.freeze({ containers: [], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', securityContext: {}, terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler', enableServiceLinks: true, serviceAccountName: 'default', serviceAccount: 'default', volumes: [], priority: 0, preemptionPolicy: 'PreemptLowerPriority', tolerations: [] });
    const { enableServiceLinks: _, ...withoutLinks } = template;
    for (const spec of [template, withoutLinks, { ...template, nodeSelector: { a: 'b' } }, { ...template, nodeName: 'old' }, { nodeSelector: {}, ...template }]) {
      const bound = withNodeName(spec, 'node-1');
      expect(Object.entries(bound)).toEqual(Object.entries(compactWith(spec, 'nodeName', 'node-1')));
      expect(Object.getPrototypeOf(bound)).toBe(Object.prototype);
      expect(bound.constructor).toBe(Object);
      expect(bound).not.toBe(spec);
    }
  });
});

describe('withMetadataAndStatus', () => {
  it('copies like { ...o, metadata, status }: same keys in the same order, a plain object, whatever the key list', () => {
    const metadata = { name: 'rs', resourceVersion: '2' };
    const status = { replicas: 3 };
    const objects = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { replicas: 3 }, status: { replicas: 1 } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns' }, status: { phase: 'Active' } },
      { kind: 'X', apiVersion: 'v1', metadata: { name: 'x' }, spec: {}, status: {} },
      { apiVersion: 'v1', kind: 'Y', metadata: { name: 'y' }, spec: {}, status: {}, extra: 1 },
    ];
    for (const o of objects) {
      const copy = withMetadataAndStatus(Object.freeze(o), metadata, status);
      expect(Object.entries(copy)).toEqual(Object.entries({ ...o, metadata, status }));
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(copy.constructor).toBe(Object);
    }
  });
});
