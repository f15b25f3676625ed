import type { ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { flat } from '../../../lib/flat';
import { toTimestamp } from '../../engine/clock';
import { imageID } from '../images/imageRef';
import { getPhase } from './getPhase';
import type { ContainerRuntime, PodRuntime } from './runtime';

const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'];

function containerStatus(c: ContainerRuntime, specImage: string): ContainerStatus {
  const s: ContainerStatus = {
    name: c.name,
    image: c.phase === 'pending' || c.phase === 'pulling' ? specImage : c.ref.full,
    imageID: c.phase === 'pending' || c.phase === 'pulling' ? '' : imageID(c.ref),
    ready: false,
    restartCount: c.restartCount,
    started: false,
    state: { waiting: { reason: 'ContainerCreating' } },
    lastState: {},
  };
  if (c.containerID) s.containerID = c.containerID;
  if (c.phase === 'running') {
    s.state = { running: { startedAt: toTimestamp(c.startedAt!) } };
    s.started = true;
    s.ready = true;
  } else if (c.phase === 'exited') {
    s.state = {
      terminated: {
        exitCode: c.exitCode ?? 0,
        reason: c.exitReason ?? (c.exitCode ? 'Error' : 'Completed'),
        startedAt: c.startedAt !== undefined ? toTimestamp(c.startedAt) : undefined,
        finishedAt: toTimestamp(c.finishedAt ?? c.exitAt!),
        containerID: c.containerID,
      },
    };
  }
  return s;
}

function condition(type: string, ok: boolean, old: PodCondition[] | undefined, now: number, reason?: string, message?: string): PodCondition {
  const status = ok ? 'True' : 'False';
  const prev = old?.find((c) => c.type === type);
  // Unchanged conditions keep their object: less garbage, and equality checks short-circuit.
  if (prev && prev.status === status && (ok || (prev.reason === reason && prev.message === message))) return prev;
  const c: PodCondition = { type, status, lastProbeTime: null as unknown as string, lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : toTimestamp(now) };
  if (!ok && reason) {
    c.reason = reason;
    c.message = message;
  }
  return c;
}

/**
 * The status the kubelet reports for a pod (`generateAPIPodStatus`): phase,
 * the kubelet-owned conditions (kept in its order, other conditions such as
 * PodScheduled after them), IPs, start time and container statuses.
 */
export function buildPodStatus(pod: Pod, rt: PodRuntime, hostIP: string, now: number, terminal = false): PodStatus {
  const spec = pod.spec!;
  const old = pod.status ?? {};
  const statuses = rt.containers.map((c, i) => {
    const signature = `${c.phase}/${c.restartCount}`;
    if (c.lastStatus && c.lastStatusSignature === signature) return c.lastStatus;
    c.lastStatus = containerStatus(c, spec.containers[i]?.image ?? '');
    c.lastStatusSignature = signature;
    return c.lastStatus;
  });
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const sandboxReady = rt.ip !== undefined;
  const unreadyMessage = unready.length ? flat(`containers with unready status: [${unready.join(' ')}]`) : undefined;
  const conditions: PodCondition[] = [
    condition('PodReadyToStartContainers', sandboxReady, old.conditions, now),
    condition('Initialized', true, old.conditions, now),
    condition('Ready', unready.length === 0, old.conditions, now, 'ContainersNotReady', unreadyMessage),
    condition('ContainersReady', unready.length === 0, old.conditions, now, 'ContainersNotReady', unreadyMessage),
  ];
  for (const c of old.conditions ?? []) if (!KUBELET_CONDITIONS.includes(c.type)) conditions.push(c);
  // Unchanged parts keep their objects across writes (less garbage, cheaper comparisons).
  const hostIPs = old.hostIP === hostIP && old.hostIPs ? old.hostIPs : [{ ip: hostIP }];
  const status: PodStatus = {
    phase: getPhase(spec.restartPolicy, statuses, terminal),
    conditions,
    hostIP,
    hostIPs,
    startTime: old.startTime ?? toTimestamp(rt.admittedAt),
    containerStatuses: sameItems(old.containerStatuses, statuses) ? old.containerStatuses : statuses,
    qosClass: old.qosClass,
  };
  if (rt.ip) {
    status.podIP = rt.ip;
    status.podIPs = old.podIP === rt.ip && old.podIPs ? old.podIPs : [{ ip: rt.ip }];
  }
  return status;
}

function sameItems<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
