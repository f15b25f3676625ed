import type { ContainerStatus, Node, NodeCondition, PodCondition } from 'kubernetes-types/core/v1';
import { flat } from '../../../lib/flat';
import { toMicroTimestamp, toTimestamp } from '../../engine/clock';
import { objectKey } from '../../engine/store';
import type { ApiClient } from '../api/client';
import type { KubeObject } from '../api/types';
import type { K8sContext } from '../controllers/context';
import { imageDigest, parseImageRef } from '../images/imageRef';
import type { NodeRuntime } from './runtime';
import { forget, type KubeletState, type PodObj } from './syncPod';
import { eventSubject } from './eventSubject';
import { TIMINGS } from './timings';

type NodeObj = KubeObject & Node;

const MAX_NODE_IMAGES = 50;

/** The options of a Lease renewal (one object for the 5,000 nodes renewing every 10 s; the API server only reads it). */
const TRUSTED = Object.freeze({ trusted: true });

/**
 * The kubelet's node-level loop of the node runtime `rt` (undefined: the
 * node is gone): renew the node's Lease every 10 s (the cheap heartbeat),
 * and write the node status when something changed (the image list after a
 * pull) or at least every 5 minutes. A powered-off node does nothing at all;
 * the first tick after power-on is the kubelet's start-up (`boot`). It wakes
 * again under `wakeKey`, the queue key `node:<name>` it ran with (reused:
 * 5,000 nodes tick every 10 s). A node has a runtime exactly while its Node
 * object exists (the kubelet's node watch adds and drops it as the store
 * writes): the Node itself is read only when its status is written.
 */
export function tickNode(rt: NodeRuntime | undefined, ctx: K8sContext, state: KubeletState, wakeKey: string): void {
  if (!rt || rt.stopped) return;
  const name = rt.name;
  const api = (rt.client ??= ctx.clientAs(rt.actor));
  const now = ctx.clock.now();
  const lease = ctx.store.get<KubeObject>('leases.coordination.k8s.io', rt.leaseKey);
  if (lease) api.update({ ...lease, spec: { ...(lease.spec as object), renewTime: renewTime(now) } }, TRUSTED);
  if (rt.booting || rt.imagesChanged || now - rt.lastStatusReport >= TIMINGS.nodeStatusReportMs) {
    const node = ctx.store.get<NodeObj>('nodes', name);
    if (node && rt.booting) boot(node, rt, ctx, state);
    else if (node) reportStatus(node, rt, api, now);
  }
  ctx.wakeAfter(wakeKey, TIMINGS.leaseRenewMs);
}

/** The node status every 5 minutes, or when the image list changed: conditions heartbeated now, the images. */
function reportStatus(node: NodeObj, rt: NodeRuntime, api: ApiClient, now: number): void {
  const ts = toTimestamp(now);
  const conditions = (node.status?.conditions ?? []).map((c: NodeCondition) => ({ ...c, lastHeartbeatTime: ts }));
  const status = { ...node.status, conditions, images: nodeImages(rt.images) };
  api.updateStatus({ ...node, status });
  rt.imagesChanged = false;
  rt.lastStatusReport = now;
}

let renewAt = NaN;
let renewStamp = '';

/** `renewTime` of a Lease renewed at `now`: one flat string for the Leases renewed at the same instant (nodes tick together). */
function renewTime(now: number): string {
  if (now !== renewAt) {
    renewAt = now;
    renewStamp = flat(toMicroTimestamp(now));
  }
  return renewStamp;
}

/** Powers a node's machine off: from now on its kubelet renews nothing, reports nothing and syncs no pod. */
export function powerOff(rt: NodeRuntime, now: number): boolean {
  if (rt.stopped) return false;
  rt.stopped = true;
  rt.booting = false;
  rt.stoppedAt = now;
  return true;
}

/** Powers a node's machine on: its next tick is the kubelet's start-up. */
export function powerOn(rt: NodeRuntime): boolean {
  if (!rt.stopped) return false;
  rt.stopped = false;
  rt.booting = true;
  return true;
}

/** The healthy node conditions the kubelet's setters post, in setter order, with the event each transition records. */
const HEALTHY: readonly { type: string; status: string; reason: string; message: string; event: string }[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', event: 'NodeHasSufficientMemory' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', event: 'NodeHasSufficientPID' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', event: 'NodeReady' },
];

/**
 * The kubelet starting on a rebooted machine: its start-up events, a new
 * boot ID (`Rebooted`), fresh node conditions (each transition recorded as
 * `Node x status is now: …`), then every pod bound to the node is synced
 * again — containers that were running are restarted, pods deleted while the
 * node was down are finished off.
 */
function boot(node: NodeObj, rt: NodeRuntime, ctx: K8sContext, state: KubeletState): void {
  const now = ctx.clock.now();
  const ts = toTimestamp(now);
  const name = rt.name;
  const host = name;
  rt.booting = false;
  // Pulls in flight died with the machine; pulled images are on disk.
  rt.pulling.clear();
  rt.pullBusyUntil = now;
  ctx.event(node, 'Normal', 'Starting', 'Starting kubelet.', { host });
  ctx.event(node, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', { host });
  const bootID = ctx.rng.uuid();
  ctx.event(node, 'Warning', 'Rebooted', `Node ${name} has been rebooted, boot id: ${bootID}`, { host });
  const conditions: NodeCondition[] = (node.status?.conditions ?? []).map((c) => ({ ...c, lastHeartbeatTime: ts }));
  for (const want of HEALTHY) {
    const i = conditions.findIndex((c) => c.type === want.type);
    const next: NodeCondition = { type: want.type, status: want.status, lastHeartbeatTime: ts, lastTransitionTime: ts, reason: want.reason, message: want.message };
    if (i >= 0 && conditions[i].status === want.status) continue;
    if (i >= 0) conditions[i] = next;
    else conditions.push(next);
    ctx.event(node, 'Normal', want.event, `Node ${name} status is now: ${want.event}`, { host });
  }
  const status = { ...node.status, conditions, images: nodeImages(rt.images), nodeInfo: { ...node.status?.nodeInfo, bootID } };
  ctx.clientAs(rt.actor).updateStatus({ ...node, status } as KubeObject);
  rt.imagesChanged = false;
  rt.lastStatusReport = now;
  restartPods(rt, ctx, state);
}

/**
 * After a reboot no container runs: the runtime forgets every pod of the
 * node; pods whose containers were running are reported as exited
 * (exit code 255, reason `Unknown`, as after a real reboot) and get a new
 * sandbox; every pod bound to the node is then synced again.
 */
function restartPods(rt: NodeRuntime, ctx: K8sContext, state: KubeletState): void {
  const stoppedAt = toTimestamp(rt.stoppedAt ?? ctx.clock.now());
  const keys: string[] = [];
  for (const prt of state.pods.values()) if (prt.node === rt.name) keys.push(prt.key);
  for (const key of keys) {
    const prt = state.pods.get(key);
    if (prt) forget(prt, state);
  }
  const api = ctx.clientAs(rt.actor);
  for (const pod of ctx.store.listByIndex<PodObj>('pods', 'spec.nodeName', rt.name)) {
    const key = objectKey(pod.metadata.namespace, pod.metadata.name);
    if (!keys.includes(key)) keys.push(key);
    const phase = pod.status?.phase;
    const statuses = pod.status?.containerStatuses ?? [];
    if (pod.metadata.deletionTimestamp || phase === 'Succeeded' || phase === 'Failed' || !statuses.some((s) => s.state?.running)) continue;
    ctx.event(eventSubject(pod), 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.', { host: rt.name });
    const containerStatuses = statuses.map((s) => exitedByReboot(s, stoppedAt));
    const unready = `containers with unready status: [${containerStatuses.map((s) => s.name).join(' ')}]`;
    const conditions = (pod.status?.conditions ?? []).map((c) => rebootCondition(c, toTimestamp(ctx.clock.now()), unready));
    api.updateStatus({ ...pod, status: { ...pod.status, conditions, containerStatuses } });
  }
  for (const key of keys) ctx.wakeAfter(key, 0);
}

/** A container that was running when the machine went down: exited, 255, `Unknown`; it restarts. */
function exitedByReboot(s: ContainerStatus, finishedAt: string): ContainerStatus {
  if (!s.state?.running) return s;
  return {
    ...s,
    ready: false,
    started: false,
    restartCount: (s.restartCount ?? 0) + 1,
    state: { terminated: { exitCode: 255, reason: 'Unknown', startedAt: s.state.running.startedAt, finishedAt, containerID: s.containerID } },
    lastState: {},
  };
}

function rebootCondition(c: PodCondition, now: string, unready: string): PodCondition {
  if (c.type === 'PodReadyToStartContainers') return c.status === 'False' ? c : { ...c, status: 'False', lastTransitionTime: now };
  if (c.type !== 'Ready' && c.type !== 'ContainersReady') return c;
  if (c.status === 'False' && c.reason === 'ContainersNotReady') return c;
  return { ...c, status: 'False', lastTransitionTime: c.status === 'False' ? c.lastTransitionTime : now, reason: 'ContainersNotReady', message: unready };
}

/** `status.images`: largest first, at most 50, each with its digest and tag names. */
export function nodeImages(images: Map<string, number>): { names: string[]; sizeBytes: number }[] {
  return [...images.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_NODE_IMAGES)
    .map(([full, sizeBytes]) => {
      const ref = parseImageRef(full);
      return { names: [`${ref.name}@${imageDigest(ref.full)}`, full], sizeBytes };
    });
}
