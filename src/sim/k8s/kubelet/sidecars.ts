import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { shouldRestart, stepContainer, stopPlan, type Emit, type StepEnv } from './containerLifecycle';
import { runDueProbes } from './probes';
import type { ContainerRuntime, PodRuntime } from './runtime';

/**
 * Init containers and native sidecars (KEP-753, on by default since 1.29):
 * an init container with `restartPolicy: Always` is a sidecar. It starts in
 * init order, and the next init container (or the app containers) starts
 * once it has *started* (its startup probe passed, or just running without
 * one). It keeps running next to the app containers, is restarted whenever
 * it exits (whatever the pod's restartPolicy), has its probes run, counts
 * for the pod's readiness, and is stopped after the app containers, in
 * reverse order — on pod deletion, and when the app containers of a pod
 * whose restartPolicy is not Always are done (a Job's pod completes).
 * Mirrors kuberuntime's `computeInitContainerActions` and
 * `killContainersWithSyncResult` (termination ordering).
 */

export const isSidecar = (c: Container | undefined): boolean => c?.restartPolicy === 'Always';

export type ProbeHandler = (c: ContainerRuntime, spec: Container, kind: number, ok: boolean, message: string, at: number) => 'stop' | void;

/** A running container's due probes; returns the next due time (re-stepping the container when a probe stops it). */
function probe(c: ContainerRuntime, spec: Container, env: StepEnv, policy: string | undefined, onProbe: ProbeHandler): number {
  const due = runDueProbes(c, spec, env.rt, env.now, env.rt.ip!, (kind, ok, message, at) => onProbe(c, spec, kind, ok, message, at));
  return c.stopping || due < Infinity ? Math.min(due, stepContainer(c, spec, env, policy)) : Infinity;
}

/**
 * Steps the init containers in order as far as they may go: regular ones
 * one after another until each has succeeded, sidecars until each has
 * started (and for good afterwards). Returns the next due time and whether
 * the pod is initialized (the app containers may run).
 */
export function stepInitContainers(env: StepEnv, onProbe: ProbeHandler, failPod: () => void): { next: number; done: boolean } {
  const { rt, pod } = env;
  const specs = pod.spec!.initContainers ?? [];
  const policy = pod.spec!.restartPolicy;
  let next = Infinity;
  let done = true;
  for (let i = 0; i < rt.initContainers.length; i++) {
    const c = rt.initContainers[i];
    const spec = specs[i];
    if (isSidecar(spec)) {
      // Restarted whatever the pod's policy, until the pod winds down.
      if (rt.sidecarsStopping && !live(c)) continue;
      const p = rt.sidecarsStopping ? 'Never' : 'Always';
      next = Math.min(next, stepContainer(c, spec, env, p), probe(c, spec, env, p, onProbe));
      if (rt.initialized || (c.phase === 'running' && c.probes.started)) continue;
      done = false;
      break;
    }
    if (rt.initialized || (c.phase === 'exited' && c.terminated?.exitCode === 0)) continue;
    // Init containers restart unless the pod's policy is Never (then the pod fails).
    next = Math.min(next, stepContainer(c, spec, env, policy === 'Never' ? 'Never' : 'OnFailure'));
    if (c.phase === 'exited' && c.terminated && c.terminated.exitCode !== 0 && policy === 'Never') failPod();
    if (c.phase === 'exited' && c.terminated?.exitCode === 0) continue;
    done = false;
    break;
  }
  if (done) rt.initialized = true;
  return { next, done };
}

/** A container the runtime still has up (or about to be). */
const live = (c: ContainerRuntime) => c.phase === 'running' || c.phase === 'created' || c.stopping !== undefined;

/**
 * Once every app container of a pod whose restartPolicy is not Always has
 * exited for good, the kubelet stops the sidecars (the pod's grace period
 * from then on). Returns the next due time.
 */
export function finishSidecars(env: StepEnv): number {
  // Most pods have no init container: no closure context to allocate for them (stopSidecarsWhenDone has it).
  return env.rt.initContainers.length === 0 ? Infinity : stopSidecarsWhenDone(env);
}

function stopSidecarsWhenDone(env: StepEnv): number {
  const { rt, pod, now, event } = env;
  const spec = pod.spec!;
  if (!rt.initContainers.some((c, i) => isSidecar(spec.initContainers?.[i]))) return Infinity;
  if (!rt.sidecarsStopping) {
    const policy = spec.restartPolicy ?? 'Always';
    if (policy === 'Always') return Infinity;
    const over = rt.containers.every((c) => c.phase === 'exited' && c.terminated && !shouldRestart(policy, c.terminated.exitCode));
    if (!over) return Infinity;
    rt.sidecarsStopping = { deadline: now + (spec.terminationGracePeriodSeconds ?? 30) * 1000 };
  }
  return planSidecarStops(rt, spec, now, rt.sidecarsStopping.deadline, event);
}

/**
 * Sends SIGTERM to the next sidecar due: the last one still up, once no
 * app container (nor regular init container) and no later sidecar is up.
 * Returns when the sidecar being stopped exits (or Infinity).
 */
export function planSidecarStops(rt: PodRuntime, spec: PodSpec, now: number, deadline: number, event: Emit): number {
  const sidecar = (c: ContainerRuntime) => isSidecar(spec.initContainers?.[c.index]);
  if (rt.containers.some(live) || rt.initContainers.some((c) => !sidecar(c) && live(c))) return Infinity;
  for (let i = rt.initContainers.length - 1; i >= 0; i--) {
    const c = rt.initContainers[i];
    if (!sidecar(c) || !live(c)) continue;
    if (!c.stopping) {
      event('Normal', 'Killing', `Stopping container ${c.name}`, c);
      c.stopping = stopPlan(c, now, Math.max(deadline, now));
    }
    return c.stopping.at;
  }
  return Infinity;
}
