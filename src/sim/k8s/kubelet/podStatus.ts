import type { ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { flat } from '../../../lib/flat';
import { toTimestamp } from '../../engine/clock';
import { imageID } from '../images/imageRef';
import { sharedConditionList } from './conditionLists';
import { getPhase } from './getPhase';
import { pendingStatus, pendingStatusList } from './pendingStatus';
import { sharedPodCondition } from '../api/sharedCondition';
import { ephemeralStatuses } from './ephemeral';
import type { ContainerRuntime, PodRuntime, Termination } from './runtime';

function termination(t: Termination): NonNullable<ContainerStatus['state']>['terminated'] {
  const out: NonNullable<NonNullable<ContainerStatus['state']>['terminated']> = { exitCode: t.exitCode, reason: t.reason };
  if (t.message) out.message = t.message;
  if (t.startedAt !== undefined) out.startedAt = toTimestamp(t.startedAt);
  out.finishedAt = toTimestamp(t.finishedAt);
  if (t.containerID) out.containerID = t.containerID;
  return out;
}

type ContainerState = NonNullable<ContainerStatus['state']>;

/** States every container reports alike: shared, frozen objects (stored objects are never changed). */
const CREATING: ContainerState = Object.freeze({ waiting: Object.freeze({ reason: 'ContainerCreating' }) });
const INITIALIZING: ContainerState = Object.freeze({ waiting: Object.freeze({ reason: 'PodInitializing' }) });
const NO_LAST_STATE: ContainerState = Object.freeze({});

/** `state.running` of the containers started in the latest second seen (they start in waves). */
let runningSince = '';
let runningState: ContainerState = NO_LAST_STATE;

function runningAt(startedAt: number): ContainerState {
  const since = toTimestamp(startedAt);
  if (since !== runningSince) {
    runningSince = since;
    runningState = Object.freeze({ running: Object.freeze({ startedAt: since }) });
  }
  return runningState;
}

function containerStatus(c: ContainerRuntime, specImage: string, initializing: boolean): ContainerStatus {
  const pulled = c.phase !== 'pending' && c.phase !== 'pulling' || c.restartCount > 0 || c.last !== undefined;
  // Waiting to restart, the run that just ended is lastState (as the kubelet reports it).
  const previous = c.phase === 'waiting' && c.terminated ? c.terminated : c.last;
  const lastState = previous ? { terminated: termination(previous) } : NO_LAST_STATE;
  let state = initializing ? INITIALIZING : CREATING;
  let ready = false;
  let started = false;
  if (c.phase === 'running') {
    state = runningAt(c.startedAt!);
    started = c.probes.started;
    ready = c.probes.ready;
  } else if (c.phase === 'exited' && c.terminated) {
    state = { terminated: termination(c.terminated) };
  } else if (c.waiting) {
    state = { waiting: c.waiting.message ? { reason: c.waiting.reason, message: c.waiting.message } : { reason: c.waiting.reason } };
  }
  // Not pulled, not started, not waiting on an error: what every pod of a workload reports alike.
  if (!pulled && lastState === NO_LAST_STATE && (state === CREATING || state === INITIALIZING) && !c.containerID) return pendingStatus(c.name, specImage, state, initializing, lastState);
  const image = pulled ? c.ref.full : specImage;
  const id = pulled ? imageID(c.ref) : '';
  // One literal per shape (fields added later would need an extra backing store per object).
  return c.containerID
    ? { name: c.name, image, imageID: id, ready, restartCount: c.restartCount, started, state, lastState, containerID: c.containerID }
    : { name: c.name, image, imageID: id, ready, restartCount: c.restartCount, started, state, lastState };
}

/**
 * The container statuses of `list`: each container's last status while nothing it is built from
 * changed. When every item is the one `old` has, `old` itself (no new array).
 */
function statusesOf(list: ContainerRuntime[], specs: readonly { image?: string }[], initializing: boolean, old: ContainerStatus[] | undefined): ContainerStatus[] {
  let same = old !== undefined && old.length === list.length;
  for (let i = 0; i < list.length; i++) if (statusOf(list[i], specs[i]?.image ?? '', initializing) !== old?.[i]) same = false;
  if (same) return old!;
  return list.length === 1 ? (pendingStatusList(list[0].lastStatus!) ?? [list[0].lastStatus!]) : list.map(lastStatusOf);
}

const lastStatusOf = (c: ContainerRuntime): ContainerStatus => c.lastStatus!;

function statusOf(c: ContainerRuntime, specImage: string, initializing: boolean): ContainerStatus {
  const { phase, restartCount, waiting, terminated } = c;
  const { ready, started } = c.probes;
  // Restart count and flags in one number: exact (restart counts stay far below 2^50), one field instead of four per container.
  const key = restartCount * 8 + (ready ? 4 : 0) + (started ? 2 : 0) + (initializing ? 1 : 0);
  if (c.lastStatus !== undefined && c.statusPhase === phase && c.statusKey === key && c.statusWaiting === waiting && c.statusTerminated === terminated) return c.lastStatus;
  // The key is the kubelet's own record (never stored in the API): updated in place.
  c.statusPhase = phase;
  c.statusKey = key;
  c.statusWaiting = waiting;
  c.statusTerminated = terminated;
  return (c.lastStatus = containerStatus(c, specImage, initializing));
}

/** A kubelet-owned condition: `prev` (the pod's current one of that type) while it still holds. */
function condition(type: string, ok: boolean, prev: PodCondition | undefined, now: number, reason?: string, message?: string): PodCondition {
  const status = ok ? 'True' : 'False';
  // Unchanged conditions keep their object: less garbage, and equality checks short-circuit.
  if (prev && prev.status === status && (ok || (prev.reason === reason && prev.message === message))) return prev;
  const since = prev && prev.status === status ? prev.lastTransitionTime! : toTimestamp(now);
  return !ok && reason ? sharedPodCondition(type, status, since, reason, message) : sharedPodCondition(type, status, since);
}

const NONE: readonly string[] = Object.freeze([]);

const unreadyTexts = new Map<string, string>();

/** `containers with unready status: [names]`, one string per name list (every pod of a workload has the same). */
function unreadyText(names: string): string {
  let text = unreadyTexts.get(names);
  if (text === undefined) {
    text = flat(`containers with unready status: [${names}]`);
    if (unreadyTexts.size < 10_000) unreadyTexts.set(names, text);
  }
  return text;
}

function isSidecarIn(spec: Pod['spec'] & object, c: ContainerRuntime): boolean {
  return spec.initContainers?.[c.index]?.restartPolicy === 'Always';
}

/**
 * The status the kubelet reports for a pod (`generateAPIPodStatus`): phase,
 * the kubelet-owned conditions (kept in its order, other conditions such as
 * PodScheduled after them), IPs, start time and container statuses.
 */
export function buildPodStatus(pod: Pod, rt: PodRuntime, node: { hostIP: string; hostIPs: { ip: string }[] }, now: number, terminal = false): PodStatus {
  const hostIP = node.hostIP;
  const spec = pod.spec!;
  const old = pod.status ?? {};
  const nInit = rt.initContainers.length;
  const initStatuses = nInit ? statusesOf(rt.initContainers, spec.initContainers ?? [], false, undefined) : undefined;
  // A sidecar counts as initialized once started; once the pod is initialized, for good.
  const pendingInit = rt.initialized || nInit === 0 ? NONE : pendingInitNames(spec, rt);
  const initializing = pendingInit.length > 0;
  // The pod's current list while every container reports what it reported (then kept as is below).
  const statuses = statusesOf(rt.containers, spec.containers, initializing, old.containerStatuses);
  // Sidecars count for readiness, listed first (generateContainersReadyCondition): `a b c`, the names of the unready ones.
  let unreadyNames: string | undefined;
  if (initStatuses) {
    for (let i = 0; i < initStatuses.length; i++) {
      if (isSidecarIn(spec, rt.initContainers[i]) && !initStatuses[i].ready) unreadyNames = unreadyNames === undefined ? initStatuses[i].name : `${unreadyNames} ${initStatuses[i].name}`;
    }
  }
  for (let i = 0; i < statuses.length; i++) {
    const s = statuses[i];
    if (!s.ready) unreadyNames = unreadyNames === undefined ? s.name : `${unreadyNames} ${s.name}`;
  }
  const allReady = unreadyNames === undefined;
  const unreadyMessage = allReady ? undefined : unreadyText(unreadyNames!);
  // The pod's kubelet-owned conditions (the first of each type) and the others, in one pass.
  let sandboxPrev: PodCondition | undefined;
  let initializedPrev: PodCondition | undefined;
  let readyPrev: PodCondition | undefined;
  let containersReadyPrev: PodCondition | undefined;
  let other: PodCondition | undefined;
  let nOthers = 0;
  const oldConditions = old.conditions;
  if (oldConditions) {
    for (let i = 0; i < oldConditions.length; i++) {
      const c = oldConditions[i];
      switch (c.type) {
        case 'PodReadyToStartContainers':
          sandboxPrev ??= c;
          break;
        case 'Initialized':
          initializedPrev ??= c;
          break;
        case 'Ready':
          readyPrev ??= c;
          break;
        case 'ContainersReady':
          containersReadyPrev ??= c;
          break;
        default:
          if (nOthers++ === 0) other = c;
      }
    }
  }
  const c0 = condition('PodReadyToStartContainers', rt.ip !== undefined, sandboxPrev, now);
  const c1 = condition('Initialized', !initializing, initializedPrev, now, 'ContainersNotInitialized', initializing ? flat(`containers with incomplete status: [${pendingInit.join(' ')}]`) : undefined);
  const c2 = condition('Ready', allReady, readyPrev, now, 'ContainersNotReady', unreadyMessage);
  const c3 = condition('ContainersReady', allReady, containersReadyPrev, now, 'ContainersNotReady', unreadyMessage);
  // Sized exactly (`push` would leave 16 spare slots in every stored pod); the usual lists shared between pods.
  const conditions: PodCondition[] = nOthers <= 1 ? sharedConditionList(c0, c1, c2, c3, other) : [c0, c1, c2, c3].concat(othersOf(oldConditions!));
  // Unchanged parts keep their objects across writes (less garbage, cheaper comparisons).
  const hostIPs = old.hostIP === hostIP && old.hostIPs ? old.hostIPs : node.hostIPs;
  let phase = initializing ? initPhase(spec.restartPolicy, rt) : getPhase(spec.restartPolicy, statuses, terminal);
  // A sidecar still up keeps a pod whose app containers are done Running (getPhase counts it as running).
  if ((phase === 'Succeeded' || phase === 'Failed') && nInit > 0 && sidecarUp(spec, rt)) phase = 'Running';
  if (rt.terminal) phase = 'Failed';
  const startTime = old.startTime ?? toTimestamp(rt.admittedAt);
  // The usual shapes as one literal each (fields added later would need an extra backing store per status).
  if (!rt.terminal?.reason && !initStatuses && rt.ephemeral === undefined) {
    return rt.ip
      ? { phase, conditions, hostIP, hostIPs, startTime, containerStatuses: statuses, qosClass: old.qosClass, podIP: rt.ip, podIPs: old.podIP === rt.ip && old.podIPs ? old.podIPs : [{ ip: rt.ip }] }
      : { phase, conditions, hostIP, hostIPs, startTime, containerStatuses: statuses, qosClass: old.qosClass };
  }
  const status: PodStatus = { phase, conditions, hostIP, hostIPs, startTime };
  if (rt.terminal?.reason) {
    status.reason = rt.terminal.reason;
    status.message = rt.terminal.message;
  }
  if (initStatuses) status.initContainerStatuses = sameItems(old.initContainerStatuses, initStatuses) ? old.initContainerStatuses : initStatuses;
  status.containerStatuses = statuses;
  status.qosClass = old.qosClass;
  if (rt.ip) {
    status.podIP = rt.ip;
    status.podIPs = old.podIP === rt.ip && old.podIPs ? old.podIPs : [{ ip: rt.ip }];
  }
  const ephemeral = ephemeralStatuses(rt, spec.ephemeralContainers, old.ephemeralContainerStatuses, (c, image) => containerStatus(c, image, false));
  if (ephemeral) status.ephemeralContainerStatuses = ephemeral;
  return status;
}

const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'];

/** The conditions of others (PodScheduled, readiness gates …), in their order. */
function othersOf(conditions: PodCondition[]): PodCondition[] {
  return conditions.filter((c) => !KUBELET_CONDITIONS.includes(c.type));
}

// The closures live in helpers: one in buildPodStatus itself would make every call allocate a context for `spec`.

/** The init containers not done yet (a sidecar is done once started). */
function pendingInitNames(spec: Pod['spec'] & object, rt: PodRuntime): string[] {
  return rt.initContainers.filter((c) => (isSidecarIn(spec, c) ? !(c.phase === 'running' && c.probes.started) : !(c.phase === 'exited' && c.terminated?.exitCode === 0))).map((c) => c.name);
}

/** Whether a sidecar is still up (or being stopped). */
function sidecarUp(spec: Pod['spec'] & object, rt: PodRuntime): boolean {
  return rt.initContainers.some((c) => isSidecarIn(spec, c) && (c.phase === 'running' || c.stopping));
}

/** `status.hostIPs` for a node's address: made once per node (`NodeRuntime.hostIPs`), frozen, shared by its pods. */
export function hostIPsOf(hostIP: string): { ip: string }[] {
  return Object.freeze([Object.freeze({ ip: hostIP })]) as { ip: string }[];
}

/** Phase while init containers run: Pending, or Failed once one failed under restartPolicy Never. */
function initPhase(policy: string | undefined, rt: PodRuntime): 'Pending' | 'Failed' {
  if (policy === 'Never' && rt.initContainers.some((c) => c.phase === 'exited' && c.terminated && c.terminated.exitCode !== 0)) return 'Failed';
  return 'Pending';
}

function sameItems<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
