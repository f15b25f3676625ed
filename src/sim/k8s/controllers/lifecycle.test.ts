import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';
import type { KubeObject } from '../api/types';

const pod = (name: string, image: string, extra = '', command = '') => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {run: ${name}}}
spec:
${extra}
  containers: [{name: main, image: ${image}${command}}]
`;

describe('pod lifecycle', () => {
  it('goes Pending → ContainerCreating → Running with the kubelet events in order', () => {
    const w = world().apply(pod('web', 'nginx:1.27'));
    let p = w.client.get<KubeObject & { status: { phase: string } }>('pods', 'default', 'web')!;
    expect(p.status.phase).toBe('Pending');
    w.until((x) => x.client.get<KubeObject & { status: { phase: string } }>('pods', 'default', 'web')!.status.phase === 'Running', '1m', '100ms');
    p = w.client.get('pods', 'default', 'web')!;
    const reasons = w.events(p).map((e) => e.reason);
    expect(reasons).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    const ev = w.events(p);
    expect(ev[0].message).toMatch(/^Successfully assigned default\/web to worker-[123]$/);
    expect(ev[2].message).toMatch(/^Successfully pulled image "nginx:1\.27" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: 72099410 bytes\.$/);
    expect(ev[3].message).toBe('Created container: main');
    expect(ev[4].message).toBe('Started container main');
    const status = p.status as Record<string, unknown>;
    expect(status.podIP).toMatch(/^10\.244\.[123]\.\d+$/);
    expect((status.conditions as { type: string; status: string }[]).map((c) => `${c.type}=${c.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
  });

  it('reuses a cached image on the same node ("already present on machine")', () => {
    const w = world({ workers: 1 }).apply(pod('a', 'nginx:1.27')).advance('20s').apply(pod('b', 'nginx:1.27')).advance('5s');
    const b = w.client.get('pods', 'default', 'b')!;
    expect(w.events(b).map((e) => e.message)).toContain('Container image "nginx:1.27" already present on machine');
  });

  it('stays Terminating until its containers stop, then disappears; a shell that ignores SIGTERM waits the whole grace period', () => {
    const w = world({ workers: 1 }).apply(pod('web', 'nginx:1.27')).apply(pod('sleeper', 'busybox:1.36', '  terminationGracePeriodSeconds: 5', ', command: [sleep, "3600"]')).advance('20s');
    w.client.delete('pods', 'default', 'web');
    w.client.delete('pods', 'default', 'sleeper');
    w.cluster.runUntilIdle();
    expect(w.client.get('pods', 'default', 'web')?.metadata.deletionTimestamp).toBeDefined();
    w.advance('1s');
    expect(w.client.get('pods', 'default', 'web')).toBeUndefined();
    w.advance('3s');
    expect(w.client.get('pods', 'default', 'sleeper')).toBeDefined();
    w.advance('2s');
    expect(w.client.get('pods', 'default', 'sleeper')).toBeUndefined();
  });

  it('deleting a namespace deletes its content, then the namespace', () => {
    const w = world()
      .apply('apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n')
      .apply(pod('web', 'nginx').replace('metadata: {', 'metadata: {namespace: dev, '))
      .advance('20s');
    expect(w.client.get('serviceaccounts', 'dev', 'default')).toBeDefined();
    w.client.delete('namespaces', undefined, 'dev');
    w.cluster.runUntilIdle();
    const ns = w.client.get<KubeObject & { status: { phase: string } }>('namespaces', undefined, 'dev')!;
    expect(ns.status.phase).toBe('Terminating');
    const created = w.client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'late', namespace: 'dev' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(created.ok ? '' : created.status.message).toBe('pods "late" is forbidden: unable to create new content in namespace dev because it is being terminated');
    w.advance('10s');
    expect(w.client.get('namespaces', undefined, 'dev')).toBeUndefined();
  });

  it('refuses to delete the default namespace', () => {
    const res = world().client.delete('namespaces', undefined, 'default');
    expect(res.ok ? '' : res.status.message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });
});

describe('determinism', () => {
  const run = (seed: number) => {
    const w = world({ seed }).apply(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 5
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
`);
    w.advance('45s');
    const all = w.cluster.resources.all.flatMap((r) => w.client.list(r.group ? `${r.resource}.${r.group}` : r.resource));
    return JSON.stringify(all);
  };
  it('gives the same cluster, byte for byte, for the same seed and commands', () => {
    expect(run(7)).toBe(run(7));
  });
  it('gives different names and IPs for another seed', () => {
    expect(run(7)).not.toBe(run(8));
  });
});

describe('image pulls on one node', () => {
  it('are serialised, and a pull queued behind the same image only re-checks it', () => {
    const w = world({ workers: 1 }).apply(pod('a', 'nginx:1.27')).apply(pod('b', 'nginx:1.27')).advance('20s');
    const secs = (text: string) => (text.endsWith('ms') ? Number(text.slice(0, -2)) / 1000 : Number(text.slice(0, -1)));
    const pulls = ['a', 'b'].map((name) => {
      const msg = w.events(w.client.get('pods', 'default', name)!).find((e) => e.reason === 'Pulled')!.message;
      const m = /in (\S+) \((\S+) including waiting\)/.exec(msg)!;
      return { own: secs(m[1]), total: secs(m[2]) };
    });
    const [full, queued] = pulls[0].own > pulls[1].own ? pulls : [pulls[1], pulls[0]];
    expect(full.own).toBeGreaterThan(1);
    expect(queued.own).toBeLessThan(1);
    expect(queued.total).toBeGreaterThanOrEqual(full.own);
  });
});
