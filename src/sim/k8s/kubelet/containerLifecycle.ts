import type { Container } from 'kubernetes-types/core/v1';
import { goDuration } from '../../../lib/duration';
import { flat } from '../../../lib/flat';
import { ContainerProcess } from '../containers/process';
import type { K8sContext } from '../controllers/context';
import { imageProfile } from '../images/catalog';
import { parseImageRef, type ImageRef } from '../images/imageRef';
import { invalidImageName, pullImage } from '../images/registry';
import type { Backoff } from './backoff';
import { configError } from './containerEnv';
import { containerdID } from './containerId';
import { ContainerContext } from './containerContext';
import { freshProbeState, setReady, startedProbeState, unstartedProbeState } from './probes';
import { ContainerRuntime, NO_RUNS, type ImagePull, type NodeRuntime, type PodRuntime } from './runtime';
import { eventSubject } from './eventSubject';
import type { KubeletState, PodObj } from './syncPod';
import { podNeedsVolumeSetUp, volumeManagerFor } from '../volumes/volumeManager';
import { TIMINGS, jitter } from './timings';

export type Emit = (type: 'Normal' | 'Warning', reason: string, message: string, container?: ContainerRuntime) => void;

/** What stepping a container needs besides the container itself. */
export interface StepEnv {
  pod: PodObj;
  rt: PodRuntime;
  node: NodeRuntime;
  ctx: K8sContext;
  now: number;
  event: Emit;
  imageBackoff: Backoff;
  crashBackoff: Backoff;
  /** The Service variables as of now, computed when first read (Services created later do not reach the container). */
  serviceEnv: (pod: PodObj) => () => Record<string, string>;
  state: KubeletState;
}

export function newContainerRuntime(c: Container, index: number, init: boolean): ContainerRuntime {
  return new ContainerRuntime(c.name, index, init, parseImageRef(c.image ?? ''), unstartedProbeState(c));
}

/** `podName_namespace(uid)`, as the kubelet names a pod in messages. */
export function podDesc(pod: PodObj): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

/** The BackOff Event of a container waiting out its crash-loop back-off. */
function crashBackOffMessage(c: ContainerRuntime, pod: PodObj): string {
  return `Back-off restarting failed container ${c.name} in pod ${podDesc(pod)}`;
}

/** Whether restartPolicy restarts a container that exited with `code`. */
export function shouldRestart(policy: string | undefined, code: number): boolean {
  const p = policy ?? 'Always';
  return p === 'Always' || (p === 'OnFailure' && code !== 0);
}

/**
 * The pod worker's next sync after a sync that ended in an error (container
 * `c` in a back-off, an image it cannot pull or name, a config it cannot
 * build): 10 s plus up to 50 % jitter (podWorkers.completeWork), and each
 * such sync records its Events again — the `(x45 over 10m)` of a
 * crash-looping pod. The jitter is a hash of the pod, the container and the
 * time, not a draw from the cluster's random stream: these syncs change
 * nothing else, and the other objects' draws stay as they were.
 */
function resync(env: StepEnv, c: ContainerRuntime): number {
  const uid = env.pod.metadata.uid ?? '';
  let h = Math.imul((env.now % 0x7fffffff) ^ Math.imul(c.index + (c.init ? 97 : 0), 0x9e3779b1), 0x85ebca6b);
  for (let i = 0; i < uid.length && i < 8; i++) h = Math.imul(h ^ uid.charCodeAt(i), 0x01000193);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return env.now + 10_000 + ((h >>> 0) % 5_001);
}

/**
 * Moves one container as far as `now` allows: image pull (with its errors
 * and back-off), create, start, run its process, and restart it when it
 * exits as restartPolicy says, with the crash-loop back-off. Returns the
 * container's next due time.
 */
export function stepContainer(c: ContainerRuntime, spec: Container, env: StepEnv, policy: string | undefined): number {
  const { node, ctx, now, event, pod } = env;
  const image = spec.image ?? '';
  for (let guard = 0; guard < 16; guard++) {
    switch (c.phase) {
      case 'pending': {
        // The volume manager mounts the pod's volumes before any container starts.
        if (c.restartCount === 0 && podNeedsVolumeSetUp(pod)) {
          const volumes = volumeManagerFor(ctx.store, ctx.clock);
          const failed = volumes.setUpError(pod);
          if (failed) {
            const retry = volumes.failureDue(pod.metadata.uid ?? '', now);
            if (retry.due) ctx.event(eventSubject(pod), 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${failed.volume}" : ${failed.message}`, { host: node.name });
            return retry.retryAt;
          }
        }
        const invalid = invalidImageName(image);
        // These errors end the sync: the pod worker syncs again 10-15 s later, and each sync records them again.
        if (invalid) {
          event('Warning', 'InspectFailed', invalid, c);
          event('Warning', 'Failed', 'Error: InvalidImageName', c);
          c.waiting = { reason: 'InvalidImageName', message: invalid };
          return resync(env, c);
        }
        const pullPolicy = spec.imagePullPolicy ?? (c.ref.tag === 'latest' ? 'Always' : 'IfNotPresent');
        const present = isPresent(node, c.ref);
        if (present && pullPolicy !== 'Always') {
          event('Normal', 'Pulled', text(PRESENT, image), c);
          c.waiting = undefined;
          c.phase = 'pulled';
          break;
        }
        if (pullPolicy === 'Never') {
          const message = `Container image "${image}" is not present with pull policy of Never`;
          event('Warning', 'ErrImageNeverPull', message, c);
          event('Warning', 'Failed', 'Error: ErrImageNeverPull', c);
          c.waiting = { reason: 'ErrImageNeverPull', message };
          return resync(env, c);
        }
        const key = `${pod.metadata.uid}_${image}`;
        if (env.imageBackoff.isInBackOffSinceUpdate(key, now)) {
          // Every sync in the back-off records both again (EnsureImageExists, then startContainer's error).
          event('Normal', 'BackOff', `Back-off pulling image "${image}"`, c);
          event('Warning', 'Failed', 'Error: ImagePullBackOff', c);
          c.waiting = { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}": ErrImagePull: ${c.pull?.error ? rpcError(c.pull.error) : ''}` };
          return Math.min(Math.max(env.imageBackoff.updatedAt(key) + env.imageBackoff.get(key), now + 1), resync(env, c));
        }
        event('Normal', 'Pulling', `Pulling image "${image}"`, c);
        const result = pullImage(c.ref);
        const profile = result.ok ? result.profile : undefined;
        // A pull queued behind another pull of the same image finds its layers present by the time it runs.
        const layersArrive = present || node.pulling.has(c.ref.full);
        const duration = !profile
          ? jitter(ctx.rng, TIMINGS.pullLatencyMs)
          : layersArrive
            ? jitter(ctx.rng, TIMINGS.pullCachedMs)
            : jitter(ctx.rng, TIMINGS.pullLatencyMs) + Math.round((profile.sizeBytes / TIMINGS.pullBytesPerMs) * (0.85 + 0.3 * ctx.rng.next()));
        const startAt = Math.max(now, node.pullBusyUntil);
        const pull: ImagePull = { requestedAt: now, startAt, doneAt: startAt + duration, error: result.ok ? undefined : { code: result.code, message: result.message } };
        c.pull = pull;
        node.pullBusyUntil = pull.doneAt;
        if (profile) node.pulling.set(c.ref.full, Math.max(node.pulling.get(c.ref.full) ?? 0, pull.doneAt));
        c.phase = 'pulling';
        break;
      }
      case 'pulling': {
        const pull = c.pull!;
        if (now < pull.doneAt) return pull.doneAt;
        if (pull.error) {
          const err = rpcError(pull.error);
          event('Warning', 'Failed', `Failed to pull image "${image}": ${err}`, c);
          event('Warning', 'Failed', 'Error: ErrImagePull', c);
          env.imageBackoff.next(`${pod.metadata.uid}_${image}`, now);
          c.waiting = { reason: 'ErrImagePull', message: err };
          c.phase = 'pending';
          return resync(env, c);
        }
        const size = imageProfile(c.ref)?.sizeBytes ?? 0;
        if ((node.pulling.get(c.ref.full) ?? 0) <= now) node.pulling.delete(c.ref.full);
        if (!node.images.has(c.ref.full)) {
          node.images.set(c.ref.full, size);
          node.imagesChanged = true;
        }
        event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(pull.doneAt - pull.startAt)} (${goDuration(pull.doneAt - pull.requestedAt)} including waiting). Image size: ${size} bytes.`, c);
        c.pull = undefined;
        c.waiting = undefined;
        c.phase = 'pulled';
        break;
      }
      case 'pulled': {
        const problem = configError(pod, spec, ctx.store);
        if (problem !== undefined) {
          event('Warning', 'Failed', `Error: ${problem}`, c);
          c.waiting = { reason: 'CreateContainerConfigError', message: problem };
          c.phase = 'waiting';
          c.retryAt = resync(env, c);
          return c.retryAt;
        }
        c.waiting = undefined;
        c.containerID = containerdID(ctx.rng);
        event('Normal', 'Created', text(CREATED, c.name), c);
        // A restart creates and starts in the same sync; a first start has the runtime's create latency.
        c.startAt = c.restartCount > 0 ? now : now + jitter(ctx.rng, TIMINGS.createMs);
        c.phase = 'created';
        break;
      }
      case 'created': {
        const startAt = c.startAt!;
        if (now < startAt) return startAt;
        // Started: the time is of no further use (a boxed number less per container).
        c.startAt = undefined;
        start(c, spec, env);
        if (c.proc!.exit?.reason === 'StartError') {
          event('Warning', 'Failed', `Error: ${c.proc!.exit.message}`, c);
        } else event('Normal', 'Started', text(STARTED, c.name), c);
        break;
      }
      case 'running': {
        const proc = c.proc!;
        if (c.stopping && now >= c.stopping.at) {
          proc.advance(c.stopping.at);
          proc.kill(c.stopping.at, c.stopping.code, c.stopping.reason === 'Completed' ? 'Completed' : 'Error');
        } else proc.advance(now);
        const exit = proc.exit;
        if (!exit) return Math.min(proc.nextWake(), c.stopping?.at ?? Infinity);
        c.terminated = { exitCode: exit.code, reason: exit.reason, message: exit.message, startedAt: c.startedAt, finishedAt: exit.at, containerID: c.containerID };
        c.stopping = undefined;
        setReady(c, false);
        c.phase = 'exited';
        // The sync that finds the container dead reports it so (Error, Completed) before it restarts it.
        if (shouldRestart(policy, exit.code) && !env.rt.terminal) return now + 1;
        break;
      }
      case 'exited': {
        const t = c.terminated!;
        if (!shouldRestart(policy, t.exitCode) || env.rt.terminal) return Infinity;
        const key = `${pod.metadata.uid}_${c.init ? 'init:' : ''}${c.name}`;
        if (env.crashBackoff.isInBackOffSince(key, t.finishedAt, now)) {
          const delay = env.crashBackoff.get(key);
          event('Warning', 'BackOff', crashBackOffMessage(c, pod), c);
          c.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${podDesc(pod)}` };
          c.phase = 'waiting';
          c.retryAt = t.finishedAt + delay;
          return Math.min(c.retryAt, resync(env, c));
        }
        env.crashBackoff.next(key, t.finishedAt);
        restart(c);
        break;
      }
      case 'waiting': {
        if (now < (c.retryAt ?? 0)) {
          if (c.waiting?.reason !== 'CrashLoopBackOff') return c.retryAt!;
          // doBackOff: every sync within the back-off records BackOff again.
          event('Warning', 'BackOff', crashBackOffMessage(c, pod), c);
          return Math.min(c.retryAt!, resync(env, c));
        }
        if (c.waiting?.reason === 'CrashLoopBackOff') {
          const t = c.terminated!;
          env.crashBackoff.next(`${pod.metadata.uid}_${c.init ? 'init:' : ''}${c.name}`, t.finishedAt);
          restart(c);
        } else c.phase = 'pulled';
        break;
      }
    }
  }
  return now + 1;
}

/** Whether the node has the image `ref` (a pulled image stays: the last reference found is remembered). */
function isPresent(node: NodeRuntime, ref: ImageRef): boolean {
  if (node.presentRef === ref) return true;
  if (!node.images.has(ref.full)) return false;
  node.presentRef = ref;
  return true;
}

/** A new run of an exited container: the old one becomes lastState, the image is checked again. */
function restart(c: ContainerRuntime): void {
  c.last = c.terminated;
  c.terminated = undefined;
  c.prevProc = c.proc;
  c.proc = undefined;
  c.waiting = undefined;
  c.restartCount++;
  c.phase = 'pending';
}

function start(c: ContainerRuntime, spec: Container, env: StepEnv): void {
  const { pod, node, now } = env;
  c.proc = new ContainerProcess(new ContainerContext(imageProfile(c.ref)!, pod, spec, env.rt.ip ?? '', c.init, c.adopted?.startedAt ?? now, node, env.serviceEnv(pod), env.ctx, env.state));
  c.proc.advance(now);
  c.phase = 'running';
  const adopted = c.adopted;
  c.probes = adopted ? freshProbeState(spec) : startedProbeState(spec);
  c.lastRun = NO_RUNS;
  c.lastGateAt = undefined;
  if (adopted) {
    // A container that was already running keeps its start time (its process's) and its last probe results.
    c.probes.ready = adopted.ready;
    c.probes.started = adopted.started;
    c.probes.readinessProbed = true;
    c.lastRun = [now, now, now];
    c.adopted = undefined;
  }
  c.dropIdleExtras();
}

/**
 * How a container stopped at `from` ends: SIGTERM, and the image's process
 * exits after its stop time (with its exit code), or SIGKILL (137) at the
 * deadline when it takes longer or ignores SIGTERM.
 */
export function stopPlan(c: ContainerRuntime, from: number, deadline: number): NonNullable<ContainerRuntime['stopping']> {
  const profile = imageProfile(c.ref);
  const stopMs = profile?.stopMs ?? 300;
  const code = profile?.stopExitCode ?? 0;
  return from + stopMs < deadline ? { at: from + stopMs, code, reason: code === 0 ? 'Completed' : 'Error' } : { at: deadline, code: 137, reason: 'Error' };
}

/** Messages every pod's containers repeat, one string each (the event log keeps them for an hour). */
const PRESENT = { cache: new Map<string, string>(), build: (image: string) => `Container image "${image}" already present on machine` };
const CREATED = { cache: new Map<string, string>(), build: (name: string) => `Created container: ${name}` };
const STARTED = { cache: new Map<string, string>(), build: (name: string) => `Started container ${name}` };

function text(kind: { cache: Map<string, string>; build: (v: string) => string }, value: string): string {
  let s = kind.cache.get(value);
  if (s === undefined) {
    s = flat(kind.build(value));
    if (kind.cache.size < 10_000) kind.cache.set(value, s);
  }
  return s;
}

function rpcError(e: { code: string; message: string }): string {
  return `rpc error: code = ${e.code} desc = ${e.message}`;
}
