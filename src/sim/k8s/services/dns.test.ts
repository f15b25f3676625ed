import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { world, type PodObj, type World } from '../../testing/harness';
import { formatResolvConf, podResolvConf, resolveDns, reverseDns, searchCandidates, type DnsRecord } from './dns';

const manifests = `
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.27, ports: [{containerPort: 80, name: http}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  clusterIP: 10.96.12.34
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
---
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
  ports: [{name: pg, port: 5432}]
---
apiVersion: v1
kind: Service
metadata: {name: empty}
spec:
  clusterIP: None
  selector: {app: nothing}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  type: ExternalName
  externalName: api.example.com
---
apiVersion: v1
kind: Service
metadata: {name: alias, namespace: shop}
spec:
  type: ExternalName
  externalName: web.default.svc.cluster.local
`;

const addresses = (records: DnsRecord[]) => records.filter((r) => r.type === 'A').map((r) => (r as { address: string }).address).sort();
let shared: World | undefined;
const cluster = () => (shared ??= world().apply(manifests).advance('30s'));

describe('cluster DNS', () => {
  it('vector S3: a Service name resolves to its ClusterIP, from the short name through the search path', () => {
    const view = cluster().client;
    for (const q of ['web', 'web.default', 'web.default.svc', 'web.default.svc.cluster.local', 'WEB.Default.svc.cluster.local.']) {
      const a = resolveDns(view, q, { namespace: 'default' });
      expect(a.status).toBe('NOERROR');
      expect(a.name).toBe('web.default.svc.cluster.local');
      expect(a.records).toEqual([{ type: 'A', name: 'web.default.svc.cluster.local', address: '10.96.12.34' }]);
    }
    expect(resolveDns(view, 'kubernetes.default', { namespace: 'shop' }).records).toEqual([{ type: 'A', name: 'kubernetes.default.svc.cluster.local', address: '10.96.0.1' }]);
    expect(resolveDns(view, 'kube-dns.kube-system.svc.cluster.local').records[0]).toMatchObject({ address: '10.96.0.10' });
  });

  it('a short name only resolves in the asking pod’s own namespace', () => {
    const a = resolveDns(cluster().client, 'web', { namespace: 'shop' });
    expect(a.status).toBe('NXDOMAIN');
    expect(a.tried).toEqual(['web.shop.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']);
  });

  it('vector S4: a headless Service resolves to its ready pods, and a pod with hostname + subdomain by name', () => {
    const w = cluster();
    const podIP = w.client.get<PodObj>('pods', 'default', 'db-0')!.status!.podIP!;
    expect(addresses(resolveDns(w.client, 'db').records)).toEqual([podIP]);
    expect(resolveDns(w.client, 'db-0.db.default.svc.cluster.local').records).toEqual([{ type: 'A', name: 'db-0.db.default.svc.cluster.local', address: podIP }]);
    expect(resolveDns(w.client, 'db-0.db').records).toEqual([{ type: 'A', name: 'db-0.db.default.svc.cluster.local', address: podIP }]);
  });

  it('vector S5: a headless Service without ready endpoints is NXDOMAIN', () => {
    expect(resolveDns(cluster().client, 'empty.default.svc.cluster.local').status).toBe('NXDOMAIN');
  });

  it('vector S6: pod A records a-b-c-d.<ns>.pod.cluster.local', () => {
    expect(resolveDns(cluster().client, '10-244-1-5.shop.pod.cluster.local').records).toEqual([{ type: 'A', name: '10-244-1-5.shop.pod.cluster.local', address: '10.244.1.5' }]);
    expect(resolveDns(cluster().client, '10-244-1-5.nowhere.pod.cluster.local').status).toBe('NXDOMAIN');
  });

  it('vector S7: SRV records of named ports', () => {
    const w = cluster();
    expect(resolveDns(w.client, '_http._tcp.web.default.svc.cluster.local', { type: 'SRV' }).records).toEqual([
      { type: 'SRV', name: '_http._tcp.web.default.svc.cluster.local', priority: 0, weight: 100, port: 80, target: 'web.default.svc.cluster.local' },
    ]);
    expect(resolveDns(w.client, '_pg._tcp.db.default.svc.cluster.local', { type: 'SRV' }).records).toEqual([
      { type: 'SRV', name: '_pg._tcp.db.default.svc.cluster.local', priority: 0, weight: 100, port: 5432, target: 'db-0.db.default.svc.cluster.local' },
    ]);
    expect(resolveDns(w.client, '_nope._tcp.web.default.svc.cluster.local', { type: 'SRV' }).status).toBe('NXDOMAIN');
  });

  it('an ExternalName Service is a CNAME, followed when it points into the cluster', () => {
    const w = cluster();
    expect(resolveDns(w.client, 'api', { namespace: 'shop' }).records).toEqual([{ type: 'CNAME', name: 'api.shop.svc.cluster.local', target: 'api.example.com' }]);
    expect(resolveDns(w.client, 'alias', { namespace: 'shop' }).records).toEqual([
      { type: 'CNAME', name: 'alias.shop.svc.cluster.local', target: 'web.default.svc.cluster.local' },
      { type: 'A', name: 'web.default.svc.cluster.local', address: '10.96.12.34' },
    ]);
  });

  it('names outside the cluster domain would be forwarded upstream: not simulated', () => {
    const a = resolveDns(cluster().client, 'example.com', { namespace: 'default' });
    expect(a).toMatchObject({ status: 'NXDOMAIN', name: 'example.com', forwarded: true });
    expect(resolveDns(cluster().client, 'nope.default.svc.cluster.local').forwarded).toBeUndefined();
  });

  it('PTR: a ClusterIP names its Service, a headless endpoint its pod', () => {
    const w = cluster();
    expect(reverseDns(w.client, '10.96.12.34').records).toEqual([{ type: 'PTR', name: '34.12.96.10.in-addr.arpa', target: 'web.default.svc.cluster.local' }]);
    const podIP = w.client.get<PodObj>('pods', 'default', 'db-0')!.status!.podIP!;
    expect(reverseDns(w.client, podIP).records[0]).toMatchObject({ type: 'PTR', target: 'db-0.db.default.svc.cluster.local' });
    expect(reverseDns(w.client, '192.0.2.1').status).toBe('NXDOMAIN');
  });

  it('the dns-version record', () => {
    expect(resolveDns(cluster().client, 'dns-version.cluster.local', { type: 'TXT' }).records).toEqual([{ type: 'TXT', name: 'dns-version.cluster.local', text: '1.1.0' }]);
  });
});

describe('a pod’s resolver', () => {
  const pod = (spec: Partial<NonNullable<Pod['spec']>>, namespace = 'shop'): Pod & { metadata: { namespace: string } } => ({ metadata: { namespace }, spec: { containers: [], ...spec } });

  it('ClusterFirst: the cluster DNS, the namespace search path, ndots:5', () => {
    expect(formatResolvConf(podResolvConf(pod({})))).toBe('search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('a host-network pod falls back to the node resolver unless it asks for ClusterFirstWithHostNet', () => {
    expect(podResolvConf(pod({ hostNetwork: true })).nameservers).toEqual(['172.18.0.1']);
    expect(podResolvConf(pod({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' })).nameservers).toEqual(['10.96.0.10']);
  });

  it('None takes dnsConfig alone; dnsConfig merges into the others', () => {
    const cfg = { nameservers: ['192.0.2.1'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] };
    expect(formatResolvConf(podResolvConf(pod({ dnsPolicy: 'None', dnsConfig: cfg })))).toBe('search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 192.0.2.1\noptions ndots:2 edns0\n');
    expect(podResolvConf(pod({ dnsConfig: { options: [{ name: 'ndots', value: '1' }] } })).options).toEqual(['ndots:1']);
  });

  it('ndots decides whether the name is tried as is first', () => {
    const conf = podResolvConf(pod({}, 'default'));
    expect(searchCandidates('a.b.c.d.e.f', conf)[0]).toBe('a.b.c.d.e.f');
    expect(searchCandidates('web', conf)[0]).toBe('web.default.svc.cluster.local');
  });
});
