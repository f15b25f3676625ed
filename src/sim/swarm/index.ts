/**
 * The public entry of the simulated Docker Swarm (pure TypeScript; never
 * imports the Kubernetes engine). Other layers import only this file.
 */
export { createSwarm, type Swarm, type SwarmOptions } from './swarm';
export type { NodeChanges } from './api';
export type { ResolveResult, RouteResult, ServedRequest } from './network';
export { OUTSIDE_CLIENT } from './network';
export type { SwarmServiceTraffic, SwarmTrafficMeter } from './trafficMeter';
export { DEFAULT_SWARM, type NodeShape } from './bootstrap';
export { defaultServiceSpec, DEFAULT_RESTART_POLICY, DEFAULT_UPDATE_CONFIG, TASK_HISTORY_LIMIT, HEARTBEAT_PERIOD_MS, ENGINE_VERSION } from './defaults';
export { parseConstraints, type Constraint } from './constraints';
export { taskName, isTaskDirty } from './newTask';
export { imageBaseName } from './process';
export { AGENT_TIMINGS } from './controllers/agent';
export { TASK_STATES, stateIndex, isTerminal } from './types';
export type {
  FileReference,
  Healthcheck,
  Mount,
  NodeAvailability,
  NodeRole,
  NodeState,
  PortConfig,
  Reachability,
  RestartPolicy,
  ServiceSpec,
  SwarmNode,
  SwarmResult,
  SwarmService,
  SwarmTask,
  TaskState,
  UpdateConfig,
  UpdateState,
} from './types';
export type { WatchEvent, WatchHandler } from '../engine/store';
