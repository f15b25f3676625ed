import { describe, expect, it } from 'vitest';
import { world, type PodObj } from '../../testing/harness';
import type { KubeObject } from '../api/types';

const pod = (name: string, container: string, spec = '') => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
${spec}
  containers:
  - ${container}
`;

const get = (w: ReturnType<typeof world>, name: string) => w.client.get<PodObj>('pods', 'default', name)!;
const state = (p: PodObj) => p.status?.containerStatuses?.[0];
const at = (w: ReturnType<typeof world>) => w.cluster.now();

/** Samples every 100 ms and returns the times (s after start) at which the restart count went up. */
function restartTimes(w: ReturnType<typeof world>, name: string, seconds: number): number[] {
  const t0 = at(w);
  const out: number[] = [];
  let last = 0;
  for (let i = 0; i < seconds * 10; i++) {
    w.advance('100ms');
    const n = state(get(w, name))?.restartCount ?? 0;
    if (n > last) {
      out.push((at(w) - t0) / 1000);
      last = n;
    }
  }
  return out;
}

describe('containers that behave', () => {
  it('a crashing container restarts at once, then after 10, 20, 40, 80, 160 s back-off (CrashLoopBackOff in between)', () => {
    const w = world({ workers: 1 }).apply(pod('crash', '{name: app, image: "busybox:1.36", command: [sh, -c, "exit 1"]}'));
    const times = restartTimes(w, 'crash', 400);
    const gaps = times.slice(1).map((t, i) => Math.round(t - times[i]));
    // Each run lasts ~0 s: the gaps between restarts are the back-off delays.
    expect(gaps.slice(0, 5)).toEqual([10, 20, 40, 80, 160]);
    const s = state(get(w, 'crash'))!;
    expect(s.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });

  it('the back-off is capped at 5 minutes', () => {
    const w = world({ workers: 1 }).apply(pod('crash', '{name: app, image: "busybox:1.36", command: [sh, -c, "exit 3"]}'));
    const times = restartTimes(w, 'crash', 1300);
    const gaps = times.slice(1).map((t, i) => Math.round(t - times[i]));
    expect(gaps.slice(4, 7)).toEqual([160, 300, 300]);
  });

  it('CrashLoopBackOff carries the kubelet message and the BackOff event', () => {
    const w = world({ workers: 1 }).apply(pod('crash', '{name: app, image: "busybox:1.36", command: [sh, -c, "exit 1"]}')).advance('5s');
    const p = get(w, 'crash');
    expect(state(p)?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(state(p)?.state?.waiting?.message).toBe(`back-off 10s restarting failed container=app pod=crash_default(${p.metadata.uid})`);
    expect(w.events(p).some((e) => e.reason === 'BackOff' && e.message === `Back-off restarting failed container app in pod crash_default(${p.metadata.uid})`)).toBe(true);
    expect(p.status?.phase).toBe('Running');
  });

  it('restartPolicy Never: exit 0 → Succeeded, exit 1 → Failed, nothing restarted', () => {
    const w = world({ workers: 1 })
      .apply(pod('ok', '{name: app, image: "busybox:1.36", command: [sh, -c, "echo hi"]}', '  restartPolicy: Never'))
      .apply(pod('bad', '{name: app, image: "busybox:1.36", command: [sh, -c, "exit 2"]}', '  restartPolicy: Never'))
      .advance('30s');
    expect(get(w, 'ok').status?.phase).toBe('Succeeded');
    expect(state(get(w, 'ok'))?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(get(w, 'bad').status?.phase).toBe('Failed');
    expect(state(get(w, 'bad'))).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error' } } });
  });

  it('restartPolicy OnFailure: restarted after a failure, Succeeded once it exits 0', () => {
    const w = world({ workers: 1 }).apply(pod('job', '{name: app, image: "busybox:1.36", command: [sh, -c, "exit 1"]}', '  restartPolicy: OnFailure')).advance('20s');
    expect(get(w, 'job').status?.phase).toBe('Running');
    expect(state(get(w, 'job'))?.restartCount).toBeGreaterThanOrEqual(1);
    const w2 = world({ workers: 1 }).apply(pod('done', '{name: app, image: "busybox:1.36", command: [sh, -c, "sleep 2; echo done"]}', '  restartPolicy: OnFailure')).advance('20s');
    expect(get(w2, 'done').status?.phase).toBe('Succeeded');
    expect(state(get(w2, 'done'))?.restartCount).toBe(0);
  });

  it('restartPolicy Always: a container that exits 0 is restarted too', () => {
    const w = world({ workers: 1 }).apply(pod('exits', '{name: app, image: "busybox:1.36"}')).advance('20s');
    const s = state(get(w, 'exits'))!;
    expect(s.restartCount).toBeGreaterThanOrEqual(2);
    expect(s.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('an unknown tag gives ErrImagePull, then ImagePullBackOff with the error in its message', () => {
    const w = world({ workers: 1 }).apply(pod('bad', '{name: app, image: "nginx:doesnotexist"}')).advance('3s');
    let s = state(get(w, 'bad'))!;
    expect(s.state?.waiting?.reason).toBe('ErrImagePull');
    expect(s.state?.waiting?.message).toBe('rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found');
    w.until((x) => state(get(x, 'bad'))?.state?.waiting?.reason === 'ImagePullBackOff', '2m', '1s');
    s = state(get(w, 'bad'))!;
    expect(s.state?.waiting?.message).toMatch(/^Back-off pulling image "nginx:doesnotexist": ErrImagePull: rpc error: code = NotFound/);
    const reasons = w.events(get(w, 'bad')).map((e) => `${e.reason}: ${e.message}`);
    expect(reasons).toContain('Failed: Error: ErrImagePull');
    expect(reasons).toContain('BackOff: Back-off pulling image "nginx:doesnotexist"');
    expect(reasons).toContain('Failed: Error: ImagePullBackOff');
    expect(get(w, 'bad').status?.phase).toBe('Pending');
  });

  it('an upper-case image name is InvalidImageName', () => {
    const w = world({ workers: 1 }).apply(pod('inv', '{name: app, image: "Nginx"}')).advance('3s');
    expect(state(get(w, 'inv'))?.state?.waiting?.reason).toBe('InvalidImageName');
  });

  it('a container whose memory exceeds its limit is OOMKilled (exit 137) and restarted', () => {
    const w = world({ workers: 1 })
      .apply(pod('mem', '{name: app, image: "polinux/stress", resources: {limits: {memory: 100Mi}, requests: {memory: 50Mi}}, command: [stress], args: [--vm, "1", --vm-bytes, 250M, --vm-hang, "1"]}'))
      .advance('30s');
    const s = state(get(w, 'mem'))!;
    expect(s.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('liveness: the docs demo server fails /healthz after 10 s and is restarted after 3 failures', () => {
    const w = world({ workers: 1 }).apply(
      pod('liveness-http', '{name: liveness, image: registry.k8s.io/liveness, args: [/server], livenessProbe: {httpGet: {path: /healthz, port: 8080}, initialDelaySeconds: 3, periodSeconds: 3}}'),
    );
    w.until((x) => (state(get(x, 'liveness-http'))?.restartCount ?? 0) >= 1, '2m', '1s');
    const p = get(w, 'liveness-http');
    const ev = w.events(p).map((e) => `${e.reason}: ${e.message}`);
    expect(ev).toContain('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(ev).toContain('Killing: Container liveness failed liveness probe, will be restarted');
    // Started ~0-3 s, fails from 10 s, killed at the third failure (periods of 3 s) — about 15-20 s after creation.
    expect(at(w) - Date.parse(p.metadata.creationTimestamp!)).toBeLessThan(25_000);
  });

  it('liveness exec: the docs busybox removes /tmp/healthy after 30 s and gets restarted', () => {
    const w = world({ workers: 1 }).apply(
      pod('liveness-exec', '{name: liveness, image: registry.k8s.io/busybox, args: [/bin/sh, -c, "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"], livenessProbe: {exec: {command: [cat, /tmp/healthy]}, initialDelaySeconds: 5, periodSeconds: 5}}'),
    );
    w.advance('30s');
    expect(state(get(w, 'liveness-exec'))?.restartCount).toBe(0);
    w.until((x) => (state(get(x, 'liveness-exec'))?.restartCount ?? 0) >= 1, '3m', '1s');
    const ev = w.events(get(w, 'liveness-exec')).map((e) => `${e.reason}: ${e.message}`);
    expect(ev).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
  });

  it('readiness: a failing readiness probe keeps the pod Running but not Ready, and never restarts it', () => {
    const w = world({ workers: 1 }).apply(
      pod('unready', '{name: app, image: "nginx:1.27", readinessProbe: {httpGet: {path: /healthz, port: 80}, periodSeconds: 5}}'),
    ).advance('1m');
    const p = get(w, 'unready');
    expect(p.status?.phase).toBe('Running');
    expect(state(p)).toMatchObject({ ready: false, restartCount: 0, started: true });
    const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' });
    expect(w.events(p).some((e) => e.message === 'Readiness probe failed: HTTP probe failed with statuscode: 404')).toBe(true);
  });

  it('readiness: a passing probe makes the pod Ready only after its first success', () => {
    const w = world({ workers: 1 }).apply(pod('ready', '{name: app, image: "nginx:1.27", readinessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: 5, periodSeconds: 5}}'));
    w.until((x) => state(get(x, 'ready'))?.state?.running !== undefined, '1m', '100ms');
    expect(state(get(w, 'ready'))?.ready).toBe(false);
    w.advance('15s');
    expect(state(get(w, 'ready'))?.ready).toBe(true);
  });

  it('startup probe: liveness waits until it passes; started flips to true', () => {
    const w = world({ workers: 1 }).apply(
      pod('slow', '{name: app, image: "nginx:1.27", startupProbe: {httpGet: {path: /, port: 80}, failureThreshold: 30, periodSeconds: 10}, livenessProbe: {httpGet: {path: /, port: 80}}}'),
    );
    w.until((x) => state(get(x, 'slow'))?.state?.running !== undefined, '1m', '100ms');
    expect(state(get(w, 'slow'))?.started).toBe(false);
    w.advance('20s');
    expect(state(get(w, 'slow'))).toMatchObject({ started: true, ready: true, restartCount: 0 });
  });

  it('init containers run one after another before the app container', () => {
    const w = world({ workers: 1 }).apply(`
apiVersion: v1
kind: Pod
metadata: {name: init}
spec:
  initContainers:
  - {name: first, image: "busybox:1.36", command: [sh, -c, "sleep 5"]}
  - {name: second, image: "busybox:1.36", command: [sh, -c, "sleep 5"]}
  containers:
  - {name: app, image: "nginx:1.27"}
`);
    w.advance('4s');
    let p = get(w, 'init');
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [first second]' });
    expect(state(p)?.state?.waiting?.reason).toBe('PodInitializing');
    w.advance('20s');
    p = get(w, 'init');
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.initContainerStatuses?.map((s) => s.state?.terminated?.reason)).toEqual(['Completed', 'Completed']);
  });

  it('a failing init container under restartPolicy Never fails the pod; app containers never start', () => {
    const w = world({ workers: 1 }).apply(`
apiVersion: v1
kind: Pod
metadata: {name: initfail}
spec:
  restartPolicy: Never
  initContainers:
  - {name: init, image: "busybox:1.36", command: [sh, -c, "exit 1"]}
  containers:
  - {name: app, image: "nginx:1.27"}
`).advance('20s');
    const p = get(w, 'initfail');
    expect(p.status?.phase).toBe('Failed');
    expect(state(p)?.state?.waiting?.reason).toBe('PodInitializing');
  });

  it('activeDeadlineSeconds fails a running pod with reason DeadlineExceeded', () => {
    const w = world({ workers: 1 }).apply(pod('deadline', '{name: app, image: "busybox:1.36", command: [sleep, "3600"]}', '  activeDeadlineSeconds: 5')).advance('20s');
    const p = get(w, 'deadline');
    expect(p.status).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
  });

  it('a missing ConfigMap key reference is CreateContainerConfigError', () => {
    const w = world({ workers: 1 }).apply(pod('cfg', '{name: app, image: "nginx:1.27", env: [{name: X, valueFrom: {configMapKeyRef: {name: app-config, key: x}}}]}')).advance('10s');
    const s = state(get(w, 'cfg'))!;
    expect(s.state?.waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "app-config" not found' });
    expect((get(w, 'cfg') as KubeObject).metadata.name).toBe('cfg');
  });
});

describe('probe vectors from the reference', () => {
  it('an app unhealthy from the start with default liveness settings is killed about 30 s after it was created (failures at ~10, 20, 30 s)', () => {
    const w = world({ workers: 1 }).apply(pod('sick', '{name: app, image: "nginx:1.27", livenessProbe: {httpGet: {path: /healthz, port: 80}}}'));
    const t0 = at(w);
    w.until((x) => x.events(get(x, 'sick')).some((e) => e.reason === 'Killing'), '2m', '500ms');
    const killedAfter = (at(w) - t0) / 1000;
    expect(killedAfter).toBeGreaterThanOrEqual(29);
    expect(killedAfter).toBeLessThanOrEqual(32);
    const unhealthy = w.events(get(w, 'sick')).find((e) => e.reason === 'Unhealthy')!;
    expect(unhealthy.count).toBe(3);
    expect(unhealthy.message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 404');
  });

  it('probe defaults: timeout 1 s, period 10 s, success 1, failure 3', async () => {
    const { probeTimings } = await import('./probes');
    expect(probeTimings({})).toEqual({ periodMs: 10_000, delayMs: 0, timeoutMs: 1000, success: 1, failure: 3 });
  });
});
