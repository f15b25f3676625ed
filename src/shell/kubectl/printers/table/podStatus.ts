import type { Container, ContainerStatus, PodCondition, PodSpec, PodStatus } from 'kubernetes-types/core/v1';
import { parseTimestamp, type KubeObject } from '../../../../sim/k8s/index';
import { humanDuration } from '../../../../lib/duration';

/**
 * The READY, STATUS and RESTARTS cells of `kubectl get pods`, ported from
 * `printPod` in `pkg/printers/internalversion/printers.go` (init containers,
 * sidecars, Completed-but-running, Terminating, NodeLost → Unknown).
 */
export interface PodCells {
  ready: string;
  status: string;
  restarts: string;
}

const isRestartable = (c: Container | undefined) => c?.restartPolicy === 'Always';

function conditionTrue(conditions: PodCondition[] | undefined, type: string): boolean {
  for (const c of conditions ?? []) if (c.type === type) return c.status === 'True';
  return false;
}

function hasPodReadyCondition(conditions: PodCondition[] | undefined): boolean {
  return (conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function finishedAt(status: ContainerStatus): number | undefined {
  const t = status.lastState?.terminated;
  return t ? (parseTimestamp(t.finishedAt) ?? 0) : undefined;
}

/** Computes the three cells for a pod at virtual time `now`. */
export function podCells(pod: KubeObject, now: number): PodCells {
  const spec = (pod.spec ?? {}) as PodSpec;
  const status = (pod.status ?? {}) as PodStatus;
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart = 0;
  let lastRestartableInitRestart = 0;

  const phase = status.phase ?? '';
  let reason: string = phase;
  if (status.reason) reason = status.reason;
  for (const c of status.conditions ?? []) if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';

  const initContainers = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartable(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i];
    restarts += container.restartCount ?? 0;
    const fin = finishedAt(container);
    if (fin !== undefined && lastRestart < fin) lastRestart = fin;
    const restartable = isRestartable(initContainers.get(container.name));
    if (restartable) {
      restartableInitRestarts += container.restartCount ?? 0;
      if (fin !== undefined && lastRestartableInitRestart < fin) lastRestartableInitRestart = fin;
    }
    const term = container.state?.terminated;
    const wait = container.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (restartable && container.started) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      else reason = `Init:${term.reason}`;
      initializing = true;
    } else if (wait && wait.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
      initializing = true;
    }
    break;
  }

  if (!initializing || conditionTrue(status.conditions, 'Initialized')) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i];
      restarts += container.restartCount ?? 0;
      const fin = finishedAt(container);
      if (fin !== undefined && lastRestart < fin) lastRestart = fin;
      const wait = container.state?.waiting;
      const term = container.state?.terminated;
      if (wait && wait.reason) reason = wait.reason;
      else if (term && term.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (container.ready && container.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // back to "Running" if a container is still reporting as running
    if (reason === 'Completed' && hasRunning) reason = hasPodReadyCondition(status.conditions) ? 'Running' : 'NotReady';
  }

  const deleting = pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
  if (deleting && status.reason === 'NodeLost') reason = 'Unknown';
  else if (deleting && phase !== 'Failed' && phase !== 'Succeeded') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== 0) restartsText = `${restarts} (${humanDuration(now - lastRestart)} ago)`;

  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

/** The pod STATUS cell (`printPod`), for the UI and lessons. */
export function podStatusText(pod: KubeObject, now: number): string {
  return podCells(pod, now).status;
}
