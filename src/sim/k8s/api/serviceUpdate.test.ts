import type { Service } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { world, type World } from '../../testing/harness';
import type { KubeObject } from './types';

type Svc = KubeObject & Service;
const get = (w: World) => w.client.get<Svc>('services', 'default', 's')!;
const change = (w: World, spec: Record<string, unknown>) => {
  const res = w.client.patch('services', 'default', 's', { spec }, 'merge');
  if (!res.ok) throw new Error(res.status.message);
  return get(w);
};

describe('changing the type of a Service', () => {
  const start = () => world().apply(`
apiVersion: v1
kind: Service
metadata: {name: s}
spec: {selector: {app: s}, ports: [{name: http, port: 80}]}
`);

  it('ClusterIP to NodePort keeps the cluster IP and allocates a node port in 30000-32767', () => {
    const w = start();
    const ip = get(w).spec!.clusterIP;
    const s = change(w, { type: 'NodePort' });
    expect(s.spec!.clusterIP).toBe(ip);
    expect(s.spec!.ports![0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(s.spec!.ports![0].nodePort).toBeLessThanOrEqual(32767);
    expect(s.spec!.externalTrafficPolicy).toBe('Cluster');
  });

  it('NodePort back to ClusterIP releases the node port, which another service can then take', () => {
    const w = start();
    const port = change(w, { type: 'NodePort' }).spec!.ports![0].nodePort!;
    const s = change(w, { type: 'ClusterIP' });
    expect(s.spec!.ports![0].nodePort).toBeUndefined();
    expect(s.spec!.externalTrafficPolicy).toBeUndefined();
    const res = w.client.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'other' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: port }] } });
    expect(res.ok).toBe(true);
  });

  it('an update that leaves the node port out keeps it', () => {
    const w = start();
    const port = change(w, { type: 'NodePort' }).spec!.ports![0].nodePort!;
    const s = change(w, { ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
    expect(s.spec!.ports![0]).toMatchObject({ nodePort: port, targetPort: 8080 });
  });

  it('ClusterIP to ExternalName drops the cluster IP; back to ClusterIP allocates a new one', () => {
    const w = start();
    const s = change(w, { type: 'ExternalName', externalName: 'example.com' });
    expect(s.spec!.clusterIP).toBeUndefined();
    expect(s.spec!.clusterIPs).toBeUndefined();
    expect(s.spec!.ipFamilies).toBeUndefined();
    const back = change(w, { type: 'ClusterIP', externalName: null });
    expect(back.spec!.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\./);
  });

  it('a cluster IP may not change once set', () => {
    const w = start();
    const res = w.client.patch('services', 'default', 's', { spec: { clusterIP: '10.96.200.200', clusterIPs: ['10.96.200.200'] } }, 'merge');
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.status.message).toContain('spec.clusterIPs[0]: Invalid value: []string{"10.96.200.200"}: may not change once set');
  });
});
