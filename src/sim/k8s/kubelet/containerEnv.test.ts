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
