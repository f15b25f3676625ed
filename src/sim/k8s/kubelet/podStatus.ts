import type { ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { flat } from '../../../lib/flat';
import { toTimestamp } from '../../engine/clock';
import { imageID } from '../images/imageRef';
import { getPhase } from './getPhase';
import { sharedPodCondition } from '../api/sharedCondition';
import type { ContainerRuntime, PodRuntime, Termination } from './runtime';

const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'];

function termination(t: Termination): NonNullable<ContainerStatus['state']>['terminated'] {
  const out: NonNullable<NonNullable<ContainerStatus['state']>['terminated']> = { exitCode: t.exitCode, reason: t.reason };
  if (t.message) out.message = t.message;
  if (t.startedAt !== undefined) out.startedAt = toTimestamp(t.startedAt);
  out.finishedAt = toTimestamp(t.finishedAt);
  if (t.containerID) out.containerID = t.containerID;
  return out;
}

function containerStatus(c: ContainerRuntime, specImage: string, initializing: boolean): ContainerStatus {
  const pulled = c.phase !== 'pending' && c.phase !== 'pulling' || c.restartCount > 0 || c.last !== undefined;
  const s: ContainerStatus = {
    name: c.name,
    image: pulled ? c.ref.full : specImage,
    imageID: pulled ? imageID(c.ref) : '',
    ready: false,
    restartCount: c.restartCount,
    started: false,
    state: { waiting: { reason: initializing ? 'PodInitializing' : 'ContainerCreating' } },
    lastState: {},
  };
  // Waiting to restart, the run that just ended is lastState (as the kubelet reports it).
  const previous = c.phase === 'waiting' && c.terminated ? c.terminated : c.last;
  if (previous) s.lastState = { terminated: termination(previous) };
  if (c.containerID) s.containerID = c.containerID;
  if (c.phase === 'running') {
    s.state = { running: { startedAt: toTimestamp(c.startedAt!) } };
    s.started = c.probes.started;
    s.ready = c.probes.ready;
  } else if (c.phase === 'exited' && c.terminated) {
    s.state = { terminated: termination(c.terminated) };
  } else if (c.waiting) {
    s.state = { waiting: c.waiting.message ? { reason: c.waiting.reason, message: c.waiting.message } : { reason: c.waiting.reason } };
  }
  return s;
}

function statusesOf(list: ContainerRuntime[], specs: readonly { image?: string }[], initializing: boolean): ContainerStatus[] {
  return list.map((c, i) => {
    const k = c.lastStatusKey;
    if (c.lastStatus && k && k.phase === c.phase && k.restarts === c.restartCount && k.waiting === c.waiting && k.ready === c.probes.ready && k.started === c.probes.started && k.initializing === initializing && k.terminated === c.terminated) return c.lastStatus;
    c.lastStatus = containerStatus(c, specs[i]?.image ?? '', initializing);
    // The key is the kubelet's own record (never stored in the API): updated in place.
    if (!k) c.lastStatusKey = { phase: c.phase, restarts: c.restartCount, waiting: c.waiting, ready: c.probes.ready, started: c.probes.started, initializing, terminated: c.terminated };
    else {
      k.phase = c.phase;
      k.restarts = c.restartCount;
      k.waiting = c.waiting;
      k.ready = c.probes.ready;
      k.started = c.probes.started;
      k.initializing = initializing;
      k.terminated = c.terminated;
    }
    return c.lastStatus;
  });
}

function condition(type: string, ok: boolean, old: PodCondition[] | undefined, now: number, reason?: string, message?: string): PodCondition {
  const status = ok ? 'True' : 'False';
  const prev = old?.find((c) => c.type === type);
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
export function buildPodStatus(pod: Pod, rt: PodRuntime, hostIP: string, now: number, terminal = false): PodStatus {
  const spec = pod.spec!;
  const old = pod.status ?? {};
  const initStatuses = rt.initContainers.length ? statusesOf(rt.initContainers, spec.initContainers ?? [], false) : undefined;
  // A sidecar counts as initialized once started; once the pod is initialized, for good.
  const pendingInit = rt.initialized || rt.initContainers.length === 0 ? NONE : rt.initContainers.filter((c) => (isSidecarIn(spec, c) ? !(c.phase === 'running' && c.probes.started) : !(c.phase === 'exited' && c.terminated?.exitCode === 0))).map((c) => c.name);
  const initializing = pendingInit.length > 0;
  const statuses = statusesOf(rt.containers, spec.containers, initializing);
  // Sidecars count for readiness, listed first (generateContainersReadyCondition).
  const unready: string[] = [];
  if (initStatuses) for (let i = 0; i < initStatuses.length; i++) if (isSidecarIn(spec, rt.initContainers[i]) && !initStatuses[i].ready) unready.push(initStatuses[i].name);
  for (const s of statuses) if (!s.ready) unready.push(s.name);
  const sandboxReady = rt.ip !== undefined;
  const unreadyMessage = unready.length ? unreadyText(unready.join(' ')) : undefined;
  const kubeletOwned = [
    condition('PodReadyToStartContainers', sandboxReady, old.conditions, now),
    condition('Initialized', !initializing, old.conditions, now, 'ContainersNotInitialized', initializing ? flat(`containers with incomplete status: [${pendingInit.join(' ')}]`) : undefined),
    condition('Ready', unready.length === 0, old.conditions, now, 'ContainersNotReady', unreadyMessage),
    condition('ContainersReady', unready.length === 0, old.conditions, now, 'ContainersNotReady', unreadyMessage),
  ];
  // `concat` sizes the array exactly (`push` would leave 16 spare slots in every stored pod).
  const others = old.conditions?.filter((c) => !KUBELET_CONDITIONS.includes(c.type));
  const conditions: PodCondition[] = others?.length ? kubeletOwned.concat(others) : kubeletOwned;
  // Unchanged parts keep their objects across writes (less garbage, cheaper comparisons).
  const hostIPs = old.hostIP === hostIP && old.hostIPs ? old.hostIPs : hostIPsOf(hostIP);
  let phase = initializing ? initPhase(spec.restartPolicy, rt) : getPhase(spec.restartPolicy, statuses, terminal);
  // A sidecar still up keeps a pod whose app containers are done Running (getPhase counts it as running).
  if ((phase === 'Succeeded' || phase === 'Failed') && rt.initContainers.length > 0 && rt.initContainers.some((c) => isSidecarIn(spec, c) && (c.phase === 'running' || c.stopping))) phase = 'Running';
  if (rt.terminal) phase = 'Failed';
  const status: PodStatus = {
    phase,
    conditions,
    hostIP,
    hostIPs,
    startTime: old.startTime ?? toTimestamp(rt.admittedAt),
  };
  if (rt.terminal?.reason) {
    status.reason = rt.terminal.reason;
    status.message = rt.terminal.message;
  }
  if (initStatuses) status.initContainerStatuses = sameItems(old.initContainerStatuses, initStatuses) ? old.initContainerStatuses : initStatuses;
  status.containerStatuses = sameItems(old.containerStatuses, statuses) ? old.containerStatuses : statuses;
  status.qosClass = old.qosClass;
  if (rt.ip) {
    status.podIP = rt.ip;
    status.podIPs = old.podIP === rt.ip && old.podIPs ? old.podIPs : [{ ip: rt.ip }];
  }
  return status;
}

const hostIPLists = new Map<string, { ip: string }[]>();

/** `status.hostIPs` for a node's address: one frozen list per node, shared by its pods. */
function hostIPsOf(hostIP: string): { ip: string }[] {
  let list = hostIPLists.get(hostIP);
  if (list === undefined) {
    list = Object.freeze([Object.freeze({ ip: hostIP })]) as { ip: string }[];
    if (hostIPLists.size >= 10_000) hostIPLists.clear();
    hostIPLists.set(hostIP, list);
  }
  return list;
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
