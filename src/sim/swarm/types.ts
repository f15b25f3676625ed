/**
 * The objects of the simulated swarm, shaped like SwarmKit's API
 * (`api/objects.proto`, `api/specs.proto`) and Docker's `swarm` types.
 * Stored in the engine's object store keyed by ID (`metadata.name` = ID).
 */

/** Task states in SwarmKit's order (`api/types.proto` TaskState); only ever move forward. */
export const TASK_STATES = [
  'new',
  'allocated',
  'pending',
  'assigned',
  'accepted',
  'preparing',
  'ready',
  'starting',
  'running',
  'complete',
  'shutdown',
  'failed',
  'rejected',
  'remove',
  'orphaned',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

const ORDER = new Map<TaskState, number>(TASK_STATES.map((s, i) => [s, i]));

/** SwarmKit compares task states by number: `stateIndex(a) < stateIndex(b)`. */
export function stateIndex(s: TaskState): number {
  return ORDER.get(s)!;
}

/** A task whose container is done (complete, shutdown, failed, rejected, remove, orphaned). */
export function isTerminal(s: TaskState): boolean {
  return stateIndex(s) > stateIndex('running');
}

export type NodeRole = 'manager' | 'worker';
export type NodeAvailability = 'active' | 'pause' | 'drain';
export type NodeState = 'unknown' | 'down' | 'ready' | 'disconnected';
export type Reachability = 'unknown' | 'unreachable' | 'reachable';

export interface Meta {
  /** The object's ID (the store key). */
  name: string;
}

export interface SwarmNode {
  metadata: Meta;
  id: string;
  createdAt: number;
  updatedAt: number;
  spec: { role: NodeRole; availability: NodeAvailability; labels: Record<string, string> };
  description: {
    hostname: string;
    platform: { os: string; architecture: string };
    resources: { nanoCPUs: number; memoryBytes: number };
    engineVersion: string;
  };
  status: { state: NodeState; addr: string; message?: string };
  /** Simulation bookkeeping: the node left the swarm (`docker swarm leave`); it stays listed, Down, until removed. */
  left?: boolean;
  /** Managers only. */
  managerStatus?: { leader: boolean; reachability: Reachability; addr: string };
}

export interface PortConfig {
  protocol: 'tcp' | 'udp' | 'sctp';
  targetPort: number;
  publishedPort: number;
  publishMode: 'ingress' | 'host';
}

export interface RestartPolicy {
  condition: 'none' | 'on-failure' | 'any';
  /** ms */
  delay: number;
  /** 0 = unlimited */
  maxAttempts: number;
  /** ms; 0 = unbounded */
  window: number;
}

export interface UpdateConfig {
  parallelism: number;
  /** ms */
  delay: number;
  failureAction: 'pause' | 'continue' | 'rollback';
  /** ms */
  monitor: number;
  maxFailureRatio: number;
  order: 'stop-first' | 'start-first';
}

export interface Healthcheck {
  test: string[];
  /** ms */
  interval: number;
  timeout: number;
  startPeriod: number;
  retries: number;
}

export interface ServiceSpec {
  name: string;
  labels: Record<string, string>;
  mode: { replicated: { replicas: number } } | { global: Record<string, never> };
  image: string;
  args: string[];
  env: string[];
  healthcheck?: Healthcheck;
  placement: { constraints: string[]; preferences: string[]; maxReplicas: number };
  resources: { reservations: { nanoCPUs: number; memoryBytes: number }; limits: { nanoCPUs: number; memoryBytes: number } };
  restartPolicy: RestartPolicy;
  updateConfig: UpdateConfig;
  rollbackConfig: UpdateConfig;
  endpointMode: 'vip' | 'dnsrr';
  ports: PortConfig[];
  /** Bumped by `service update --force` to redeploy an unchanged spec. */
  forceUpdate: number;
  /** The container's entrypoint override (`ContainerSpec.Command`; compose `entrypoint`). */
  command?: string[];
  /** Container labels (`ContainerSpec.Labels`; compose `labels`), apart from the service's own. */
  containerLabels?: Record<string, string>;
  /** `ContainerSpec.StopGracePeriod`, ms (default 10 s). */
  stopGracePeriod?: number;
  /** Mounts (`ContainerSpec.Mounts`): named volumes, binds, tmpfs. */
  mounts?: Mount[];
  /** Overlay networks the tasks attach to (`TaskTemplate.Networks`), by name, with their DNS aliases. */
  networks?: { target: string; aliases: string[] }[];
  /** Configs and secrets mounted as files (`ContainerSpec.Configs|Secrets`), by name and target path. */
  configs?: FileReference[];
  secrets?: FileReference[];
}

export interface Mount {
  type: 'volume' | 'bind' | 'tmpfs';
  source: string;
  target: string;
  readOnly: boolean;
}

export interface FileReference {
  name: string;
  target: string;
}

export type UpdateState = 'updating' | 'paused' | 'completed' | 'rollback_started' | 'rollback_paused' | 'rollback_completed';

export interface SwarmService {
  metadata: Meta;
  id: string;
  /** Increments on every spec change (SwarmKit's `SpecVersion`). */
  version: number;
  createdAt: number;
  updatedAt: number;
  spec: ServiceSpec;
  previousSpec?: ServiceSpec;
  updateStatus?: {
    state: UpdateState;
    startedAt: number;
    completedAt?: number;
    message: string;
    /** Simulation bookkeeping: slots to update when the update started (the failure ratio's denominator). */
    total?: number;
  };
  /** Virtual IPs on the networks the service is attached to (ingress when it publishes ports). */
  virtualIPs: { network: string; addr: string }[];
}

export interface SwarmTask {
  metadata: Meta;
  id: string;
  serviceId: string;
  /** Replicated services: the slot (1..n); global services: 0 (named after the node). */
  slot: number;
  /** The node the task runs on (set by the scheduler, or up front for global tasks). */
  nodeId: string;
  /** The service spec version this task was made from. */
  specVersion: number;
  spec: ServiceSpec;
  createdAt: number;
  /** Creation order (IDs are random; this keeps scans deterministic). */
  seq: number;
  desiredState: TaskState;
  status: { state: TaskState; timestamp: number; message: string; err?: string; exitCode?: number; health?: 'starting' | 'healthy' | 'unhealthy' };
  /** The task's address on the ingress/overlay network once allocated. */
  addr?: string;
  /** Simulation bookkeeping (not part of Docker's API): when the next lifecycle step is due. */
  sim: { readyAt?: number; exitAt?: number; exitCode?: number; restartAt?: number; restartOf?: string; stopAt?: number; ranAt?: number; healthAt?: number; healthy?: boolean; byUpdate?: boolean };
}

/** A one-line outcome of a change made through the swarm API. */
export type SwarmResult<T = void> = { ok: true; value: T } | { ok: false; error: string };
