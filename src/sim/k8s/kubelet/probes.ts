import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { ContainerProcess } from '../containers/process';
import type { ContainerRuntime, ProbeState } from './runtime';

/** The three probe kinds, in the order the kubelet gates them. */
export const STARTUP = 0;
export const LIVENESS = 1;
export const READINESS = 2;
type Kind = 0 | 1 | 2;
const NAMES = ['Startup', 'Liveness', 'Readiness'] as const;

/** `SetDefaults_Probe`: timeout 1 s, period 10 s, success 1, failure 3, no initial delay. */
export function probeTimings(p: Probe): { periodMs: number; delayMs: number; timeoutMs: number; success: number; failure: number } {
  return {
    periodMs: (p.periodSeconds ?? 10) * 1000,
    delayMs: (p.initialDelaySeconds ?? 0) * 1000,
    timeoutMs: (p.timeoutSeconds ?? 1) * 1000,
    success: p.successThreshold ?? 1,
    failure: p.failureThreshold ?? 3,
  };
}

/** The counts of a container whose probes never ran (shared: the first run replaces them). */
const ZEROS = Object.freeze([0, 0, 0]) as unknown as [number, number, number];

/** A started container's probe state (its own object: the kubelet updates it in place). */
export function freshProbeState(spec: Container): ProbeState {
  return {
    failures: ZEROS,
    successes: ZEROS,
    started: !spec.startupProbe,
    ready: false,
    readinessProbed: false,
  };
}

/**
 * Shared, frozen states: a container without a startup probe that is not
 * ready (not started yet, or without any probe), one without probes that is
 * ready, and one waiting for its startup probe to pass before it starts.
 */
const UNREADY = Object.freeze({ failures: ZEROS, successes: ZEROS, started: true, ready: false, readinessProbed: false }) as ProbeState;
const READY = Object.freeze({ failures: ZEROS, successes: ZEROS, started: true, ready: true, readinessProbed: false }) as ProbeState;
const NOT_STARTED = Object.freeze({ failures: ZEROS, successes: ZEROS, started: false, ready: false, readinessProbed: false }) as ProbeState;

/**
 * The probe state of a container that has not started yet: shared and
 * frozen (probes run, and results change, only once it runs: `start` gives
 * it a state of its own, or a shared one when it has no probe).
 */
export function unstartedProbeState(spec: Container): ProbeState {
  return spec.startupProbe ? NOT_STARTED : UNREADY;
}

/** Whether the container has any probe. */
export function hasProbes(spec: Container): boolean {
  return spec.startupProbe !== undefined || spec.livenessProbe !== undefined || spec.readinessProbe !== undefined;
}

/**
 * The probe state of a container starting now: a shared one, ready or not,
 * for a container without probes (all that changes is whether it is ready),
 * else its own, updated in place.
 */
export function startedProbeState(spec: Container): ProbeState {
  return hasProbes(spec) ? freshProbeState(spec) : UNREADY;
}

/** Sets whether the container is ready (swapping a shared state, updating its own). */
export function setReady(c: ContainerRuntime, ready: boolean): void {
  if (c.probes === UNREADY || c.probes === READY) c.probes = ready ? READY : UNREADY;
  else c.probes.ready = ready;
}

function probeOf(spec: Container, kind: Kind): Probe | undefined {
  return kind === STARTUP ? spec.startupProbe : kind === LIVENESS ? spec.livenessProbe : spec.readinessProbe;
}

/**
 * The probe results due for `c` up to `now`, as the kubelet's prober
 * workers produce them: each probe runs on its period from the worker's
 * start (the admission of `pod`), once the container has run for its initial
 * delay; the readiness probe also runs right when the container starts (or
 * its startup probe passes). Startup gates the other two. Calls `onResult`
 * per run; returns the next due time.
 */
export function runDueProbes(
  c: ContainerRuntime,
  spec: Container,
  pod: { readonly admittedAt: number },
  now: number,
  podIP: string,
  onResult: (kind: Kind, ok: boolean, message: string, at: number) => 'stop' | void,
): number {
  const proc = c.proc;
  // A running container's start time is its process's: there is one once there is a process.
  if (c.phase !== 'running' || !proc || c.stopping) return Infinity;
  if (!spec.startupProbe && !spec.livenessProbe && !spec.readinessProbe) {
    setReady(c, true);
    return Infinity;
  }
  const startedAt = proc.startedAt;
  // The worker's start, read only for a container with probes (a heap number per read).
  const anchor = pod.admittedAt;
  for (let guard = 0; guard < 10_000; guard++) {
    // The earliest due probe run across the kinds that may run now.
    let bestAt = Infinity;
    let best: Kind | -1 = -1;
    for (const kind of [STARTUP, LIVENESS, READINESS] as Kind[]) {
      const p = probeOf(spec, kind);
      if (!p) continue;
      if (kind === STARTUP && c.probes.started) continue;
      if (kind !== STARTUP && !c.probes.started) continue;
      const at = nextRun(p, kind, anchor, startedAt, c.probes, c.lastRun[kind], c.lastGateAt ?? startedAt);
      if (at < bestAt) {
        bestAt = at;
        best = kind;
      }
    }
    if (best === -1) {
      if (!spec.readinessProbe) c.probes.ready = c.probes.started;
      return Infinity;
    }
    if (bestAt > now) {
      if (!spec.readinessProbe) c.probes.ready = c.probes.started;
      return bestAt;
    }
    const p = probeOf(spec, best)!;
    proc.advance(bestAt);
    const { ok, message } = evaluate(p, spec, proc, bestAt, podIP);
    // A new array: containers that never probed share one frozen array.
    const runs: [number, number, number] = [c.lastRun[0], c.lastRun[1], c.lastRun[2]];
    runs[best] = bestAt;
    c.lastRun = runs;
    if (best === READINESS) c.probes.readinessProbed = true;
    const t = probeTimings(p);
    if (c.probes.successes === ZEROS) c.probes.successes = [0, 0, 0];
    if (c.probes.failures === ZEROS) c.probes.failures = [0, 0, 0];
    if (ok) {
      c.probes.successes[best]++;
      c.probes.failures[best] = 0;
      if (best === STARTUP) {
        c.probes.started = true;
        c.lastGateAt = bestAt;
      }
      if (best === READINESS && c.probes.successes[best] >= t.success) c.probes.ready = true;
    } else {
      c.probes.failures[best]++;
      c.probes.successes[best] = 0;
      if (best === READINESS && c.probes.failures[best] >= t.failure) c.probes.ready = false;
    }
    if (onResult(best, ok, message, bestAt) === 'stop' || proc.exit) return Infinity;
  }
  return now + 1000;
}

/**
 * The next run of probe `kind`: the first tick of the worker's period grid
 * (from `anchor`) after its last run and not before the initial delay; the
 * readiness probe also runs at once when the container starts or its
 * startup probe passes (the kubelet's manual trigger), when it has no delay.
 */
function nextRun(p: Probe, kind: Kind, anchor: number, startedAt: number, state: ProbeState, lastRun: number, gateAt: number): number {
  const t = probeTimings(p);
  if (kind === READINESS && !state.readinessProbed && t.delayMs === 0 && lastRun < gateAt) return gateAt;
  const from = Math.max(startedAt + t.delayMs, lastRun + 1);
  const n = Math.ceil((from - anchor) / t.periodMs);
  return anchor + Math.max(0, n) * t.periodMs;
}

/** The outcome of one probe run against the container's process. */
export function evaluate(p: Probe, spec: Container, proc: ContainerProcess, at: number, podIP: string): { ok: boolean; message: string } {
  const port = (v: number | string | undefined): number => {
    if (typeof v === 'number') return v;
    const named = spec.ports?.find((x) => x.name === v);
    return named ? named.containerPort : Number(v);
  };
  if (p.httpGet) {
    const prt = port(p.httpGet.port);
    const path = p.httpGet.path ?? '/';
    const host = p.httpGet.host ?? podIP;
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    const r = proc.http(prt, path, at);
    if (r === 'refused') return { ok: false, message: `Get "${scheme}://${host}:${prt}${path}": dial tcp ${host}:${prt}: connect: connection refused` };
    if (r >= 200 && r < 400) return { ok: true, message: '' };
    return { ok: false, message: `HTTP probe failed with statuscode: ${r}` };
  }
  if (p.tcpSocket) {
    const prt = port(p.tcpSocket.port);
    const host = p.tcpSocket.host ?? podIP;
    return proc.listens(prt) && !proc.exit ? { ok: true, message: '' } : { ok: false, message: `dial tcp ${host}:${prt}: connect: connection refused` };
  }
  if (p.grpc) {
    const prt = p.grpc.port;
    return proc.listens(prt) && !proc.exit ? { ok: true, message: '' } : { ok: false, message: `timeout: failed to connect service "${podIP}:${prt}" within ${p.timeoutSeconds ?? 1}s: context deadline exceeded` };
  }
  if (p.exec?.command?.length) {
    const r = proc.run([...p.exec.command], at, (p.timeoutSeconds ?? 1) * 1000);
    if (r.timedOut) return { ok: false, message: `command ${JSON.stringify(p.exec.command.join(' '))} timed out` };
    return r.code === 0 ? { ok: true, message: '' } : { ok: false, message: r.output.replace(/\n$/, '') };
  }
  return { ok: true, message: '' };
}

/** `Liveness probe failed: …` and friends (the `Unhealthy` event). */
export function failureMessage(kind: Kind, message: string): string {
  return `${NAMES[kind]} probe failed: ${message}`;
}

export function probeName(kind: Kind): string {
  return NAMES[kind].toLowerCase();
}
