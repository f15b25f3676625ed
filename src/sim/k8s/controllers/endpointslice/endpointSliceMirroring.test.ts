import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { world, type World } from '../../../testing/harness';
import type { KubeObject } from '../../api/types';
import { serviceBackends } from '../../services/kubeProxy';

type SliceObj = KubeObject & EndpointSlice;
const mirrored = (w: World, name = 'db') => w.client.list<SliceObj>('endpointslices.discovery.k8s.io', { namespace: 'default' }).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);

const selectorless = `
apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  ports: [{name: pg, port: 5432}]
`;
const endpoints = (ips: string[], notReady: string[] = []) => `
apiVersion: v1
kind: Endpoints
metadata: {name: db, labels: {team: data}}
subsets:
- addresses: [${ips.map((ip) => `{ip: ${ip}}`).join(', ')}]
  ${notReady.length ? `notReadyAddresses: [${notReady.map((ip) => `{ip: ${ip}}`).join(', ')}]` : ''}
  ports: [{name: pg, port: 5432}]
`;

describe('EndpointSlice mirroring (conformance "EndpointSlice Mirroring")', () => {
  it('mirrors hand-made Endpoints of a selector-less Service into a slice, follows their changes and their deletion', () => {
    const w = world().apply(selectorless).apply(endpoints(['192.168.1.10', '192.168.1.11'], ['192.168.1.12']));
    let s = mirrored(w);
    expect(s).toHaveLength(1);
    expect(s[0].metadata.name).toMatch(/^db-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s[0].metadata.labels).toEqual({ team: 'data', 'kubernetes.io/service-name': 'db', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' });
    expect(s[0].metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Endpoints', name: 'db', controller: true });
    expect(s[0].ports).toEqual([{ name: 'pg', port: 5432, protocol: 'TCP' }]);
    expect(s[0].endpoints!.map((e) => [e.addresses[0], e.conditions?.ready])).toEqual([
      ['192.168.1.10', true],
      ['192.168.1.11', true],
      ['192.168.1.12', false],
    ]);
    const name = s[0].metadata.name;
    w.apply(endpoints(['192.168.1.20']));
    s = mirrored(w);
    expect(s.map((x) => [x.metadata.name, x.endpoints!.map((e) => e.addresses[0])])).toEqual([[name, ['192.168.1.20']]]);
    // kube-proxy now finds the hand-made backend
    const b = serviceBackends(w.client, 'default', 'db', 5432);
    expect(b.type === 'ok' && b.endpoints.map((e) => `${e.ip}:${e.port}`)).toEqual(['192.168.1.20:5432']);
    w.client.delete('endpoints', 'default', 'db');
    w.cluster.runUntilIdle();
    expect(mirrored(w)).toHaveLength(0);
  });

  it('leaves alone the Endpoints of services with a selector, and those labelled skip-mirror', () => {
    const w = world();
    const kube = w.client.list<SliceObj>('endpointslices.discovery.k8s.io', { namespace: 'default' });
    expect(kube.map((s) => s.metadata.name)).toEqual(['kubernetes']);
    w.apply(`
apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  selector: {app: db}
  ports: [{name: pg, port: 5432}]
`);
    expect(mirrored(w).every((s) => s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === 'endpointslice-controller.k8s.io')).toBe(true);
  });
});
