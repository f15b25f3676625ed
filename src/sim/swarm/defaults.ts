import type { RestartPolicy, ServiceSpec, UpdateConfig } from './types';

/**
 * SwarmKit's defaults (`api/defaults/service.go`) and the swarm's cluster
 * settings (`docker swarm init` defaults).
 */
export const DEFAULT_RESTART_POLICY: RestartPolicy = { condition: 'any', delay: 5_000, maxAttempts: 0, window: 0 };

export const DEFAULT_UPDATE_CONFIG: UpdateConfig = {
  parallelism: 1,
  delay: 0,
  failureAction: 'pause',
  monitor: 5_000,
  maxFailureRatio: 0,
  order: 'stop-first',
};

/** `--task-history-limit`: tasks kept per slot (or per node for global services). */
export const TASK_HISTORY_LIMIT = 5;

/** `--dispatcher-heartbeat`. */
export const HEARTBEAT_PERIOD_MS = 5_000;

/** The engine version nodes report (`docker node ls` ENGINE VERSION). */
export const ENGINE_VERSION = '27.3.1';

/** A spec with every default filled in, for `name` running `image`. */
export function defaultServiceSpec(name: string, image: string): ServiceSpec {
  return {
    name,
    labels: {},
    mode: { replicated: { replicas: 1 } },
    image,
    args: [],
    env: [],
    placement: { constraints: [], preferences: [], maxReplicas: 0 },
    resources: { reservations: { nanoCPUs: 0, memoryBytes: 0 }, limits: { nanoCPUs: 0, memoryBytes: 0 } },
    restartPolicy: { ...DEFAULT_RESTART_POLICY },
    updateConfig: { ...DEFAULT_UPDATE_CONFIG },
    rollbackConfig: { ...DEFAULT_UPDATE_CONFIG },
    endpointMode: 'vip',
    ports: [],
    forceUpdate: 0,
  };
}
