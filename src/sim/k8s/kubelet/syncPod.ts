import type { Pod } from 'kubernetes-types/core/v1';
import { goDuration } from '../../../lib/duration';
import { flat } from '../../../lib/flat';
import { parseTimestamp } from '../../engine/clock';
import { deepEqual } from '../api/objectDiff';
import type { KubeObject } from '../api/types';
import type { K8sContext } from '../controllers/context';
import { imageProfile } from '../images/catalog';
import { parseImageRef } from '../images/imageRef';
import { allocatePodIP, releasePodIP, reservePodIP } from './ipam';
import { buildPodStatus } from './podStatus';
import type { ContainerRuntime, NodeRuntime, PodRuntime } from './runtime';
import { TIMINGS, jitter } from './timings';

export type PodObj = KubeObject & Pod;

export interface KubeletState {
  nodes: Map<string, NodeRuntime>;
  pods: Map<string, PodRuntime>;
}

/**
 * One step of the kubelet's `syncPod` for a pod bound to a node: admit it,
 * set up the sandbox and IP, pull images (serialised per node, cached),
 * create and start containers, stop them when the pod is deleted, and
 * report status. Advances the pod as far as the current virtual time
 * allows, then asks to be woken at the next due step.
 */
export function syncPod(key: string, ctx: K8sContext, state: KubeletState): void {
  const pod = ctx.store.get<PodObj>('pods', key);
  let rt = state.pods.get(key);
  if (rt && (!pod || pod.metadata.uid !== rt.uid)) {
    forget(rt, state);
    rt = undefined;
  }
  if (!pod || !pod.spec?.nodeName) return;
  const node = state.nodes.get(pod.spec.nodeName);
  if (!node) return;
  const now = ctx.clock.now();
  const host = node.name;
  const api = ctx.clientAs(node.actor);
  const event = (type: 'Normal' | 'Warning', reason: string, message: string, container?: string) =>
    ctx.event(pod, type, reason, message, { host, fieldPath: container ? containerFieldPath(container) : undefined });

  if (pod.metadata.deletionTimestamp) {
    if (!rt) {
      api.delete('pods', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0, preconditionUid: pod.metadata.uid });
      return;
    }
    return terminate(pod, rt, node, ctx, state, event);
  }
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return;
  if (!rt) rt = admit(pod, key, node, ctx, state);

  let next = Infinity;
  if (!rt.ip) {
    if (now >= rt.sandboxAt) rt.ip = pod.spec.hostNetwork ? node.hostIP : allocatePodIP(node);
    else next = Math.min(next, rt.sandboxAt);
  }
  if (rt.ip) {
    for (let i = 0; i < rt.containers.length; i++) {
      const c = rt.containers[i];
      const spec = pod.spec.containers[i];
      next = Math.min(next, advanceContainer(c, spec.image ?? '', spec.imagePullPolicy, node, now, ctx, event));
    }
  }
  const status = buildPodStatus(pod, rt, node.hostIP, now);
  if (!deepEqual(status, pod.status)) api.updateStatus({ ...pod, status });
  if (next < Infinity) ctx.wakeAt(`pod:${key}`, next);
}

function admit(pod: PodObj, key: string, node: NodeRuntime, ctx: K8sContext, state: KubeletState): PodRuntime {
  const now = ctx.clock.now();
  // A pod already running before this kubelet (re)started: adopt its containers as they are.
  const running = pod.status?.phase === 'Running' && pod.status.podIP;
  const rt: PodRuntime = {
    uid: pod.metadata.uid!,
    key,
    node: node.name,
    admittedAt: running ? (parseTimestamp(pod.status!.startTime) ?? now) : now,
    sandboxAt: running ? now : now + jitter(ctx.rng, TIMINGS.sandboxMs),
    containers: pod.spec!.containers.map((c) => {
      const cs = pod.status?.containerStatuses?.find((s) => s.name === c.name);
      const rtc: ContainerRuntime = { name: c.name, ref: parseImageRef(c.image ?? ''), phase: 'pending', restartCount: cs?.restartCount ?? 0 };
      if (running && cs?.state?.running) {
        rtc.phase = 'running';
        rtc.startedAt = parseTimestamp(cs.state.running.startedAt) ?? now;
        rtc.containerID = cs.containerID;
      }
      return rtc;
    }),
  };
  if (running) {
    rt.ip = pod.status!.podIP;
    if (!pod.spec?.hostNetwork) reservePodIP(node, rt.ip!);
  }
  state.pods.set(key, rt);
  return rt;
}

const fieldPaths = new Map<string, string>();

/** `spec.containers{name}`, the event field path of a container (shared strings: few distinct names). */
function containerFieldPath(name: string): string {
  let p = fieldPaths.get(name);
  if (p === undefined) {
    p = flat(`spec.containers{${name}}`);
    if (fieldPaths.size < 10_000) fieldPaths.set(name, p);
  }
  return p;
}

type Emit = (type: 'Normal' | 'Warning', reason: string, message: string, container?: string) => void;

/** Moves one container along pull → create → start as far as `now` allows; returns its next due time. */
function advanceContainer(c: ContainerRuntime, image: string, policy: string | undefined, node: NodeRuntime, now: number, ctx: K8sContext, event: Emit): number {
  if (c.phase === 'pending') {
    const present = node.images.has(c.ref.full);
    if (present && policy !== 'Always') {
      event('Normal', 'Pulled', `Container image "${image}" already present on machine`, c.name);
      c.phase = 'pulled';
    } else {
      event('Normal', 'Pulling', `Pulling image "${image}"`, c.name);
      const profile = imageProfile(c.ref);
      // A pull queued behind another pull of the same image finds its layers present by the time it runs.
      const layersArrive = present || node.pulling.has(c.ref.full);
      const duration = layersArrive ? jitter(ctx.rng, TIMINGS.pullCachedMs) : jitter(ctx.rng, TIMINGS.pullLatencyMs) + Math.round((profile.sizeBytes / TIMINGS.pullBytesPerMs) * (0.85 + 0.3 * ctx.rng.next()));
      c.pullRequestedAt = now;
      c.pullStartAt = Math.max(now, node.pullBusyUntil);
      c.pullDoneAt = c.pullStartAt + duration;
      node.pullBusyUntil = c.pullDoneAt;
      node.pulling.set(c.ref.full, Math.max(node.pulling.get(c.ref.full) ?? 0, c.pullDoneAt));
      c.phase = 'pulling';
    }
  }
  if (c.phase === 'pulling') {
    if (now < c.pullDoneAt!) return c.pullDoneAt!;
    const size = imageProfile(c.ref).sizeBytes;
    if ((node.pulling.get(c.ref.full) ?? 0) <= now) node.pulling.delete(c.ref.full);
    if (!node.images.has(c.ref.full)) {
      node.images.set(c.ref.full, size);
      node.imagesChanged = true;
    }
    event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(c.pullDoneAt! - c.pullStartAt!)} (${goDuration(c.pullDoneAt! - c.pullRequestedAt!)} including waiting). Image size: ${size} bytes.`, c.name);
    c.phase = 'pulled';
  }
  if (c.phase === 'pulled') {
    c.containerID = flat(`containerd://${randomHex(ctx, 64)}`);
    event('Normal', 'Created', `Created container: ${c.name}`, c.name);
    c.startAt = now + jitter(ctx.rng, TIMINGS.createMs);
    c.phase = 'created';
  }
  if (c.phase === 'created') {
    if (now < c.startAt!) return c.startAt!;
    event('Normal', 'Started', `Started container ${c.name}`, c.name);
    c.startedAt = now;
    c.phase = 'running';
  }
  return Infinity;
}

function randomHex(ctx: K8sContext, n: number): string {
  return ctx.rng.hex(n);
}

/** Graceful termination: stop each container (SIGTERM, SIGKILL at the deadline), then remove the pod object. */
function terminate(pod: PodObj, rt: PodRuntime, node: NodeRuntime, ctx: K8sContext, state: KubeletState, event: Emit): void {
  const now = ctx.clock.now();
  const api = ctx.clientAs(node.actor);
  if (!rt.killing) {
    const deadline = parseTimestamp(pod.metadata.deletionTimestamp) ?? now;
    rt.killing = { startedAt: now, deadline };
    for (const c of rt.containers) {
      if (c.phase === 'running' || c.phase === 'created') {
        event('Normal', 'Killing', `Stopping container ${c.name}`, c.name);
        const stopMs = imageProfile(c.ref).stopMs;
        if (now + stopMs < deadline) {
          c.exitAt = now + stopMs;
          c.exitCode = 0;
          c.exitReason = 'Completed';
        } else {
          c.exitAt = deadline;
          c.exitCode = 137;
          c.exitReason = 'Error';
        }
      } else {
        c.exitAt = now;
      }
    }
  }
  let next = Infinity;
  let changed = false;
  for (const c of rt.containers) {
    if (c.phase === 'exited') continue;
    if (now >= c.exitAt!) {
      if (c.phase === 'running' || c.phase === 'created') {
        c.finishedAt = c.exitAt;
        c.phase = 'exited';
        changed = true;
      } else c.phase = 'exited';
    } else next = Math.min(next, c.exitAt!);
  }
  if (next < Infinity) {
    if (changed) writeStatus(pod, rt, node, ctx);
    ctx.wakeAt(`pod:${rt.key}`, next);
    return;
  }
  writeStatus(pod, rt, node, ctx, true);
  forget(rt, state);
  api.delete('pods', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0, preconditionUid: pod.metadata.uid });
}

function writeStatus(pod: PodObj, rt: PodRuntime, node: NodeRuntime, ctx: K8sContext, terminal = false): void {
  const current = ctx.store.get<PodObj>('pods', rt.key);
  if (!current) return;
  const status = buildPodStatus(current, rt, node.hostIP, ctx.clock.now(), terminal);
  if (!deepEqual(status, current.status)) ctx.clientAs(node.actor).updateStatus({ ...current, status });
}

/** Drops a pod from the runtime and frees its IP. */
export function forget(rt: PodRuntime, state: KubeletState): void {
  const node = state.nodes.get(rt.node);
  if (node && rt.ip && rt.ip !== node.hostIP) releasePodIP(node, rt.ip);
  state.pods.delete(rt.key);
}
