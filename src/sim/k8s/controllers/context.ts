import type { Rng } from '../../../lib/rng';
import type { ActivityLog } from '../../engine/activity';
import type { VirtualClock } from '../../engine/clock';
import type { Controller } from '../../engine/controllerManager';
import type { ObjectStore } from '../../engine/store';
import type { ApiClient } from '../api/client';
import type { KubeObject } from '../api/types';
import type { EventSource, EventType } from '../events/eventRecorder';

/** The shape of the simulated cluster's machines (from the CLI flags or a scenario). */
export interface ClusterConfig {
  /** Number of worker nodes (`worker-1..N`). */
  workers: number;
  /** Worker CPU capacity, as a quantity (`4`). */
  nodeCpu: string;
  /** Worker memory capacity, as a quantity (`8Gi`). */
  nodeMemory: string;
  maxPods: number;
  kubernetesVersion: string;
}

/**
 * What a Kubernetes controller may use. Reads go to `store` (the informer
 * cache: never mutate what it returns); writes go through `api`, which acts
 * as this controller. Time only from `clock`, randomness only from `rng`.
 */
export interface K8sContext {
  readonly name: string;
  readonly api: ApiClient;
  /** A client acting as another identity of this component (e.g. `kubelet/worker-1`). */
  clientAs(actor: string): ApiClient;
  readonly store: ObjectStore;
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly activity: ActivityLog;
  readonly config: ClusterConfig;
  /** Records a core/v1 Event about `obj` with this controller as source (`host` for kubelets). */
  event(obj: KubeObject, type: EventType, reason: string, message: string, options?: { host?: string; fieldPath?: string }): void;
  /** This controller's Event source on `host`, for `eventFrom`: a kubelet fetches its node's once. */
  eventSource(host: string): EventSource;
  /** `event` from a source `eventSource` gave (no lookup of the host among thousands per Event). */
  eventFrom(source: EventSource, obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void;
  /** A short note for the activity view. */
  note(message: string, key?: string): void;
  /** Reconcile `key` again after `ms` of virtual time. */
  wakeAfter(key: string, ms: number): void;
  wakeAt(key: string, at: number): void;
}

export type K8sController = Controller<K8sContext>;
