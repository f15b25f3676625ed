import type { EphemeralContainer } from 'kubernetes-types/core/v1';
import type { Selector } from './selectors';
import type { ApiResult } from './status';
import type { KubeObject } from './types';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface ListOptions {
  namespace?: string;
  labelSelector?: Selector;
  /** Field selector requirements, e.g. `{ 'spec.nodeName': 'worker-1' }` (equality only). */
  fieldSelector?: Record<string, string>;
  /** The version to list at (`v1`), converted from the stored one; the stored version when unset. */
  version?: string;
}

export interface WriteOptions {
  dryRun?: boolean;
  /** Skip schema validation (controllers writing objects built from validated templates). */
  trusted?: boolean;
  /** The uid to give a created object (the API server's own bootstrap objects), instead of a random one. */
  uid?: string;
}

export interface PatchOptions extends WriteOptions {
  /** The version the patch is written against (`v1`): it applies to the object as served there; the stored version when unset. */
  version?: string;
}

export interface DeleteOptions {
  /** Seconds; 0 with a pod means immediate removal (kubectl --force --grace-period=0). */
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  dryRun?: boolean;
  /** Only delete if the object still has this uid. */
  preconditionUid?: string;
}

export type PatchType = 'strategic' | 'merge' | 'json';

/** The DeleteOptions an Eviction carries. */
export interface EvictOptions {
  dryRun?: boolean;
  /** Seconds (kubectl drain --grace-period); the pod's own by default. */
  gracePeriodSeconds?: number;
}

/**
 * A client of the simulated API server, acting as one component (`actor`):
 * `kubectl`, `deployment-controller`, `kubelet/worker-1`, … Reads come from
 * the store; writes go through defaulting, admission and validation and
 * produce watch events. Resources are named by storage name (`pods`,
 * `deployments.apps`); objects at another served version than the stored
 * one (`autoscaling/v1`) are converted both ways, as the real API server
 * does. Errors come back as `metav1.Status`, never thrown.
 */
export interface ApiClient {
  readonly actor: string;
  /** The object, at `version` (`v1`) when given, else as stored. */
  get<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, version?: string): T | undefined;
  list<T extends KubeObject = KubeObject>(resource: string, options?: ListOptions): T[];
  create<T extends KubeObject = KubeObject>(obj: KubeObject, options?: WriteOptions): ApiResult<T>;
  /** Replaces spec/metadata (status is kept); fails with Conflict on a stale resourceVersion. */
  update<T extends KubeObject = KubeObject>(obj: KubeObject, options?: WriteOptions): ApiResult<T>;
  /** Writes only `.status` (and, as the real status strategies allow, annotations). */
  updateStatus<T extends KubeObject = KubeObject>(obj: KubeObject): ApiResult<T>;
  patch<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, patch: unknown, type: PatchType, options?: PatchOptions): ApiResult<T>;
  /** Graceful delete; returns the object as it is after the call (with deletionTimestamp, or as removed). */
  delete<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, options?: DeleteOptions): ApiResult<T>;
  /** The pods/eviction subresource (policy/v1), honouring PodDisruptionBudgets. */
  evict(namespace: string, name: string, options?: EvictOptions): ApiResult<KubeObject>;
  /** The pods/binding subresource: sets spec.nodeName once. */
  bind(namespace: string, name: string, nodeName: string): ApiResult<KubeObject>;
  /** The pods/ephemeralcontainers subresource: the pod's whole list of ephemeral containers, the ones it had unchanged (`kubectl debug`). */
  updateEphemeralContainers(namespace: string, name: string, containers: EphemeralContainer[]): ApiResult<KubeObject>;
}
