import { describe, expect, it } from 'vitest';
import { world, type PodObj } from '../../testing/harness';

/** A pod with init containers `init` (YAML flow items) and app containers `app`. */
const pod = (name: string, init: string[], app: string[], extra = '') => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
${extra}
  initContainers:
${init.map((c) => `  - ${c}`).join('\n')}
  containers:
${app.map((c) => `  - ${c}`).join('\n')}
`;

type W = ReturnType<typeof world>;
const get = (w: W, name: string) => w.client.get<PodObj>('pods', 'default', name)!;
const init = (p: PodObj, name: string) => p.status?.initContainerStatuses?.find((s) => s.name === name);
const app = (p: PodObj, name: string) => p.status?.containerStatuses?.find((s) => s.name === name);
const cond = (p: PodObj, type: string) => p.status?.conditions?.find((c) => c.type === type);

const SIDECAR = '{name: side, image: "busybox:1.36", restartPolicy: Always, command: [sh, -c, "while true; do sleep 1; done"]}';
const MAIN = '{name: main, image: "busybox:1.36", command: [sh, -c, "while true; do sleep 1; done"]}';

describe('sidecar containers (init containers with restartPolicy Always)', () => {
  it('run alongside the app containers: the pod is Initialized, Ready, Running, the sidecar running and ready', () => {
    const w = world({ workers: 1 }).apply(pod('p', [SIDECAR], [MAIN])).advance('60s');
    const p = get(w, 'p');
    expect(p.status?.phase).toBe('Running');
    expect(init(p, 'side')?.state?.running).toBeDefined();
    expect(init(p, 'side')).toMatchObject({ ready: true, started: true });
    expect(app(p, 'main')?.state?.running).toBeDefined();
    expect(cond(p, 'Initialized')?.status).toBe('True');
    expect(cond(p, 'Ready')?.status).toBe('True');
  });

  it('start in init order: the init container after a sidecar runs only once the sidecar has started', () => {
    const after = '{name: after, image: "busybox:1.36", command: [sh, -c, "echo done"]}';
    const w = world({ workers: 1 }).apply(pod('p', [SIDECAR, after], [MAIN])).advance('60s');
    const p = get(w, 'p');
    const sideStart = Date.parse(init(p, 'side')!.state!.running!.startedAt!);
    const afterStart = Date.parse(init(p, 'after')!.state!.terminated!.startedAt!);
    expect(init(p, 'after')?.state?.terminated?.exitCode).toBe(0);
    expect(afterStart).toBeGreaterThanOrEqual(sideStart);
    expect(app(p, 'main')?.state?.running).toBeDefined();
  });

  it('a sidecar with a startup probe holds back the app containers until the probe passes', () => {
    const probed = '{name: side, image: "busybox:1.36", restartPolicy: Always, command: [sh, -c, "sleep 20; touch /tmp/up; while true; do sleep 1; done"], startupProbe: {exec: {command: [cat, /tmp/up]}, periodSeconds: 2, failureThreshold: 30}}';
    const w = world({ workers: 1 }).apply(pod('p', [probed], [MAIN])).advance('15s');
    let p = get(w, 'p');
    expect(init(p, 'side')?.state?.running).toBeDefined();
    expect(init(p, 'side')?.started).toBe(false);
    expect(app(p, 'main')?.state?.waiting?.reason).toBe('PodInitializing');
    expect(p.status?.phase).toBe('Pending');
    w.advance('30s');
    p = get(w, 'p');
    expect(init(p, 'side')?.started).toBe(true);
    expect(app(p, 'main')?.state?.running).toBeDefined();
  });

  it('restart when they exit, even under restartPolicy Never, while the app container keeps running', () => {
    const flaky = '{name: side, image: "busybox:1.36", restartPolicy: Always, command: [sh, -c, "sleep 5; exit 1"]}';
    const w = world({ workers: 1 }).apply(pod('p', [flaky], [MAIN], '  restartPolicy: Never')).advance('60s');
    const p = get(w, 'p');
    expect(init(p, 'side')!.restartCount).toBeGreaterThanOrEqual(2);
    expect(init(p, 'side')?.lastState?.terminated?.exitCode).toBe(1);
    expect(app(p, 'main')?.state?.running).toBeDefined();
    expect(app(p, 'main')?.restartCount).toBe(0);
    expect(p.status?.phase).toBe('Running');
  });

  it('an unready sidecar makes the pod unready, listed in the Ready condition', () => {
    const unready = '{name: side, image: "busybox:1.36", restartPolicy: Always, command: [sh, -c, "while true; do sleep 1; done"], readinessProbe: {exec: {command: [cat, /nope]}, periodSeconds: 2}}';
    const w = world({ workers: 1 }).apply(pod('p', [unready], [MAIN])).advance('60s');
    const p = get(w, 'p');
    expect(init(p, 'side')?.ready).toBe(false);
    expect(app(p, 'main')?.ready).toBe(true);
    expect(cond(p, 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [side]' });
    expect(p.status?.phase).toBe('Running');
  });

  it('a failing liveness probe restarts the sidecar (whatever the pod restartPolicy)', () => {
    const dying = '{name: side, image: "busybox:1.36", restartPolicy: Always, command: [sh, -c, "while true; do sleep 1; done"], livenessProbe: {exec: {command: [cat, /nope]}, periodSeconds: 2, failureThreshold: 2}}';
    const w = world({ workers: 1 }).apply(pod('p', [dying], [MAIN], '  restartPolicy: Never')).advance('60s');
    const p = get(w, 'p');
    expect(init(p, 'side')!.restartCount).toBeGreaterThanOrEqual(1);
    expect(w.events(p).some((e) => e.reason === 'Killing' && e.message === 'Container side failed liveness probe, will be restarted')).toBe(true);
  });

  it('do not block a Job-like pod: once the app container completes, the sidecar is stopped and the pod Succeeds', () => {
    const once = '{name: main, image: "busybox:1.36", command: [sh, -c, "sleep 3; echo ok"]}';
    const w = world({ workers: 1 }).apply(pod('p', [SIDECAR], [once], '  restartPolicy: Never')).advance('90s');
    const p = get(w, 'p');
    expect(app(p, 'main')?.state?.terminated?.exitCode).toBe(0);
    expect(init(p, 'side')?.state?.terminated).toBeDefined();
    expect(init(p, 'side')?.restartCount).toBe(0);
    expect(p.status?.phase).toBe('Succeeded');
  });

  it('on deletion, stop after the app containers, in reverse order', () => {
    const second = '{name: side2, image: "busybox:1.36", restartPolicy: Always, command: [sh, -c, "while true; do sleep 1; done"]}';
    // nginx takes a moment to stop on SIGTERM; the sidecars only get theirs once it has exited.
    const web = '{name: web, image: "nginx:1.27"}';
    const w = world({ workers: 1 }).apply(pod('p', [SIDECAR, second], [web])).advance('60s');
    const seen: string[] = [];
    const before = get(w, 'p');
    w.client.delete('pods', 'default', 'p');
    for (let i = 0; i < 700 && get(w, 'p'); i++) {
      const p = get(w, 'p');
      for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) {
        if (s.state?.terminated && !seen.includes(s.name)) seen.push(s.name);
      }
      w.advance('100ms');
    }
    const killing = w.events(before).filter((e) => e.reason === 'Killing').map((e) => e.message);
    expect(killing).toEqual(['Stopping container web', 'Stopping container side2', 'Stopping container side']);
    expect(seen[0]).toBe('web');
    expect(get(w, 'p')).toBeUndefined();
  });
});
