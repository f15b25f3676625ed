import { describe, expect, it } from 'vitest';
import type { PodObj, ServiceObj } from '../endpoints/podEndpoints';
import { reconcileSlices, type SliceObj, type SlicePlan } from './reconcileSlices';

const svc = (extra: Partial<NonNullable<ServiceObj['spec']>> = {}, labels: Record<string, string> = { app: 'web' }): ServiceObj => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', uid: 'svc-uid', labels },
  spec: { selector: { app: 'web' }, clusterIP: '10.96.12.34', ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }], ...extra },
});

interface PodOpts {
  ready?: boolean;
  terminating?: boolean;
  port?: number;
  ip?: string | null;
}

const pod = (name: string, ip: string, o: PodOpts = {}): PodObj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: { app: 'web' }, ...(o.terminating ? { deletionTimestamp: '2025-03-01T09:01:00Z' } : {}) },
  spec: { nodeName: 'worker-1', containers: [{ name: 'c', ports: o.port === undefined ? [{ containerPort: 80, name: 'http' }] : [{ containerPort: o.port, name: 'http' }] }] },
  status: { phase: 'Running', ...(o.ip === null ? {} : { podIP: ip, podIPs: [{ ip }] }), conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }] },
});

const node = () => ({});

/** Applies a plan as the API server would (creates get their generated name). */
function apply(existing: SliceObj[], plan: SlicePlan): SliceObj[] {
  let n = 0;
  const out = existing.filter((s) => !plan.delete.some((d) => d.metadata.name === s.metadata.name) && !plan.update.some((u) => u.metadata.name === s.metadata.name));
  out.push(...plan.update);
  for (const c of plan.create) out.push({ ...c, metadata: { ...c.metadata, name: `web-new${n++}` } });
  return out.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

describe('EndpointSlice reconciler', () => {
  it('vector S1: ready, not ready and terminating pods are all endpoints, with their conditions', () => {
    const pods = [pod('a', '10.244.1.5'), pod('b', '10.244.1.6'), pod('c', '10.244.1.7'), pod('d', '10.244.1.8', { ready: false }), pod('e', '10.244.1.9', { terminating: true })];
    const plan = reconcileSlices({ service: svc(), pods, existing: [], node });
    expect(plan.update).toEqual([]);
    expect(plan.create).toHaveLength(1);
    const s = plan.create[0];
    expect(s.metadata.generateName).toBe('web-');
    expect(s.metadata.labels).toEqual({ app: 'web', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(s.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'svc-uid', controller: true, blockOwnerDeletion: true }]);
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(s.endpoints!.map((e) => [e.addresses[0], e.conditions])).toEqual([
      ['10.244.1.5', { ready: true, serving: true, terminating: false }],
      ['10.244.1.6', { ready: true, serving: true, terminating: false }],
      ['10.244.1.7', { ready: true, serving: true, terminating: false }],
      ['10.244.1.8', { ready: false, serving: false, terminating: false }],
      ['10.244.1.9', { ready: false, serving: true, terminating: true }],
    ]);
  });

  it('vector S2: with publishNotReadyAddresses every endpoint is ready', () => {
    const pods = [pod('a', '10.244.1.5'), pod('d', '10.244.1.8', { ready: false }), pod('e', '10.244.1.9', { terminating: true })];
    const plan = reconcileSlices({ service: svc({ publishNotReadyAddresses: true }), pods, existing: [], node });
    expect(plan.create[0].endpoints!.map((e) => e.conditions!.ready)).toEqual([true, true, true]);
  });

  it('puts at most 100 endpoints in a slice', () => {
    const pods = Array.from({ length: 250 }, (_, i) => pod(`p${i}`, `10.244.${1 + Math.floor(i / 200)}.${(i % 200) + 2}`));
    const plan = reconcileSlices({ service: svc(), pods, existing: [], node });
    expect(plan.create.map((s) => s.endpoints!.length)).toEqual([100, 100, 50]);
  });

  it('keeps one empty placeholder slice for a service that selects nothing, and leaves it alone on the next sync', () => {
    const first = reconcileSlices({ service: svc(), pods: [pod('a', '', { ip: null })], existing: [], node });
    expect(first.create).toHaveLength(1);
    expect(first.create[0].ports).toEqual([]);
    expect(first.create[0].endpoints).toEqual([]);
    const existing = apply([], first);
    expect(reconcileSlices({ service: svc(), pods: [], existing, node })).toEqual({ create: [], update: [], delete: [] });
  });

  it('turns the placeholder into the first real slice (an update, the name stays)', () => {
    const existing = apply([], reconcileSlices({ service: svc(), pods: [], existing: [], node }));
    const plan = reconcileSlices({ service: svc(), pods: [pod('a', '10.244.1.5')], existing, node });
    expect(plan.create).toEqual([]);
    expect(plan.delete).toEqual([]);
    expect(plan.update.map((s) => [s.metadata.name, s.endpoints!.length, s.ports])).toEqual([['web-new0', 1, [{ name: '', port: 80, protocol: 'TCP' }]]]);
  });

  it('drops endpoints of deleted pods in place and becomes a placeholder again when the last goes', () => {
    let existing = apply([], reconcileSlices({ service: svc(), pods: [pod('a', '10.244.1.5'), pod('b', '10.244.1.6')], existing: [], node }));
    const plan = reconcileSlices({ service: svc(), pods: [pod('b', '10.244.1.6')], existing, node });
    expect(plan.update.map((s) => s.endpoints!.map((e) => e.addresses[0]))).toEqual([['10.244.1.6']]);
    existing = apply(existing, plan);
    const last = reconcileSlices({ service: svc(), pods: [], existing, node });
    expect(last.delete).toEqual([]);
    expect(last.update).toHaveLength(1);
    expect(last.update[0].metadata.name).toBe('web-new0');
    expect(last.update[0].endpoints).toEqual([]);
    expect(last.update[0].ports).toEqual([]);
  });

  it('appends new endpoints to an existing slice and refreshes changed ones', () => {
    const existing = apply([], reconcileSlices({ service: svc(), pods: [pod('a', '10.244.1.5')], existing: [], node }));
    const plan = reconcileSlices({ service: svc(), pods: [pod('a', '10.244.1.5', { ready: false }), pod('b', '10.244.1.4')], existing, node });
    expect(plan.create).toEqual([]);
    expect(plan.update[0].endpoints!.map((e) => [e.addresses[0], e.conditions!.ready])).toEqual([
      ['10.244.1.5', false],
      ['10.244.1.4', true],
    ]);
  });

  it('follows the service labels, keeping its own', () => {
    const existing = apply([], reconcileSlices({ service: svc(), pods: [pod('a', '10.244.1.5')], existing: [], node }));
    const plan = reconcileSlices({ service: svc({}, { app: 'web', tier: 'front' }), pods: [pod('a', '10.244.1.5')], existing, node });
    expect(plan.update[0].metadata.labels).toEqual({ app: 'web', tier: 'front', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
  });

  it('gives pods whose named port resolves differently their own slice', () => {
    const plan = reconcileSlices({ service: svc(), pods: [pod('a', '10.244.1.5'), pod('b', '10.244.1.6', { port: 8080 })], existing: [], node });
    expect(plan.create.map((s) => [s.ports!.map((p) => p.port), s.endpoints!.length])).toEqual([
      [[80], 1],
      [[8080], 1],
    ]);
  });

  it('skips a pod on a node that does not exist', () => {
    const plan = reconcileSlices({ service: svc(), pods: [pod('a', '10.244.1.5')], existing: [], node: () => undefined });
    expect(plan.create[0].endpoints).toEqual([]);
  });

  it('deletes slices another service with the same name left behind', () => {
    const stale = { ...apply([], reconcileSlices({ service: svc(), pods: [pod('a', '10.244.1.5')], existing: [], node }))[0] };
    stale.metadata = { ...stale.metadata, name: 'web-old', ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'old-uid', controller: true }] };
    const plan = reconcileSlices({ service: svc(), pods: [pod('a', '10.244.1.5')], existing: [stale], node });
    // not owned by this service: deleted (never reused), and a new slice is made
    expect(plan.delete.map((s) => s.metadata.name)).toEqual(['web-old']);
    expect(plan.create).toHaveLength(1);
  });
});
