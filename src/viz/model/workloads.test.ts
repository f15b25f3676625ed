import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { buildWorkloadsView, resolveFenceposts, scaled } from './workloads';

describe('resolveFenceposts', () => {
  it.each([
    ['25%', '25%', 10, [3, 2]],
    ['25%', '25%', 1, [1, 0]],
    [0, 0, 3, [0, 1]],
    [2, '0%', 4, [2, 0]],
    ['50%', 1, 5, [3, 1]],
  ] as const)('surge %s, unavailable %s of %d → %j', (surge, unavailable, desired, expected) => {
    expect(resolveFenceposts(surge, unavailable, desired)).toEqual(expected);
  });
  it('scales a count as it is', () => expect(scaled(4, 100, false)).toBe(4));
});

function rs(name: string, revision: number, replicas: number, available: number): ReplicaSet {
  return {
    metadata: { name, namespace: 'default', annotations: { 'deployment.kubernetes.io/revision': String(revision) }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u', controller: true }] },
    status: { replicas, availableReplicas: available },
  };
}

const deployment: Deployment = {
  metadata: { name: 'web', namespace: 'default', generation: 2, annotations: { 'deployment.kubernetes.io/revision': '2' } },
  spec: { replicas: 6, selector: {}, template: {}, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } },
  status: { observedGeneration: 2, replicas: 8, updatedReplicas: 3, readyReplicas: 6, availableReplicas: 6 },
};

describe('buildWorkloadsView: Deployments', () => {
  const view = buildWorkloadsView({ deployments: [deployment], replicaSets: [rs('web-1', 1, 5, 5), rs('web-2', 2, 3, 1)], services: [], endpointSlices: [] });
  const d = view.deployments[0];

  it('reads a rollout under way: counts, the resolved budget, new and old pods', () => {
    expect(d).toMatchObject({ desired: 6, total: 8, updated: 3, available: 6, maxSurge: 2, maxUnavailable: 1, revision: 2, hue: 1, newAvailable: 1, newUnavailable: 2, old: 5, oldHue: 0, rolling: true, state: 'rolling out' });
    expect(d.label).toBe('Deployment web, rolling out: 6 desired, 3 updated, 6 available, revision 2, at most 8 pods and at least 5 available');
  });

  it('calls a rollout complete when every pod is updated and available', () => {
    const done: Deployment = { ...deployment, status: { observedGeneration: 2, replicas: 6, updatedReplicas: 6, readyReplicas: 6, availableReplicas: 6 } };
    const v = buildWorkloadsView({ deployments: [done], replicaSets: [rs('web-1', 1, 0, 0), rs('web-2', 2, 6, 6)], services: [], endpointSlices: [] }).deployments[0];
    expect(v).toMatchObject({ rolling: false, state: 'complete', old: 0, oldHue: undefined, newAvailable: 6 });
  });

  it('waits for the controller to observe a new generation', () => {
    const stale: Deployment = { ...deployment, metadata: { ...deployment.metadata, generation: 3 }, status: { observedGeneration: 2, replicas: 6, updatedReplicas: 6, availableReplicas: 6 } };
    expect(buildWorkloadsView({ deployments: [stale], replicaSets: [], services: [], endpointSlices: [] }).deployments[0].rolling).toBe(true);
  });

  it('leaves out the system namespace', () => {
    const coredns: Deployment = { ...deployment, metadata: { ...deployment.metadata, name: 'coredns', namespace: 'kube-system' } };
    expect(buildWorkloadsView({ deployments: [coredns], replicaSets: [], services: [], endpointSlices: [] }).deployments).toEqual([]);
  });
});

describe('buildWorkloadsView: Services', () => {
  const svc: Service = { metadata: { name: 'web', namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.20', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] } };
  const slice: EndpointSlice = {
    metadata: { name: 'web-abc', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
    addressType: 'IPv4',
    endpoints: [
      { addresses: ['10.244.1.2'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'web-1', namespace: 'default' } },
      { addresses: ['10.244.1.3'], conditions: { ready: false }, targetRef: { kind: 'Pod', name: 'web-2', namespace: 'default' } },
      { addresses: ['10.244.1.4'], conditions: { ready: false, terminating: true }, targetRef: { kind: 'Pod', name: 'web-3', namespace: 'default' } },
      { addresses: ['10.244.1.5'], targetRef: { kind: 'Pod', name: 'web-4', namespace: 'default' } },
    ],
  };
  const other: EndpointSlice = { metadata: { name: 'db-x', namespace: 'default', labels: { 'kubernetes.io/service-name': 'db' } }, addressType: 'IPv4', endpoints: [{ addresses: ['10.244.2.2'] }] };
  const view = buildWorkloadsView({ deployments: [], replicaSets: [], services: [svc], endpointSlices: [slice, other] }).services[0];

  it('gathers the endpoints of its own slices, ready or not (nil ready counts as ready)', () => {
    expect(view.endpoints.map((e) => [e.podKey, e.ready, e.terminating])).toEqual([
      ['default/web-1', true, false],
      ['default/web-2', false, false],
      ['default/web-3', false, true],
      ['default/web-4', true, false],
    ]);
    expect(view.readyCount).toBe(2);
  });

  it('names ports and readiness for the card and screen readers', () => {
    expect(view.ports).toBe('80→8080/TCP');
    expect(view.label).toBe('Service web, ClusterIP 10.96.0.20, 2 ready endpoints, 2 not ready');
  });
});
