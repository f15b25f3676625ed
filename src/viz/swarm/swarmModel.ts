import { isTaskDirty, isTerminal, taskName, type SwarmNode, type SwarmService, type SwarmTask, type TaskState, type UpdateState } from '../../sim/swarm/index';
import type { PodLook } from '../model/podLook';
import { swarmText } from './swarmText';

/** What the Swarm drawing reads: the swarm's objects at one instant (the store's swarm snapshot). */
export interface SwarmSource {
  readonly nodes: readonly SwarmNode[];
  readonly services: readonly SwarmService[];
  readonly tasks: readonly SwarmTask[];
  /** IDs of nodes whose machine is powered off. */
  readonly stoppedNodes: readonly string[];
  readonly hasLeader: boolean;
  /** Hostnames of the machines beside the cluster that are not in the swarm (none when absent). */
  readonly outside?: readonly string[];
}

/** How long (virtual ms) a task that ended stays drawn (red, grey) before it fades out: Swarm's default restart delay. */
export const ENDED_LINGER_MS = 5000;

/** A task as drawn: its name (`web.2`), state, look and place. */
export interface TaskView {
  /** The task ID (stable). */
  readonly key: string;
  /** `web.2` (replicated) or `web.<nodeId>` (global), as `docker service ps` names it. */
  readonly name: string;
  readonly serviceKey: string;
  readonly slot: number;
  readonly state: TaskState;
  readonly desired: TaskState;
  /** The status color and second cue, shared with pods (UI.md's table). */
  readonly look: PodLook;
  /** How far a starting task has come (0..1: assigned → starting), for the filling outline. */
  readonly progress: number;
  /** The node it is assigned to (undefined while pending). */
  readonly nodeKey: string | undefined;
  /** Made from an older spec than the service's (a rolling update has not reached it yet). */
  readonly outdated: boolean;
  /** Ended (complete, shutdown, failed, rejected…): drawn a moment, then gone. */
  readonly ended: boolean;
  readonly error: string | undefined;
  /** Accessible name: begins with the task's name. */
  readonly label: string;
}

export interface NodeUsage {
  readonly reserved: number;
  readonly capacity: number;
}

export type ManagerStatus = 'Leader' | 'Reachable' | 'Unreachable';

/** A node box: hostname, role, Raft and dispatcher status, availability, reservations, its tasks. */
export interface SwarmNodeView {
  readonly key: string;
  readonly hostname: string;
  readonly role: 'manager' | 'worker';
  /** Managers only, as `docker node ls` writes it. */
  readonly managerStatus: ManagerStatus | undefined;
  /** `Ready`, `Down`, `Unknown`, `Disconnected`. */
  readonly status: string;
  /** `Active`, `Pause`, `Drain`. */
  readonly availability: string;
  readonly stopped: boolean;
  readonly cpu: NodeUsage;
  readonly memory: NodeUsage;
  /** Tasks drawn on this node, grouped by service (in service order), each group by slot. */
  readonly tasks: readonly TaskView[];
  /** Tasks that should run on the node (ended and stopping ones not counted). */
  readonly activeTasks: number;
  readonly label: string;
}

/** A rolling update in progress (or its outcome, until the next change). */
export interface UpdateView {
  readonly state: UpdateState;
  readonly updated: number;
  readonly total: number;
  readonly order: 'stop-first' | 'start-first';
  readonly parallelism: number;
  readonly message: string;
}

/** A service in the band: mode, replicas, image, published ports, its update. */
export interface SwarmServiceView {
  readonly key: string;
  readonly name: string;
  readonly mode: 'replicated' | 'global';
  readonly running: number;
  /** Replicated: the replicas asked for; global: the nodes it should run on (its tasks that should run). */
  readonly desired: number;
  readonly image: string;
  /** `8080:80/tcp` per published port (ingress, or host mode). */
  readonly ports: readonly { readonly published: number; readonly target: number; readonly protocol: string; readonly mode: 'ingress' | 'host' }[];
  readonly update: UpdateView | undefined;
  /** Index into the service palette: from the service's name, so it keeps its hue as others come and go. */
  readonly hue: number;
  readonly label: string;
}

export interface QuorumView {
  readonly hasLeader: boolean;
  readonly managers: number;
  readonly reachable: number;
  /** Managers needed for a majority. */
  readonly needed: number;
}

/** A Docker machine that is not in the swarm: added and never joined, or left and removed from the node list. */
export interface OutsideMachineView {
  readonly key: string;
  readonly hostname: string;
  readonly label: string;
}

export interface SwarmView {
  readonly nodes: readonly SwarmNodeView[];
  /** Machines outside the swarm, drawn after the nodes (a `docker swarm join` brings one in). */
  readonly machines: readonly OutsideMachineView[];
  readonly services: readonly SwarmServiceView[];
  /** Tasks no node holds yet (new, pending: the scheduler has not placed them). */
  readonly pending: readonly TaskView[];
  readonly quorum: QuorumView;
}

const CAP = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The fill of a starting task's outline: how far along SwarmKit's states it is. */
const PROGRESS: Partial<Record<TaskState, number>> = { assigned: 0.15, accepted: 0.3, preparing: 0.5, ready: 0.7, starting: 0.85 };

/**
 * A task's look: the pods' statuses, mapped from Swarm's task states.
 * @example taskLook({ state: 'running', desired: 'running' }, false) // 'ready'
 */
export function taskLook(task: Pick<SwarmTask, 'status' | 'desiredState'>, nodeDown: boolean): PodLook {
  const s = task.status.state;
  if (s === 'new' || s === 'allocated' || s === 'pending') return 'pending';
  if (s === 'complete') return 'completed';
  if (s === 'failed') return 'crash';
  if (s === 'rejected') return /image/i.test(task.status.err ?? '') ? 'imagePull' : 'failed';
  if (s === 'shutdown' || s === 'remove') return 'terminating';
  if (s === 'orphaned') return 'unknown';
  // Not ended: the node stopped reporting, so nobody knows.
  if (nodeDown) return 'unknown';
  if (task.desiredState !== 'running' && task.desiredState !== 'ready' && isTerminal(task.desiredState)) return 'terminating';
  if (s === 'running') return task.status.health === 'unhealthy' ? 'notReady' : 'ready';
  if (s === 'starting' && task.status.health === 'starting') return 'notReady';
  return 'creating';
}

/** Whether an ended task is still drawn (it ended less than ENDED_LINGER_MS ago). */
function lingers(task: SwarmTask, now: number): boolean {
  return now - task.status.timestamp < ENDED_LINGER_MS;
}

function compareTasks(order: ReadonlyMap<string, number>) {
  return (a: TaskView, b: TaskView) =>
    (order.get(a.serviceKey) ?? 0) - (order.get(b.serviceKey) ?? 0) || a.slot - b.slot || (a.ended === b.ended ? 0 : a.ended ? -1 : 1) || a.name.localeCompare(b.name);
}

/**
 * Maps the swarm to what the drawing shows: node boxes with their tasks,
 * services with their update, the pending tasks and the quorum. A task is
 * drawn while it should run or is still stopping, and for a moment after it
 * ended (a failure shows red before its replacement takes the slot).
 */
export function buildSwarmView(source: SwarmSource, now: number): SwarmView {
  const words = swarmText();
  const stopped = new Set(source.stoppedNodes);
  const hostOf = new Map(source.nodes.map((n) => [n.id, n.description.hostname]));
  const down = new Set(source.nodes.filter((n) => n.status.state !== 'ready').map((n) => n.id));
  const services = new Map(source.services.map((s) => [s.id, s]));
  const order = new Map(source.services.map((s, i) => [s.id, i]));
  const byNode = new Map<string, TaskView[]>();
  const pending: TaskView[] = [];
  const running = new Map<string, number>();
  const shouldRun = new Map<string, number>();
  const reserved = new Map<string, { cpu: number; memory: number }>();
  for (const t of source.tasks) {
    const service = services.get(t.serviceId);
    if (!service || t.status.state === 'remove') continue;
    const ended = isTerminal(t.status.state);
    if (!ended && t.nodeId) {
      const r = reserved.get(t.nodeId) ?? { cpu: 0, memory: 0 };
      reserved.set(t.nodeId, { cpu: r.cpu + t.spec.resources.reservations.nanoCPUs, memory: r.memory + t.spec.resources.reservations.memoryBytes });
    }
    if (t.desiredState === 'running' || t.desiredState === 'ready') shouldRun.set(t.serviceId, (shouldRun.get(t.serviceId) ?? 0) + 1);
    if (t.status.state === 'running' && t.desiredState === 'running') running.set(t.serviceId, (running.get(t.serviceId) ?? 0) + 1);
    if (ended && !lingers(t, now)) continue;
    const name = taskName(t);
    const look = taskLook(t, !ended && down.has(t.nodeId));
    const host = t.nodeId ? hostOf.get(t.nodeId) : undefined;
    const view: TaskView = {
      key: t.id,
      name,
      serviceKey: t.serviceId,
      slot: t.slot,
      state: t.status.state,
      desired: t.desiredState,
      look,
      progress: PROGRESS[t.status.state] ?? (look === 'ready' || look === 'notReady' ? 1 : 0),
      nodeKey: look === 'pending' ? undefined : t.nodeId || undefined,
      outdated: isTaskDirty(service, t),
      ended,
      error: t.status.err,
      label: words.taskLabel(name, t.status.state, look, host, t.status.err),
    };
    if (view.nodeKey && hostOf.has(view.nodeKey)) {
      const list = byNode.get(view.nodeKey) ?? [];
      list.push(view);
      byNode.set(view.nodeKey, list);
    } else if (!ended) pending.push(view);
  }
  const managers = source.nodes.filter((n) => n.spec.role === 'manager');
  const reachable = managers.filter((n) => n.managerStatus?.reachability === 'reachable').length;
  const nodes = source.nodes.map((n): SwarmNodeView => {
    const tasks = (byNode.get(n.id) ?? []).sort(compareTasks(order));
    const r = reserved.get(n.id) ?? { cpu: 0, memory: 0 };
    const managerStatus: ManagerStatus | undefined = n.managerStatus ? (n.managerStatus.leader ? 'Leader' : n.managerStatus.reachability === 'reachable' ? 'Reachable' : 'Unreachable') : undefined;
    const view = {
      key: n.id,
      hostname: n.description.hostname,
      role: n.spec.role,
      managerStatus,
      status: CAP(n.status.state),
      availability: CAP(n.spec.availability),
      stopped: stopped.has(n.id),
      cpu: { reserved: r.cpu, capacity: n.description.resources.nanoCPUs },
      memory: { reserved: r.memory, capacity: n.description.resources.memoryBytes },
      tasks,
      activeTasks: tasks.filter((t) => !t.ended && (t.desired === 'running' || t.desired === 'ready')).length,
    };
    return { ...view, label: words.nodeLabel(view) };
  });
  const serviceViews = source.services.map((s): SwarmServiceView => {
    const global = 'global' in s.spec.mode;
    const desired = 'replicated' in s.spec.mode ? s.spec.mode.replicated.replicas : (shouldRun.get(s.id) ?? 0);
    const view = {
      key: s.id,
      name: s.spec.name,
      mode: global ? ('global' as const) : ('replicated' as const),
      running: running.get(s.id) ?? 0,
      desired,
      image: s.spec.image,
      ports: s.spec.ports.map((p) => ({ published: p.publishedPort, target: p.targetPort, protocol: p.protocol, mode: p.publishMode })),
      update: updateOf(s, source.tasks),
      hue: hueOf(s.spec.name),
    };
    return { ...view, label: words.serviceLabel(view) };
  });
  const machines = (source.outside ?? []).map((hostname): OutsideMachineView => ({ key: `machine:${hostname}`, hostname, label: words.outsideLabel(hostname) }));
  return { nodes, machines, services: serviceViews, pending: pending.sort(compareTasks(order)), quorum: { hasLeader: source.hasLeader, managers: managers.length, reachable, needed: Math.floor(managers.length / 2) + 1 } };
}

/** A small stable hash of a name onto the six revision hues. */
function hueOf(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return h % 6;
}

/** The service's update: how many of its running tasks are made from the current spec. */
function updateOf(service: SwarmService, tasks: readonly SwarmTask[]): UpdateView | undefined {
  const status = service.updateStatus;
  if (!status) return undefined;
  const rollingBack = status.state.startsWith('rollback');
  const config = rollingBack ? service.spec.rollbackConfig : service.spec.updateConfig;
  const live = tasks.filter((t) => t.serviceId === service.id && (t.desiredState === 'running' || t.desiredState === 'ready'));
  const updated = live.filter((t) => t.status.state === 'running' && !isTaskDirty(service, t)).length;
  const total = 'replicated' in service.spec.mode ? service.spec.mode.replicated.replicas : live.length;
  return { state: status.state, updated: Math.min(updated, total), total, order: config.order, parallelism: config.parallelism, message: status.message };
}
