import type { EphemeralContainer } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { world, type PodObj } from '../../testing/harness';

const POD = `
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers:
  - {name: nginx, image: "nginx:1.27"}
`;

type W = ReturnType<typeof world>;
const get = (w: W) => w.client.get<PodObj>('pods', 'default', 'web')!;
const debuggerOf = (name: string, extra: Partial<EphemeralContainer> = {}): EphemeralContainer => ({ name, image: 'busybox:1.36', stdin: true, tty: true, ...extra });
const add = (w: W, ...more: EphemeralContainer[]) => w.client.updateEphemeralContainers('default', 'web', [...(get(w).spec?.ephemeralContainers ?? []), ...more]);
const failure = (r: { ok: boolean }) => (r.ok ? undefined : (r as unknown as { status: { message: string } }).status.message);

describe('ephemeral containers (the pods/ephemeralcontainers subresource and the kubelet)', () => {
  it('an added ephemeral container is pulled, created and started, and reported in ephemeralContainerStatuses, never ready', () => {
    const w = world({ workers: 1 }).apply(POD).advance('30s');
    expect(add(w, debuggerOf('debugger-abcde')).ok).toBe(true);
    w.advance('10s');
    const p = get(w);
    const s = p.status?.ephemeralContainerStatuses;
    expect(s).toHaveLength(1);
    expect(s![0]).toMatchObject({ name: 'debugger-abcde', ready: false, restartCount: 0 });
    expect(s![0].state?.running).toBeDefined();
    expect(s![0].started).toBeUndefined();
    // The app container and the pod are as they were.
    expect(p.status?.containerStatuses).toHaveLength(1);
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    const started = w.events(p).find((e) => e.reason === 'Started' && e.message.includes('debugger-abcde'));
    expect(started?.message).toBe('Started container debugger-abcde');
  });

  it('adding twice gives two ephemeral containers, each running', () => {
    const w = world({ workers: 1 }).apply(POD).advance('30s');
    add(w, debuggerOf('one'));
    w.advance('10s');
    add(w, debuggerOf('two'));
    w.advance('10s');
    const s = get(w).status?.ephemeralContainerStatuses ?? [];
    expect(s.map((c) => c.name)).toEqual(['one', 'two']);
    expect(s.every((c) => c.state?.running)).toBe(true);
  });

  it('an ephemeral container whose process ends stays terminated: it is never restarted', () => {
    const w = world({ workers: 1 }).apply(POD).advance('30s');
    add(w, debuggerOf('once', { stdin: false, tty: false, command: ['sh', '-c', 'echo hi; exit 3'] }));
    w.advance('60s');
    const s = get(w).status!.ephemeralContainerStatuses![0];
    expect(s.state?.terminated?.exitCode).toBe(3);
    expect(s.restartCount).toBe(0);
  });

  it('cannot be set on create, nor in a pod template', () => {
    const w = world({ workers: 1 });
    const bad = w.client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'nginx' }], ephemeralContainers: [{ name: 'd', image: 'busybox' }] } });
    expect(failure(bad)).toContain('spec.ephemeralContainers: Forbidden: cannot be set on create');
  });

  it('is validated: a unique name, an existing target, none of ports, probes, resources or lifecycle', () => {
    const w = world({ workers: 1 }).apply(POD).advance('30s');
    expect(failure(add(w, debuggerOf('nginx')))).toContain('spec.ephemeralContainers[0].name: Duplicate value: "nginx"');
    expect(failure(add(w, debuggerOf('d', { targetContainerName: 'nope' })))).toContain('spec.ephemeralContainers[0].targetContainerName: Not found: "nope"');
    expect(failure(add(w, debuggerOf('d', { ports: [{ containerPort: 80 }] })))).toContain('spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container');
    expect(failure(add(w, debuggerOf('d', { readinessProbe: { exec: { command: ['true'] } } })))).toContain('readinessProbe: Forbidden: cannot be set for an Ephemeral Container');
    expect(get(w).spec?.ephemeralContainers).toBeUndefined();
  });

  it('existing ones may be neither removed nor changed, and a normal pod update may not touch them', () => {
    const w = world({ workers: 1 }).apply(POD).advance('30s');
    add(w, debuggerOf('one'));
    expect(failure(w.client.updateEphemeralContainers('default', 'web', []))).toContain('existing ephemeral containers "one" may not be removed');
    expect(failure(w.client.updateEphemeralContainers('default', 'web', [debuggerOf('one', { image: 'alpine' })]))).toContain('existing ephemeral containers "one" may not be changed');
    const p = get(w);
    const update = w.client.update({ ...p, spec: { ...p.spec!, ephemeralContainers: [] } });
    expect(failure(update)).toContain('pod updates may not change fields');
  });

  it('static pods take none', () => {
    const w = world({ workers: 1 }).advance('5s');
    const etcd = w.client.list<PodObj>('pods', { namespace: 'kube-system' }).find((p) => p.metadata.name.startsWith('etcd-'))!;
    const r = w.client.updateEphemeralContainers('kube-system', etcd.metadata.name, [debuggerOf('d')]);
    expect(failure(r)).toContain('Forbidden: static pods do not support ephemeral containers');
  });

  it('are stopped with the pod when it is deleted', () => {
    const w = world({ workers: 1 }).apply(POD).advance('30s');
    add(w, debuggerOf('one'));
    w.advance('10s');
    w.client.delete('pods', 'default', 'web');
    w.advance('40s');
    expect(w.client.get('pods', 'default', 'web')).toBeUndefined();
  });
});
