import type { ApiClient } from '../api/client';
import type { ImageRef } from '../images/imageRef';

import type { ContainerStatus } from 'kubernetes-types/core/v1';
import type { ContainerProcess } from '../containers/process';

/**
 * Where a container is in its life, as the simulated container runtime sees
 * it: waiting for its image (`pending` → `pulling` → `pulled`, or a pull
 * error), `created`, `running`, `exited` (for good, or until a restart),
 * `waiting` (a reason that blocks it: back-off, a config error).
 */
export type ContainerPhase = 'pending' | 'pulling' | 'pulled' | 'created' | 'running' | 'exited' | 'waiting';

/** A finished run of a container (`state.terminated` / `lastState.terminated`). */
export interface Termination {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt?: number;
  finishedAt: number;
  containerID?: string;
}

/** Probe bookkeeping of one container (the kubelet's prober workers). */
export interface ProbeState {
  /** Consecutive results of each probe kind. */
  failures: [number, number, number];
  successes: [number, number, number];
  /** Startup probe passed (or there is none): `started`. */
  started: boolean;
  /** Readiness result (true without a readiness probe once started). */
  ready: boolean;
  /** Readiness was probed at least once since the container started. */
  readinessProbed: boolean;
}

export interface ContainerRuntime {
  name: string;
  /** Index in spec.containers (or spec.initContainers for init containers). */
  index: number;
  init: boolean;
  ref: ImageRef;
  phase: ContainerPhase;
  /** Why the container waits, when phase is `waiting` (or a pull error). */
  waiting?: { reason: string; message?: string };
  /** When a `waiting` container may be tried again. */
  retryAt?: number;
  /**
   * The pull under way, or the last one when it failed (its error words the
   * ImagePullBackOff message); dropped once a pull succeeds, so that a
   * container keeps no pull fields for its life.
   */
  pull?: ImagePull;
  /** When a created container starts running. */
  startAt?: number;
  startedAt?: number;
  containerID?: string;
  /** The running (or last) process of the container. */
  proc?: ContainerProcess;
  /** The process of the previous run (`kubectl logs --previous`). */
  prevProc?: ContainerProcess;
  /** The current run's end (phase `exited`, or waiting to restart). */
  terminated?: Termination;
  /** The previous run's end (`lastState.terminated`). */
  last?: Termination;
  /** A container found running when this kubelet started (bootstrap, restart): its start time and probe state carry over. */
  adopted?: { startedAt: number; ready: boolean; started: boolean };
  /** Set while the kubelet stops the container (liveness kill, deletion). */
  stopping?: { at: number; code: number; reason: string };
  restartCount: number;
  probes: ProbeState;
  /** Last run time of each probe kind in this run of the container (startup, liveness, readiness). */
  lastRun: [number, number, number];
  /** When the startup probe passed (the readiness probe runs right away then). */
  lastGateAt?: number;
  /** The status last reported for this container, reused while nothing changed. */
  lastStatus?: ContainerStatus;
  /**
   * What `lastStatus` was built from (identity compare: `waiting` and
   * `terminated` objects are replaced on change), kept in the container's own
   * fields rather than an object of its own (150,000 pods keep one each).
   */
  statusPhase?: ContainerPhase;
  /** The restart count, ready, started and initializing flags in one number (`statusKey` in podStatus.ts). */
  statusKey: number;
  statusWaiting?: ContainerRuntime['waiting'];
  statusTerminated?: Termination;
}

/** An image pull of a container: requested, started behind the node's serialised pulls, done. */
export interface ImagePull {
  requestedAt: number;
  startAt: number;
  doneAt: number;
  /** Whether the pull will fail (the registry's answer, known at request time). */
  error: { code: string; message: string } | undefined;
}

/** A pod as the kubelet's runtime holds it (sandbox, IP, containers). */
export interface PodRuntime {
  uid: string;
  key: string;
  node: string;
  /**
   * The runtime of `node` at admission: a sync takes it rather than looking
   * the node up again, while it is not `removed` (a node deleted and added
   * again has a new runtime).
   */
  nodeRt: NodeRuntime;
  admittedAt: number;
  /**
   * When the pod sandbox (network namespace, IP) is ready, in ms after
   * `admittedAt` (a small integer kept in the record itself: a second epoch
   * time would be a boxed number per pod).
   */
  sandboxMs: number;
  ip?: string;
  /** Init containers (run one after another before the app containers). */
  initContainers: ContainerRuntime[];
  containers: ContainerRuntime[];
  /** Set when the API asked for deletion: containers are being stopped. */
  killing?: { startedAt: number; deadline: number };
  /** The pod failed for good (activeDeadlineSeconds, or restartPolicy Never after a failure). */
  terminal?: { reason?: string; message?: string };
  /**
   * All init containers have run (regular ones completed, sidecars started):
   * from then on only sidecars are looked after (restarted), never re-gating
   * the app containers.
   */
  initialized?: boolean;
  /** The app containers are done for good (restartPolicy not Always): the sidecars are being stopped, by this deadline. */
  sidecarsStopping?: { deadline: number };
}

/** One node's container runtime: pulled images, the pull queue and the pod IP pool. */
export interface NodeRuntime {
  name: string;
  /** The kubelet's API identity on this node: `kubelet/<name>`. */
  actor: string;
  /** The API client acting as `actor` (looked up once: every pod sync and heartbeat writes through it). */
  client: ApiClient | undefined;
  /** Store key of the node's Lease, `kube-node-lease/<name>` (built once: 5,000 Leases renew every 10 s). */
  leaseKey: string;
  /** Pulled images: full reference → compressed size. */
  images: Map<string, number>;
  /** Pulls are serialised (kubelet `serializeImagePulls: true`): the queue is free from this time. */
  pullBusyUntil: number;
  /** Images with a pull queued or under way → when that pull completes. */
  pulling: Map<string, number>;
  /**
   * Network address of the node's pod CIDR and the in-use host numbers: a
   * bit set whose first word (host numbers 0–31, all a node of up to 30
   * pods uses) is a field of its own, the others in `usedIPs` (ipam.ts).
   */
  cidrBase: number;
  cidrSize: number;
  ipWord0: number;
  usedIPs: Uint32Array;
  lastIP: number;
  imagesChanged: boolean;
  lastStatusReport: number;
  hostIP: string;
  /** `status.hostIPs` of the node's pods: one frozen list, shared by all of them. */
  hostIPs: { ip: string }[];
  /** The node left the cluster: this runtime is no longer the kubelet's (`PodRuntime.nodeRt`). */
  removed: boolean;
  /** Powered off (`kubeplay node stop`): no Lease renewals, no node status, no pod syncs; its containers are down. */
  stopped?: boolean;
  /** Powered on again and not yet through the kubelet's start-up (events, status, pod restarts). */
  booting?: boolean;
  /** When the node was powered off (the containers' finish time after the reboot). */
  stoppedAt?: number;
}
