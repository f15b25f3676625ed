import type { Endpoints } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { world, type PodObj, type World } from '../../../testing/harness';
import type { KubeObject } from '../../api/types';

type EndpointsObj = KubeObject & Endpoints;
type SliceObj = KubeObject & EndpointSlice;

const deployment = (replicas: number, ports = '[{containerPort: 80, name: http}]') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.27, ports: ${ports}}]
`;

const service = (extra = '', ports = '[{port: 80, targetPort: http}]') => `
apiVersion: v1
kind: Service
metadata: {name: web, labels: {app: web}}
spec:
  selector: {app: web}
  ports: ${ports}
${extra}`;

const endpoints = (w: World, name = 'web') => w.client.get<EndpointsObj>('endpoints', 'default', name);
const slices = (w: World, name = 'web') => w.client.list<SliceObj>('endpointslices.discovery.k8s.io', { namespace: 'default' }).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
const readyIPs = (w: World) => (endpoints(w)?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)).sort();
const notReadyIPs = (w: World) => (endpoints(w)?.subsets ?? []).flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip)).sort();
const podIPs = (w: World) => w.pods('app=web').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.status!.podIP!).sort();

/** Writes a pod's Ready condition as a kubelet whose readiness probe changed its mind would. */
function setReady(w: World, pod: PodObj, ready: boolean): void {
  const fresh = w.client.get<PodObj>('pods', 'default', pod.metadata.name)!;
  const conditions = (fresh.status?.conditions ?? []).map((c) => (c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: ready ? 'True' : 'False' } : c));
  const res = w.cluster.client(`kubelet/${fresh.spec!.nodeName}`).updateStatus({ ...fresh, status: { ...fresh.status, conditions } });
  if (!res.ok) throw new Error(res.status.message);
  // a millisecond later: the endpoint controllers may still be busy with the previous change
  w.advance(1);
}

describe('Endpoints controller', () => {
  it('lists the Ready pods a Service selects, at the container port its named targetPort resolves to', () => {
    const w = world().apply(deployment(3)).apply(service()).advance('30s');
    const ep = endpoints(w)!;
    expect(readyIPs(w)).toEqual(podIPs(w));
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets![0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    expect(ep.metadata.labels).toEqual({ app: 'web' });
    const addr = ep.subsets![0].addresses![0];
    expect(addr.targetRef).toMatchObject({ kind: 'Pod', namespace: 'default' });
    expect(addr.nodeName).toMatch(/^worker-\d$/);
  });

  it('a pod that fails readiness leaves the endpoints but stays Running', () => {
    const w = world().apply(deployment(2)).apply(service()).advance('30s');
    const [sick, healthy] = w.pods('app=web');
    setReady(w, sick, false);
    expect(w.client.get<PodObj>('pods', 'default', sick.metadata.name)!.status!.phase).toBe('Running');
    expect(readyIPs(w)).toEqual([healthy.status!.podIP]);
    expect(notReadyIPs(w)).toEqual([sick.status!.podIP]);
    const sliceEp = slices(w)[0].endpoints!.find((e) => e.addresses[0] === sick.status!.podIP)!;
    expect(sliceEp.conditions).toEqual({ ready: false, serving: false, terminating: false });
    setReady(w, sick, true);
    expect(readyIPs(w)).toEqual(podIPs(w));
    expect(notReadyIPs(w)).toEqual([]);
  });

  it('publishNotReadyAddresses lists not-ready pods as ready addresses', () => {
    const w = world().apply(deployment(2)).apply(service('  publishNotReadyAddresses: true')).advance('30s');
    setReady(w, w.pods('app=web')[0], false);
    expect(readyIPs(w)).toEqual(podIPs(w));
    expect(slices(w)[0].endpoints!.every((e) => e.conditions?.ready === true)).toBe(true);
  });

  it('a terminating pod leaves the Endpoints at once but stays in the slice as serving and terminating', () => {
    const w = world().apply(deployment(2)).apply(service()).advance('30s');
    const victim = w.pods('app=web')[0];
    w.client.delete('pods', 'default', victim.metadata.name);
    w.cluster.runUntilIdle();
    expect(readyIPs(w)).not.toContain(victim.status!.podIP);
    const ep = slices(w)[0].endpoints!.find((e) => e.targetRef?.name === victim.metadata.name)!;
    expect(ep.conditions).toEqual({ ready: false, serving: true, terminating: true });
    w.advance('45s');
    expect(slices(w)[0].endpoints!.some((e) => e.targetRef?.name === victim.metadata.name)).toBe(false);
  });

  it('a pod without an IP yet is not an endpoint', () => {
    const w = world().apply(deployment(1)).apply(service());
    const pod = w.pods('app=web')[0];
    expect(pod.status?.podIP).toBeUndefined();
    expect(endpoints(w)!.subsets).toBeUndefined();
    expect(slices(w)).toHaveLength(1);
    expect(slices(w)[0].endpoints).toBeNull();
    expect(slices(w)[0].ports).toBeNull();
  });

  it('follows the replica count up and down', () => {
    const w = world().apply(deployment(2)).apply(service()).advance('30s');
    expect(readyIPs(w)).toHaveLength(2);
    w.apply(deployment(5)).advance('30s');
    expect(readyIPs(w)).toHaveLength(5);
    expect(readyIPs(w)).toEqual(podIPs(w));
    w.apply(deployment(1)).advance('45s');
    expect(readyIPs(w)).toEqual(podIPs(w));
    expect(readyIPs(w)).toHaveLength(1);
    expect(slices(w)).toHaveLength(1);
    expect(slices(w)[0].endpoints).toHaveLength(1);
  });

  it('leaves out, per service port, a pod that has no container port of that name', () => {
    const w = world()
      .apply(deployment(1, '[{containerPort: 8080, name: http}]'))
      .apply(`
apiVersion: v1
kind: Pod
metadata: {name: bare, labels: {app: web}}
spec:
  containers: [{name: c, image: nginx:1.27}]
`)
      .apply(service())
      .advance('30s');
    const ep = endpoints(w)!;
    const fromDeployment = w.pods('app=web').find((p) => p.metadata.name !== 'bare')!;
    expect(ep.subsets).toEqual([{ addresses: [expect.objectContaining({ ip: fromDeployment.status!.podIP })], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    // the slice controller groups the bare pod (no ports resolved) in its own slice
    const s = slices(w);
    expect(s).toHaveLength(2);
    expect(s.map((x) => (x.ports ?? []).map((p) => p.port)).sort()).toEqual([[], [8080]]);
  });

  it('groups the ports of a two-port Service by the addresses that serve them', () => {
    const w = world()
      .apply(deployment(2, '[{containerPort: 80, name: http}, {containerPort: 9090, name: metrics}]'))
      .apply(service('', '[{name: http, port: 80, targetPort: http}, {name: metrics, port: 9100, targetPort: metrics}]'))
      .advance('30s');
    const ep = endpoints(w)!;
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets![0].ports).toEqual([
      { name: 'http', port: 80, protocol: 'TCP' },
      { name: 'metrics', port: 9090, protocol: 'TCP' },
    ]);
    expect(ep.subsets![0].addresses).toHaveLength(2);
  });

  it('deleting the Service deletes its Endpoints and, through the garbage collector, its slices', () => {
    const w = world().apply(deployment(1)).apply(service()).advance('30s');
    w.client.delete('services', 'default', 'web');
    w.cluster.runUntilIdle();
    w.advance('1s');
    expect(endpoints(w)).toBeUndefined();
    expect(slices(w)).toHaveLength(0);
  });

  it('recreates the Endpoints of a selector Service when someone deletes them', () => {
    const w = world().apply(deployment(1)).apply(service()).advance('30s');
    w.client.delete('endpoints', 'default', 'web');
    w.cluster.runUntilIdle();
    expect(readyIPs(w)).toEqual(podIPs(w));
  });

  it('marks the Endpoints of a headless Service and puts hostnames of pods in its subdomain', () => {
    const w = world()
      .apply(`
apiVersion: v1
kind: Pod
metadata: {name: db-0, labels: {app: db}}
spec:
  hostname: db-0
  subdomain: db
  containers: [{name: c, image: nginx:1.27}]
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{port: 5432}]
`)
      .advance('30s');
    const ep = endpoints(w, 'db')!;
    expect(ep.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
    expect(ep.subsets![0].addresses![0].hostname).toBe('db-0');
    expect(slices(w, 'db')[0].endpoints![0].hostname).toBe('db-0');
    expect(slices(w, 'db')[0].metadata.labels).toMatchObject({ 'service.kubernetes.io/headless': '' });
  });

  it('gives no endpoints to Services without a selector and leaves hand-made ones alone', () => {
    const w = world().apply(`
apiVersion: v1
kind: Service
metadata: {name: external}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Endpoints
metadata: {name: external}
subsets: [{addresses: [{ip: 192.168.1.10}], ports: [{port: 80}]}]
`);
    w.advance('10s');
    expect(endpoints(w, 'external')!.subsets).toEqual([{ addresses: [{ ip: '192.168.1.10' }], ports: [{ port: 80, protocol: 'TCP' }] }]);
    // only the mirroring controller makes a slice of them
    expect(slices(w, 'external').map((s) => s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'])).toEqual(['endpointslicemirroring-controller.k8s.io']);
  });

  it('gives ExternalName Services no endpoints', () => {
    const w = world().apply(`
apiVersion: v1
kind: Service
metadata: {name: ext}
spec:
  type: ExternalName
  externalName: example.com
  selector: {app: web}
`);
    expect(endpoints(w, 'ext')).toBeUndefined();
    expect(slices(w, 'ext')).toHaveLength(0);
  });

  it('stamps the time of the change that led to the update', () => {
    const w = world().apply(service());
    const created = w.client.get<KubeObject>('services', 'default', 'web')!.metadata.creationTimestamp;
    expect(endpoints(w)!.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': created });
    w.advance('5s').apply(deployment(1)).advance('30s');
    const pod = w.pods('app=web')[0];
    const readyAt = pod.status!.conditions!.find((c) => c.type === 'Ready')!.lastTransitionTime;
    expect(endpoints(w)!.metadata.annotations!['endpoints.kubernetes.io/last-change-trigger-time']).toBe(readyAt);
  });
});
