import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';
import type { KubeObject } from '../api/types';

/** The environment a container sees, as `kubectl exec POD -- env` prints it. */
function envOf(w: ReturnType<typeof world>, pod: string): Record<string, string> {
  const r = w.exec(pod, undefined, ['env']);
  if (!r.ok) throw new Error(r.message);
  return Object.fromEntries(r.output.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

const pod = (name: string, resources: string) => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: [sleep, "3600"]
    ${resources}
    env:
    - {name: CPU_LIMIT, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
    - {name: MEMORY_LIMIT, valueFrom: {resourceFieldRef: {resource: limits.memory}}}
    - {name: CPU_REQUEST, valueFrom: {resourceFieldRef: {resource: requests.cpu}}}
    - {name: MEMORY_REQUEST, valueFrom: {resourceFieldRef: {resource: requests.memory}}}
    - {name: CPU_LIMIT_MILLI, valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: 1m}}}
    - {name: MEMORY_LIMIT_MI, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}
`;

describe('downward API environment variables (resourceFieldRef)', () => {
  it('report limits and requests with the default divisor 1: CPU rounded up to whole cores, memory in bytes (conformance vectors)', () => {
    const w = world({ workers: 1 }).apply(pod('dapi', 'resources: {requests: {cpu: 250m, memory: 32Mi}, limits: {cpu: 1250m, memory: 64Mi}}')).advance('15s');
    expect(envOf(w, 'dapi')).toMatchObject({ CPU_LIMIT: '2', MEMORY_LIMIT: '67108864', CPU_REQUEST: '1', MEMORY_REQUEST: '33554432', CPU_LIMIT_MILLI: '1250', MEMORY_LIMIT_MI: '64' });
  });

  it('an unset limit reads as the node allocatable, an unset request as 0', () => {
    const w = world({ workers: 1 }).apply(pod('dapi', '')).advance('15s');
    const node = w.client.get<KubeObject & { status: { allocatable: Record<string, string> } }>('nodes', undefined, 'worker-1')!;
    expect(node.status.allocatable.cpu).toBe('4');
    expect(envOf(w, 'dapi')).toMatchObject({ CPU_LIMIT: '4', MEMORY_LIMIT: '8485076992', CPU_REQUEST: '0', MEMORY_REQUEST: '0', CPU_LIMIT_MILLI: '4000', MEMORY_LIMIT_MI: '8092' });
  });
});

describe("the kubelet's /etc/hosts", () => {
  it('has the IPv6 lines, the pod under its name, and the hostAliases after their header (the hostAliases docs example)', () => {
    const w = world({ workers: 1 })
      .apply(`
apiVersion: v1
kind: Pod
metadata: {name: hostaliases-pod}
spec:
  hostAliases:
  - {ip: "127.0.0.1", hostnames: [foo.local, bar.local]}
  - {ip: "10.1.2.3", hostnames: [foo.remote, bar.remote]}
  containers:
  - {name: cat-hosts, image: busybox:1.36, command: [sleep, "3600"]}
`)
      .advance('15s');
    const r = w.exec('hostaliases-pod', undefined, ['cat', '/etc/hosts']);
    if (!r.ok) throw new Error(r.message);
    const ip = r.output.split('\n')[7].split('\t')[0];
    expect(r.output).toBe(`# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\thostaliases-pod\n\n# Entries added by HostAliases.\n127.0.0.1\tfoo.local\tbar.local\n10.1.2.3\tfoo.remote\tbar.remote\n`);
  });

  it('names a pod with a subdomain by its full name first, which hostname -f prints', () => {
    const w = world({ workers: 1 })
      .apply(`
apiVersion: v1
kind: Pod
metadata: {name: web-0}
spec:
  hostname: web-0
  subdomain: web
  containers:
  - {name: c, image: busybox:1.36, command: [sleep, "3600"]}
`)
      .advance('15s');
    const r = w.exec('web-0', undefined, ['hostname', '-f']);
    expect(r.ok && r.output).toBe('web-0.web.default.svc.cluster.local\n');
  });
});
