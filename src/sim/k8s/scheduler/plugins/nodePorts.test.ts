import type { ContainerPort } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { cacheWith, node, pod, scheduleIn, statusesOf } from '../testFixtures';

const withPorts = (name: string, ports: ContainerPort[], nodeName?: string) => pod(name, { nodeName, containers: [{ name: 'c', image: 'x', ports }] });
const REASON = "node(s) didn't have free ports for the requested pod ports";

describe('NodePorts filter', () => {
  it.each<[string, ContainerPort[], ContainerPort[], boolean]>([
    ['same port, both on all IPs', [{ containerPort: 80, hostPort: 8080 }], [{ containerPort: 80, hostPort: 8080 }], true],
    ['different ports', [{ containerPort: 80, hostPort: 8080 }], [{ containerPort: 80, hostPort: 8081 }], false],
    ['same port, different protocol', [{ containerPort: 53, hostPort: 53, protocol: 'UDP' }], [{ containerPort: 53, hostPort: 53 }], false],
    ['specific IP vs all IPs', [{ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' }], [{ containerPort: 80, hostPort: 8080 }], true],
    ['all IPs vs specific IP', [{ containerPort: 80, hostPort: 8080 }], [{ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' }], true],
    ['two different specific IPs', [{ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' }], [{ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.2' }], false],
    ['container ports without hostPort never clash', [{ containerPort: 80 }], [{ containerPort: 80 }], false],
  ])('%s', (_n, used, wanted, clash) => {
    const o = scheduleIn(cacheWith([node('n')], [withPorts('old', used, 'n')]), withPorts('new', wanted));
    expect(statusesOf(o)[0]?.reasons).toEqual(clash ? [REASON] : undefined);
  });

  it('frees the port when the pod leaves', () => {
    const cache = cacheWith([node('n')], [withPorts('old', [{ containerPort: 80, hostPort: 8080 }], 'n')]);
    cache.removePod('default/old');
    expect(scheduleIn(cache, withPorts('new', [{ containerPort: 80, hostPort: 8080 }])).kind).toBe('scheduled');
  });

  it('counts sidecar host ports but not those of ordinary init containers', () => {
    const p = (init: boolean) =>
      pod('old', { nodeName: 'n', spec: { initContainers: [{ name: 'i', image: 'x', ports: [{ containerPort: 1, hostPort: 9000 }], ...(init ? {} : { restartPolicy: 'Always' }) }] } });
    expect(scheduleIn(cacheWith([node('n')], [p(true)]), withPorts('new', [{ containerPort: 1, hostPort: 9000 }])).kind).toBe('scheduled');
    expect(scheduleIn(cacheWith([node('n')], [p(false)]), withPorts('new', [{ containerPort: 1, hostPort: 9000 }])).kind).toBe('unschedulable');
  });
});
