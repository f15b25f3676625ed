import { createRng } from '../../lib/rng';
import { VirtualClock } from '../engine/clock';
import { ControllerManager } from '../engine/controllerManager';
import { ObjectStore, type WatchHandler } from '../engine/store';
import * as api from './api';
import { addNode, DEFAULT_SWARM, type NodeShape } from './bootstrap';
import { allNodes, BY_NODE, BY_SERVICE, BY_STATE, NODES, SERVICES, setTaskState, TASKS, type SwarmContext, type SwarmController } from './context';
import { createAgent } from './controllers/agent';
import { createAllocator } from './controllers/allocator';
import { createGlobalOrchestrator } from './controllers/globalOrchestrator';
import { createReplicatedOrchestrator } from './controllers/replicatedOrchestrator';
import { createRestartSupervisor } from './controllers/restartSupervisor';
import { createScheduler } from './controllers/scheduler';
import { createDispatcher } from './controllers/dispatcher';
import { createRaft, hasLeader } from './controllers/raft';
import { createTaskReaper } from './controllers/taskReaper';
import { isTerminal, type NodeRole, type ServiceSpec, type SwarmNode, type SwarmResult, type SwarmService, type SwarmTask } from './types';
import { createMembership, NO_LEADER } from './membership';
import { SwarmTrafficMeter } from './trafficMeter';
import { resolveName, routeRequest, type MeshState, type ResolveResult, type RouteResult, type ServedRequest } from './network';

export interface SwarmOptions {
  /** Seed of the swarm's random generator (IDs, pull times). */
  seed?: number;
  /** Virtual start time, ms since the epoch. */
  startTime?: number;
  /** The machines (default: `manager1`, `worker1`, `worker2`). The first manager is the Leader. */
  nodes?: readonly NodeShape[];
}

/**
 * A simulated Docker Swarm: managers' store, orchestrators, scheduler and
 * node agents on a virtual clock. Nothing happens between calls: time moves
 * only through `advance`/`advanceTo`.
 * @example const s = createSwarm({ seed: 1 }); s.nodes().map((n) => n.description.hostname) // ['manager1', 'worker1', 'worker2']
 */
export interface Swarm {
  readonly seed: number;
  readonly startTime: number;
  now(): number;
  advance(ms: number): void;
  advanceTo(ms: number): void;
  /** Virtual time of the next timer, if any. */
  nextWakeAt(): number | undefined;
  /** The node the CLI talks to (`docker node ls` marks it with `*`). */
  localNodeId(): string;
  /** Nodes sorted by hostname. */
  nodes(): SwarmNode[];
  /** Services sorted by name. */
  services(): SwarmService[];
  /** Tasks, optionally of one service or on one node, in creation order. */
  tasks(filter?: { serviceId?: string; nodeId?: string }): SwarmTask[];
  node(id: string): SwarmNode | undefined;
  service(id: string): SwarmService | undefined;
  task(id: string): SwarmTask | undefined;
  /** Docker's lookup: full ID, then hostname, then a unique ID prefix. */
  findNode(ref: string): SwarmNode | undefined;
  /** Docker's lookup: full ID, then name, then a unique ID prefix. */
  findService(ref: string): SwarmService | undefined;
  createService(spec: ServiceSpec): SwarmResult<SwarmService>;
  /** Writes a new spec (the old one becomes `previousSpec`). */
  updateService(id: string, spec: ServiceSpec): SwarmResult<SwarmService>;
  /** `docker service rollback`: the previous spec comes back (the two swap). */
  rollbackService(id: string): SwarmResult<SwarmService>;
  removeService(id: string): SwarmResult;
  updateNode(id: string, changes: api.NodeChanges): SwarmResult<SwarmNode>;
  /** Every change to nodes, services and tasks (for views). */
  watch(handler: WatchHandler): () => void;
  /** Powers a node's machine off (`kubeplay node stop`): no heartbeats, its agent stops; Down after 15 s. */
  stopNode(id: string): 'changed' | 'unchanged';
  /** Powers it on: the agent registers again (Ready); containers that died with the machine are reported. */
  startNode(id: string): 'changed' | 'unchanged';
  isNodeStopped(id: string): boolean;
  /** Whether the Raft group has a leader (else every API request fails). */
  hasLeader(): boolean;
  /** The error a manager API request gets right now from the local node, or undefined when it would be served. */
  apiError(localNodeId?: string): string | undefined;
  /** The routing mesh: one request to `node`'s published `port` (hostname, ID or address); round robin over running tasks. */
  route(node: string, port: number, protocol?: 'tcp' | 'udp'): RouteResult;
  /** Requests a task's container served through `route`, oldest first (at most the last 1,000). */
  served(taskId: string): readonly ServedRequest[];
  /** Requests through the mesh per published service, for the screen (`route` counts them). */
  readonly traffic: SwarmTrafficMeter;
  /** The overlay DNS: a service name (VIP or dnsrr) or `tasks.<service>`. */
  resolve(name: string): ResolveResult;
  /** Membership: a node leaves (`docker swarm leave`), joins (`docker swarm join`), or is removed (`docker node rm`). */
  membership: Membership;
}

export interface Membership {
  leave(nodeId: string, force: boolean): SwarmResult;
  join(hostname: string, role: NodeRole): SwarmResult<SwarmNode>;
  remove(nodeId: string, force: boolean): SwarmResult;
  /** `docker swarm join-token`: the token for workers or managers. */
  token(role: NodeRole): string;
  /** The machines that are not (or no longer) members, by hostname. */
  outside(): string[];
  /**
   * A new machine with Docker Engine (`kubeplay machine add`), outside the
   * swarm until it runs `docker swarm join`: named `hostname`, or the first
   * free `workerN`. Returns its name.
   */
  provision(hostname?: string): SwarmResult<string>;
}

const DEFAULT_START = Date.parse('2025-03-01T09:00:00Z');
/** Served requests kept per task (a container's log is bounded too). */
const SERVED_KEPT = 1000;

export function createSwarm(options: SwarmOptions = {}): Swarm {
  const seed = options.seed ?? 1;
  const startTime = options.startTime ?? DEFAULT_START;
  const store = new ObjectStore();
  for (const r of [NODES, SERVICES, TASKS]) store.define(r, { indexLabels: false });
  store.addIndex(TASKS, BY_SERVICE, (o) => (o as SwarmTask).serviceId);
  store.addIndex(TASKS, BY_NODE, (o) => (o as SwarmTask).nodeId || undefined);
  store.addIndex(TASKS, BY_STATE, (o) => (o as SwarmTask).status.state);
  const clock = new VirtualClock(startTime);
  const rng = createRng(seed ^ 0x5a4d);
  const stopped = new Map<string, number>();
  let seq = 0;
  let vip = 2;
  const ctx: SwarmContext = {
    store,
    clock,
    rng,
    nextSeq: () => ++seq,
    nextVip: () => vip++,
    isStopped: (id) => stopped.has(id),
    stoppedAt: (id) => stopped.get(id),
    hasLeader: () => hasLeader(ctx),
    wakeAfter: (name, key, ms) => clock.wakeAfter(name, key, ms),
    wakeAt: (name, key, at) => clock.wakeAt(name, key, at),
  };
  const manager = new ControllerManager<SwarmContext>(store, clock, () => ctx);
  const leaderSide: SwarmController[] = [createReplicatedOrchestrator(), createGlobalOrchestrator(), createRestartSupervisor(), createAllocator(), createScheduler(), createDispatcher(), createTaskReaper()];
  /** A new leader's components start with a full reconcile, as SwarmKit's do on taking leadership. */
  const resync = () => {
    for (const s of store.list<SwarmService>(SERVICES)) {
      manager.enqueue(leaderSide[0].name, `svc/${s.id}`);
      manager.enqueue(leaderSide[1].name, `svc/${s.id}`);
      manager.enqueue(leaderSide[6].name, s.id);
    }
    for (const t of store.list<SwarmTask>(TASKS)) if (t.status.state === 'new') manager.enqueue(leaderSide[3].name, t.id);
    manager.enqueue(leaderSide[4].name, 'tick');
    for (const n of store.list<SwarmNode>(NODES)) {
      manager.enqueue(leaderSide[5].name, n.id);
      manager.enqueue(leaderSide[0].name, `node/${n.id}`);
    }
    manager.enqueue(leaderSide[1].name, 'nodes');
    for (const t of store.list<SwarmTask>(TASKS)) {
      if (t.desiredState === 'ready') manager.enqueue(leaderSide[2].name, `start/${t.id}`);
      if ((t.desiredState === 'running' || t.desiredState === 'ready') && isTerminal(t.status.state)) manager.enqueue(leaderSide[0].name, `task/${t.id}`);
    }
  };
  // Orchestration runs on the leader: without one, these components stand still.
  for (const c of leaderSide) manager.register({ ...c, reconcile: (key, cx) => (cx.hasLeader() ? c.reconcile(key, cx) : undefined) });
  manager.register(createAgent());
  manager.register(createRaft(resync));
  const shapes = options.nodes ?? DEFAULT_SWARM;
  let leaderSet = false;
  shapes.forEach((shape, i) => {
    const leader = shape.role === 'manager' && !leaderSet;
    if (leader) leaderSet = true;
    addNode(ctx, shape, i, leader);
  });
  manager.runUntilIdle();
  const local = allNodes(store).find((n) => n.managerStatus?.leader) ?? allNodes(store)[0];

  /** Every write through the API is refused without a leader, and followed by the controllers' reaction at the same instant. */
  const write = <T>(f: () => SwarmResult<T>): SwarmResult<T> => {
    if (!hasLeader(ctx)) return { ok: false, error: NO_LEADER };
    const r = f();
    manager.runUntilIdle();
    return r;
  };
  /** Containers that died with a powered-off machine: the agent reports them when it comes back (exit 255; UNVERIFIED code). */
  const reportDeadContainers = (nodeId: string) => {
    for (const t of store.listByIndex<SwarmTask>(TASKS, BY_NODE, nodeId)) {
      if (t.status.state !== 'running' && t.status.state !== 'starting') continue;
      if (t.desiredState === 'running' || t.desiredState === 'ready') setTaskState(ctx, t, 'failed', 'started', { exitCode: 255, err: 'task: non-zero exit (255)' });
      else setTaskState(ctx, t, 'shutdown', 'shutdown');
    }
  };
  const membership = createMembership(ctx, () => manager.runUntilIdle());
  const mesh: MeshState = { counters: new Map(), sandboxes: new Map() };
  const served = new Map<string, ServedRequest[]>();
  const meter = new SwarmTrafficMeter();
  const byPrefix = <T extends { id: string }>(items: T[], ref: string): T | undefined => {
    const hits = items.filter((x) => x.id.startsWith(ref));
    return hits.length === 1 ? hits[0] : undefined;
  };

  return {
    seed,
    startTime,
    now: () => clock.now(),
    advance: (ms) => manager.runUntil(clock.now() + ms),
    advanceTo: (ms) => manager.runUntil(ms),
    nextWakeAt: () => clock.nextTimerAt(),
    localNodeId: () => local.id,
    nodes: () => allNodes(store),
    services: () => store.list<SwarmService>(SERVICES).sort((a, b) => (a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : 0)),
    tasks(filter = {}) {
      const list = filter.serviceId
        ? store.listByIndex<SwarmTask>(TASKS, BY_SERVICE, filter.serviceId)
        : filter.nodeId
          ? store.listByIndex<SwarmTask>(TASKS, BY_NODE, filter.nodeId)
          : store.list<SwarmTask>(TASKS);
      return list.filter((t) => !filter.nodeId || t.nodeId === filter.nodeId).sort((a, b) => a.seq - b.seq);
    },
    node: (id) => store.get<SwarmNode>(NODES, id),
    service: (id) => store.get<SwarmService>(SERVICES, id),
    task: (id) => store.get<SwarmTask>(TASKS, id),
    findNode(ref) {
      const nodes = allNodes(store);
      return nodes.find((n) => n.id === ref) ?? nodes.find((n) => n.description.hostname === ref) ?? byPrefix(nodes, ref);
    },
    findService(ref) {
      const services = store.list<SwarmService>(SERVICES);
      return services.find((s) => s.id === ref) ?? services.find((s) => s.spec.name === ref) ?? byPrefix(services, ref);
    },
    createService: (spec) => write(() => api.createService(ctx, spec)),
    updateService: (id, spec) => write(() => api.updateService(ctx, id, spec)),
    rollbackService: (id) => write(() => api.updateService(ctx, id, undefined, true)),
    removeService: (id) => write(() => api.removeService(ctx, id)),
    updateNode: (id, changes) => write(() => api.updateNode(ctx, id, changes)),
    stopNode(id) {
      if (stopped.has(id)) return 'unchanged';
      stopped.set(id, clock.now());
      manager.enqueue('dispatcher', id);
      manager.enqueue('raft', 'members');
      manager.runUntilIdle();
      return 'changed';
    },
    startNode(id) {
      if (!stopped.has(id)) return 'unchanged';
      stopped.delete(id);
      reportDeadContainers(id);
      manager.enqueue('dispatcher', id);
      manager.enqueue('raft', 'members');
      manager.enqueue('agent', id);
      manager.runUntilIdle();
      return 'changed';
    },
    isNodeStopped: (id) => stopped.has(id),
    hasLeader: () => hasLeader(ctx),
    apiError(localNodeId = local.id) {
      if (stopped.has(localNodeId)) return 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';
      const me = store.get<SwarmNode>(NODES, localNodeId);
      if (!me || membership.isOutside(localNodeId)) return 'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
      if (me.spec.role !== 'manager') return "Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";
      if (!hasLeader(ctx)) return NO_LEADER;
      return undefined;
    },
    membership,
    route(node, port, protocol = 'tcp') {
      const r = routeRequest(ctx, mesh, node, port, protocol);
      const entry = allNodes(store).find((n) => n.id === node || n.description.hostname === node || n.status.addr === node);
      const target = r.ok ? r.service : store.list<SwarmService>(SERVICES).find((s) => s.spec.ports.some((p) => p.publishedPort === port && p.protocol === protocol));
      if (entry && target) meter.count(target.id, clock.now(), entry.id, r.ok ? { task: r.task.id } : { error: r.error });
      if (r.ok) {
        const list = served.get(r.task.id) ?? [];
        list.push({ at: clock.now(), source: r.source, port });
        if (list.length > SERVED_KEPT) list.splice(0, list.length - SERVED_KEPT);
        served.set(r.task.id, list);
      }
      return r;
    },
    served: (taskId) => served.get(taskId) ?? [],
    traffic: meter,
    resolve: (name) => resolveName(ctx, name),
    watch(handler) {
      const offs = [NODES, SERVICES, TASKS].map((r) => store.watch(r, handler));
      return () => offs.forEach((off) => off());
    },
  };
}
