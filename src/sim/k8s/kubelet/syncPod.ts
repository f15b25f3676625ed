import type { Container, ContainerStatus, Pod, PodSpec } from 'kubernetes-types/core/v1';
import { parseTimestamp } from '../../engine/clock';
import { deepEqual } from '../api/objectDiff';
import type { KubeObject } from '../api/types';
import type { K8sContext } from '../controllers/context';
import { imageProfile } from '../images/catalog';
import type { Backoff } from './backoff';
import { newContainerRuntime, shouldRestart, stepContainer, stopPlan, type Emit, type StepEnv } from './containerLifecycle';
import { allocatePodIP, releasePodIP, reservePodIP } from './ipam';
import { failureMessage, hasProbes, LIVENESS, probeName, probeTimings, READINESS, runDueProbes, STARTUP } from './probes';
import { buildPodStatus } from './podStatus';
import { stepEphemeral } from './ephemeral';
import { eventSubject } from './eventSubject';
import { fieldPathOf } from './fieldPaths';
import { PodRuntime, type ContainerRuntime, type NodeRuntime } from './runtime';
import { finishSidecars, isSidecar, planSidecarStops, stepInitContainers } from './sidecars';
import { TIMINGS, jitter } from './timings';

export type PodObj = KubeObject & Pod;

export interface KubeletState {
  nodes: Map<string, NodeRuntime>;
  pods: Map<string, PodRuntime>;
  /** Image pull back-off, per pod and image (`flowcontrol.Backoff`, 10 s → 300 s). */
  imageBackoff: Backoff;
  /** Container restart back-off, per pod and container (CrashLoopBackOff). */
  crashBackoff: Backoff;
  /**
   * The Service environment variables (docker-link style) for a container of
   * `pod` starting now: a thunk over the Services as they are now, so that
   * Services created later do not reach the container.
   */
  serviceEnv: (pod: PodObj) => () => Record<string, string>;
  /**
   * The step environment and its event emitter, reused by one sync after
   * another (150,000 pods sync three times each on their way to Running):
   * a sync takes it and puts it back when done; a sync running inside
   * another (none does today) finds none and builds its own.
   */
  spareEnv?: StepEnv;
}

/**
 * One step of the kubelet's `syncPod` for a pod bound to a node: admit it,
 * set up the sandbox and IP, run init containers one by one, then the app
 * containers (pull, create, start, run, restart per restartPolicy with the
 * crash-loop back-off), run probes, enforce activeDeadlineSeconds, stop
 * containers when the pod is deleted, and report status. Advances the pod
 * as far as the current virtual time allows, then asks to be woken at the
 * next due step (the kubelet's queue key of a pod is its store key).
 */
export function syncPod(key: string, ctx: K8sContext, state: KubeletState): void {
  let rt = state.pods.get(key);
  // The runtime's handle gives the pod with no search of 150,000 pods; a pod deleted (or made again) is looked up.
  const pod = (rt?.handle !== undefined ? ctx.store.read<PodObj>('pods', rt.handle) : undefined) ?? ctx.store.get<PodObj>('pods', key);
  if (rt && (!pod || pod.metadata.uid !== rt.uid)) {
    forget(rt, state);
    rt = undefined;
  }
  if (!pod || !pod.spec?.nodeName) return;
  // The node this pod was admitted on while it is still the kubelet's (a pod's nodeName never changes once bound).
  const node = rt !== undefined && !rt.nodeRt.removed && rt.node === pod.spec.nodeName ? rt.nodeRt : state.nodes.get(pod.spec.nodeName);
  if (!node) return;
  const now = ctx.clock.now();

  if (pod.metadata.deletionTimestamp) {
    if (!rt) {
      (node.client ??= ctx.clientAs(node.actor)).delete('pods', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0, preconditionUid: pod.metadata.uid });
      return;
    }
    return terminate(pod, rt, node, ctx, state, emitter(pod, node, ctx));
  }
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return;
  if (!rt) rt = admit(pod, key, node, ctx, state);

  let next = Infinity;
  if (!rt.ip) {
    const sandboxAt = rt.admittedAt + rt.sandboxMs;
    if (now >= sandboxAt) rt.ip = pod.spec.hostNetwork ? node.hostIP : allocatePodIP(node);
    else next = Math.min(next, sandboxAt);
  }
  const spec = pod.spec;
  const policy = spec.restartPolicy;
  if (rt.ip && !rt.terminal) {
    const env = takeEnv(state, pod, rt, node, ctx, now);
    const deadline = spec.activeDeadlineSeconds;
    // The admission time only for a pod with a deadline (each read of the packed time is a heap number).
    const deadlineAt = deadline === undefined ? Infinity : rt.admittedAt + deadline * 1000;
    if (now >= deadlineAt) {
      env.event('Normal', 'DeadlineExceeded', 'Pod was active on the node longer than the specified deadline');
      failPod(rt, 'DeadlineExceeded', 'Pod was active on the node longer than the specified deadline', now, node, spec);
    } else {
      next = Math.min(next, deadlineAt);
      // Init containers (and sidecars) in order; app containers once the pod is initialized.
      // (Closures only for pods that need them: most pods have no init container and no probe.)
      const init = rt.initContainers.length === 0 ? initDone(rt) : stepInit(env);
      next = Math.min(next, init.next);
      if (init.done && !rt.terminal) {
        for (let i = 0; i < rt.containers.length; i++) {
          const c = rt.containers[i];
          const cspec = spec.containers[i];
          next = Math.min(next, stepContainer(c, cspec, env, policy));
          const due = runDueProbes(c, cspec, rt, now, rt.ip, hasProbes(cspec) ? probeHandler(c, cspec, env) : NO_PROBES);
          if (c.stopping || due < Infinity) next = Math.min(next, due, stepContainer(c, cspec, env, policy));
        }
        next = Math.min(next, finishSidecars(env));
      }
      // Ephemeral containers start once the sandbox is up, whether or not the pod is initialized.
      if (spec.ephemeralContainers !== undefined && !rt.terminal) next = Math.min(next, stepEphemeral(env, spec.ephemeralContainers));
    }
    state.spareEnv = env;
  }
  // While the pod worker is inside the SyncPod call that creates the sandbox and starts the containers, the kubelet
  // has reported the pod as it was when the call began (ContainerCreating, no IP yet); it reports again once the call
  // returns (Running, or the error that ended it).
  if (pod.status?.containerStatuses === undefined || !starting(rt)) {
    const status = buildPodStatus(pod, rt, node, now);
    if (!deepEqual(status, pod.status)) (node.client ??= ctx.clientAs(node.actor)).updateStatus({ ...pod, status });
  }
  if (next < Infinity) ctx.wakeAt(key, Math.max(next, now + 1));
}

/**
 * Whether a SyncPod call is still starting the pod: its sandbox is being
 * created, or a container it started is being pulled, created or started
 * (the current init container while the pod initializes, else the app
 * containers) and has met no error. A container waiting out a back-off or
 * stopped by an error has ended the call.
 */
function starting(rt: PodRuntime): boolean {
  if (rt.terminal) return false;
  if (!rt.ip) return true;
  const list = rt.initialized ? rt.containers : rt.initContainers;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    const p = c.phase;
    if ((p === 'pending' || p === 'pulling' || p === 'pulled' || p === 'created') && c.waiting === undefined) return true;
  }
  return false;
}

/** The pod's events, as this node's kubelet records them (with the container's field path). */
function emitter(pod: PodObj, node: NodeRuntime, ctx: K8sContext): Emit {
  return (type, reason, message, c) => ctx.eventFrom((node.events ??= ctx.eventSource(node.name)), eventSubject(pod), type, reason, message, c ? fieldPathOf(c) : undefined);
}

/** The state's spare step environment (or a new one) set up for this sync of `pod`. */
function takeEnv(state: KubeletState, pod: PodObj, rt: PodRuntime, node: NodeRuntime, ctx: K8sContext, now: number): StepEnv {
  let env = state.spareEnv;
  if (env === undefined) env = newStepEnv(state, pod, rt, node, ctx, now);
  else {
    state.spareEnv = undefined;
    env.pod = pod;
    env.rt = rt;
    env.node = node;
    env.ctx = ctx;
    env.now = now;
  }
  return env;
}

/** A step environment whose emitter records the events of the pod it is set up for at the time (as `emitter` does). */
function newStepEnv(state: KubeletState, pod: PodObj, rt: PodRuntime, node: NodeRuntime, ctx: K8sContext, now: number): StepEnv {
  const env: StepEnv = { pod, rt, node, ctx, now, event: NO_EVENTS, imageBackoff: state.imageBackoff, crashBackoff: state.crashBackoff, serviceEnv: state.serviceEnv, state };
  // The node's Event source, fetched once per node: no lookup among the hosts per Event.
  env.event = (type, reason, message, c) => {
    const n = env.node;
    env.ctx.eventFrom((n.events ??= env.ctx.eventSource(n.name)), eventSubject(env.pod), type, reason, message, c ? fieldPathOf(c) : undefined);
  };
  return env;
}

/** Placeholder emitter of a step environment being built (replaced before any use). */
function NO_EVENTS(): void {}

const INIT_DONE = Object.freeze({ next: Infinity, done: true });

/** `stepInitContainers` for a pod without init containers: initialized at once. */
function initDone(rt: PodRuntime): { next: number; done: boolean } {
  rt.initialized = true;
  return INIT_DONE;
}

// The closures live in helpers: a closure in syncPod itself would make every call allocate a context for what it captures.

/** `stepInitContainers` with the pod's probe handler and failure. */
function stepInit(env: StepEnv): { next: number; done: boolean } {
  const { rt, now, node } = env;
  const spec = env.pod.spec!;
  return stepInitContainers(env, (c, cspec, kind, ok, message, at) => onProbe(c, cspec, kind, ok, message, at, env), () => failPod(rt, undefined, undefined, now, node, spec));
}

/** The probe result handler of container `c`. */
function probeHandler(c: ContainerRuntime, cspec: Container, env: StepEnv): (kind: number, ok: boolean, message: string, at: number) => 'stop' | void {
  return (kind, ok, message, at) => onProbe(c, cspec, kind, ok, message, at, env);
}

/** The result handler of a container without probes (never called: there is nothing to run). */
function NO_PROBES(): void {}

/** A probe result: `Unhealthy` events, and a kill when liveness or startup fails past its threshold. */
function onProbe(c: ContainerRuntime, spec: Container, kind: number, ok: boolean, message: string, at: number, env: StepEnv): 'stop' | void {
  if (ok) return;
  const probe = kind === STARTUP ? spec.startupProbe! : kind === LIVENESS ? spec.livenessProbe! : spec.readinessProbe!;
  env.event('Warning', 'Unhealthy', failureMessage(kind as 0, message), c);
  if (kind === READINESS) return;
  if (c.probes.failures[kind] < probeTimings(probe).failure) return;
  // A sidecar restarts whatever the pod's restartPolicy.
  const restarts = shouldRestart(c.init && isSidecar(env.pod.spec?.initContainers?.[c.index]) ? 'Always' : env.pod.spec?.restartPolicy, 137);
  env.event('Normal', 'Killing', `Container ${c.name} failed ${probeName(kind as 0)} probe${restarts ? ', will be restarted' : ''}`, c);
  const grace = (probe.terminationGracePeriodSeconds ?? env.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
  c.stopping = stopPlan(c, at, at + grace);
  c.probes.failures = [0, 0, 0];
  c.probes.ready = false;
  return 'stop';
}

/** Ends the pod for good (activeDeadlineSeconds, or a failed init container under restartPolicy Never). */
function failPod(rt: PodRuntime, reason: string | undefined, message: string | undefined, now: number, node: NodeRuntime, spec: PodSpec): void {
  rt.terminal = { reason, message };
  for (const c of [...rt.initContainers, ...rt.containers, ...(rt.ephemeral ?? [])]) {
    if (c.phase === 'running' && c.proc) {
      const stopMs = imageProfile(c.ref)?.stopMs ?? 300;
      const grace = (spec.terminationGracePeriodSeconds ?? 30) * 1000;
      c.proc.kill(now + Math.min(stopMs, grace), stopMs < grace ? 143 : 137);
      const exit = c.proc.exit!;
      c.terminated = { exitCode: exit.code, reason: 'Error', startedAt: c.startedAt, finishedAt: exit.at, containerID: c.containerID };
      c.phase = 'exited';
    }
  }
  void node;
}

/**
 * `n` as a small integer when it is one: V8 keeps such a number in the
 * object's field itself, while a field that ever held another number (an
 * integral result of arithmetic on epoch times counts) boxes every object's
 * value in a heap number of its own (16 B per pod).
 */
function smallInt(n: number): number {
  return (n | 0) === n ? n | 0 : n;
}

/** The init containers of a pod without any (shared: never changed). */
const NO_CONTAINERS: ContainerRuntime[] = Object.freeze([]) as unknown as ContainerRuntime[];

function admit(pod: PodObj, key: string, node: NodeRuntime, ctx: K8sContext, state: KubeletState): PodRuntime {
  const now = ctx.clock.now();
  // A pod already running before this kubelet (re)started: adopt its containers as they are.
  const running = pod.status?.phase === 'Running' && pod.status.podIP;
  const admittedAt = running ? (parseTimestamp(pod.status!.startTime) ?? now) : now;
  const sandboxMs = smallInt(running ? now - admittedAt : jitter(ctx.rng, TIMINGS.sandboxMs));
  const inits = pod.spec!.initContainers === undefined || pod.spec!.initContainers.length === 0 ? NO_CONTAINERS : initContainers(pod, now, running);
  const rt = new PodRuntime(pod.metadata.uid!, key, node, admittedAt, sandboxMs, inits, appContainers(pod, now, running));
  if (running) {
    rt.initialized = true;
    rt.ip = pod.status!.podIP;
    if (!pod.spec?.hostNetwork) reservePodIP(node, rt.ip!);
  }
  rt.handle = ctx.store.handle('pods', key);
  state.pods.set(key, rt);
  return rt;
}

// The closures of admission live in helpers that only pods needing them call: one in `admit` or
// `appContainers` would make every call allocate a context for what it captures.

/** The runtime records of the pod's init containers at admission. */
function initContainers(pod: PodObj, now: number, running: unknown): ContainerRuntime[] {
  return pod.spec!.initContainers!.map((c, i) => {
    // Sidecars of a running pod are adopted like app containers.
    if (running && isSidecar(c)) return adoptContainer(c, i, true, now, pod.status?.initContainerStatuses);
    const rtc = newContainerRuntime(c, i, true);
    if (running) {
      // Init containers of a running pod have completed.
      rtc.phase = 'exited';
      rtc.terminated = { exitCode: 0, reason: 'Completed', finishedAt: now };
    }
    return rtc;
  });
}

/** The runtime records of the pod's app containers at admission. */
function appContainers(pod: PodObj, now: number, running: unknown): ContainerRuntime[] {
  const specs = pod.spec!.containers;
  const known = pod.status?.containerStatuses;
  return specs.length === 1 ? [adoptContainer(specs[0], 0, false, now, running ? known : undefined, known)] : adoptAll(specs, now, running ? known : undefined, known);
}

function adoptAll(specs: Container[], now: number, running: ContainerStatus[] | undefined, known: ContainerStatus[] | undefined): ContainerRuntime[] {
  return specs.map((c, i) => adoptContainer(c, i, false, now, running, known));
}

/**
 * A container's runtime record at admission: its restart count and previous
 * run from the pod's status, and, when `running` lists it as running (a pod
 * this kubelet finds already up), the image's program running since it started.
 */
function adoptContainer(c: Container, i: number, init: boolean, now: number, running: ContainerStatus[] | undefined, known = running): ContainerRuntime {
  const cs = statusNamed(known, c.name);
  const rtc = newContainerRuntime(c, i, init);
  rtc.restartCount = cs?.restartCount ?? 0;
  // The runtime's record of the previous run survives (RESTARTS keeps its "(Xs ago)").
  const t = cs?.lastState?.terminated ?? cs?.state?.terminated;
  if (t) rtc.last = { exitCode: t.exitCode, reason: t.reason ?? (t.exitCode === 0 ? 'Completed' : 'Error'), startedAt: parseTimestamp(t.startedAt), finishedAt: parseTimestamp(t.finishedAt) ?? now, containerID: t.containerID };
  const rs = statusNamed(running, c.name);
  if (rs?.state?.running) {
    rtc.phase = 'created';
    rtc.startAt = now;
    rtc.containerID = rs.containerID;
    rtc.adopted = { startedAt: parseTimestamp(rs.state.running.startedAt) ?? now, ready: rs.ready === true, started: rs.started !== false };
  }
  return rtc;
}

/** The first status of container `name` in `list`. */
function statusNamed(list: ContainerStatus[] | undefined, name: string): ContainerStatus | undefined {
  if (list === undefined) return undefined;
  for (const s of list) if (s.name === name) return s;
  return undefined;
}

/** Graceful termination: stop each container (SIGTERM, SIGKILL at the deadline), then remove the pod object. */
function terminate(pod: PodObj, rt: PodRuntime, node: NodeRuntime, ctx: K8sContext, state: KubeletState, event: Emit): void {
  const now = ctx.clock.now();
  const api = (node.client ??= ctx.clientAs(node.actor));
  const all = [...rt.initContainers, ...rt.containers, ...(rt.ephemeral ?? [])];
  if (!rt.killing) {
    const deadline = parseTimestamp(pod.metadata.deletionTimestamp) ?? now;
    rt.killing = { startedAt: now, deadline };
    // Sidecars are stopped after the app containers, in reverse order (planSidecarStops).
    for (const c of all) {
      if ((c.phase === 'running' || c.phase === 'created') && !(c.init && isSidecar(pod.spec?.initContainers?.[c.index]))) {
        event('Normal', 'Killing', `Stopping container ${c.name}`, c);
        c.stopping = stopPlan(c, now, deadline);
      }
    }
  }
  let next = planSidecarStops(rt, pod.spec!, now, rt.killing.deadline, event);
  let changed = false;
  for (const c of all) {
    if (!c.stopping) continue;
    if (now >= c.stopping.at) {
      const s = c.stopping;
      c.proc?.advance(s.at);
      c.proc?.kill(s.at, s.code, s.reason === 'Completed' ? 'Completed' : 'Error');
      const exit = c.proc?.exit;
      c.terminated = { exitCode: exit?.code ?? s.code, reason: exit?.reason ?? s.reason, startedAt: c.startedAt, finishedAt: exit?.at ?? s.at, containerID: c.containerID };
      c.stopping = undefined;
      c.phase = 'exited';
      changed = true;
    } else next = Math.min(next, c.stopping.at);
  }
  if (changed) next = Math.min(next, planSidecarStops(rt, pod.spec!, now, rt.killing.deadline, event));
  if (next < Infinity) {
    if (changed) writeStatus(pod, rt, node, ctx);
    ctx.wakeAt(rt.key, next);
    return;
  }
  writeStatus(pod, rt, node, ctx, true);
  forget(rt, state);
  api.delete('pods', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0, preconditionUid: pod.metadata.uid });
}

function writeStatus(pod: PodObj, rt: PodRuntime, node: NodeRuntime, ctx: K8sContext, terminal = false): void {
  const current = ctx.store.get<PodObj>('pods', rt.key);
  if (!current) return;
  const status = buildPodStatus(current, rt, node, ctx.clock.now(), terminal);
  if (!deepEqual(status, current.status)) (node.client ??= ctx.clientAs(node.actor)).updateStatus({ ...current, status });
}

/** Drops a pod from the runtime and frees its IP. */
export function forget(rt: PodRuntime, state: KubeletState): void {
  const node = state.nodes.get(rt.node);
  if (node && rt.ip && rt.ip !== node.hostIP) releasePodIP(node, rt.ip);
  state.pods.delete(rt.key);
  if (rt.containers.some((c) => c.restartCount > 0 || c.waiting) || rt.initContainers.length) {
    state.crashBackoff.forget(`${rt.uid}_`);
    state.imageBackoff.forget(`${rt.uid}_`);
  }
}
