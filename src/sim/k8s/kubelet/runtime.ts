import type { StoreHandle } from '../../engine/store';
import type { ApiClient } from '../api/client';
import type { EventSource } from '../events/eventRecorder';
import type { ImageRef } from '../images/imageRef';

import type { ContainerStatus } from 'kubernetes-types/core/v1';
import type { ContainerProcess } from '../containers/process';
import type { EphemeralContainerRuntime } from './ephemeral';
import { packTime, unpackTime, type PackedTime } from './packedTime';

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

/** Probe run times of a container whose probes never ran (shared: runs replace the array). */
export const NO_RUNS = Object.freeze([-Infinity, -Infinity, -Infinity]) as unknown as [number, number, number];

/**
 * What a container holds only while something is out of the ordinary — a
 * reason it waits, a pull, a run that ended, a stop under way, probes that
 * ran —, in an object made on first use: most containers are pulled,
 * created and started without any of it, and 150,000 pods keep one
 * container each (96 bytes less per container than fields of its own).
 */
interface ContainerExtras {
  waiting: ContainerRuntime['waiting'];
  retryAt: number | undefined;
  pull: ImagePull | undefined;
  prevProc: ContainerProcess | undefined;
  terminated: Termination | undefined;
  last: Termination | undefined;
  adopted: ContainerRuntime['adopted'];
  stopping: ContainerRuntime['stopping'];
  lastRun: [number, number, number];
  lastGateAt: number | undefined;
  statusWaiting: ContainerRuntime['waiting'];
  statusTerminated: Termination | undefined;
}

/** A container as the kubelet's runtime holds it. */
export class ContainerRuntime {
  readonly name: string;
  /** Index in spec.containers (or spec.initContainers for init containers). */
  readonly index: number;
  readonly init: boolean;
  readonly ref: ImageRef;
  phase: ContainerPhase = 'pending';
  restartCount = 0;
  probes: ProbeState;
  /** When a created container starts running (packed: a small integer in the record itself, no heap number). */
  private startAtP: PackedTime | undefined = undefined;
  containerID: string | undefined = undefined;
  /** The running (or last) process of the container. */
  proc: ContainerProcess | undefined = undefined;
  /** The status last reported for this container, reused while nothing changed. */
  lastStatus: ContainerStatus | undefined = undefined;
  /**
   * What `lastStatus` was built from (identity compare: `waiting` and
   * `terminated` objects are replaced on change), kept in the container's own
   * fields rather than an object of its own (150,000 pods keep one each).
   */
  statusPhase: ContainerPhase | undefined = undefined;
  /** The restart count, ready, started and initializing flags in one number (`statusKey` in podStatus.ts). */
  statusKey = -1;
  private more: ContainerExtras | undefined = undefined;

  constructor(name: string, index: number, init: boolean, ref: ImageRef, probes: ProbeState) {
    this.name = name;
    this.index = index;
    this.init = init;
    this.ref = ref;
    this.probes = probes;
  }

  /** When a created container starts running. */
  get startAt(): number | undefined {
    const p = this.startAtP;
    return p === undefined ? undefined : unpackTime(p);
  }
  set startAt(v: number | undefined) {
    this.startAtP = v === undefined ? undefined : packTime(v);
  }

  /**
   * When the current run started: its process's start (the process keeps
   * it: no time of the record's own), none before the container first runs
   * and from a restart until it runs again.
   */
  get startedAt(): number | undefined {
    return this.proc?.startedAt;
  }

  /** The extras, made when first set to something. */
  private extras(): ContainerExtras {
    return (this.more ??= {
      waiting: undefined,
      retryAt: undefined,
      pull: undefined,
      prevProc: undefined,
      terminated: undefined,
      last: undefined,
      adopted: undefined,
      stopping: undefined,
      lastRun: NO_RUNS,
      lastGateAt: undefined,
      statusWaiting: undefined,
      statusTerminated: undefined,
    });
  }

  /** Whether the container holds extras now (what only out-of-the-ordinary containers need). */
  get hasExtras(): boolean {
    return this.more !== undefined;
  }

  /** Forgets the extras when none is set any more (a container that waited on its image, now running). */
  dropIdleExtras(): void {
    const m = this.more;
    if (m === undefined) return;
    if (m.waiting === undefined && m.retryAt === undefined && m.pull === undefined && m.prevProc === undefined && m.terminated === undefined && m.last === undefined) {
      if (m.adopted === undefined && m.stopping === undefined && m.lastRun === NO_RUNS && m.lastGateAt === undefined && m.statusWaiting === undefined && m.statusTerminated === undefined) this.more = undefined;
    }
  }

  /** Why the container waits, when phase is `waiting` (or a pull error). */
  get waiting(): { reason: string; message?: string } | undefined {
    return this.more?.waiting;
  }
  set waiting(v: { reason: string; message?: string } | undefined) {
    if (v !== undefined || this.more !== undefined) this.extras().waiting = v;
  }

  /** When a `waiting` container may be tried again. */
  get retryAt(): number | undefined {
    return this.more?.retryAt;
  }
  set retryAt(v: number | undefined) {
    if (v !== undefined || this.more !== undefined) this.extras().retryAt = v;
  }

  /**
   * The pull under way, or the last one when it failed (its error words the
   * ImagePullBackOff message); dropped once a pull succeeds, so that a
   * container keeps no pull fields for its life.
   */
  get pull(): ImagePull | undefined {
    return this.more?.pull;
  }
  set pull(v: ImagePull | undefined) {
    if (v !== undefined || this.more !== undefined) this.extras().pull = v;
  }

  /** The process of the previous run (`kubectl logs --previous`). */
  get prevProc(): ContainerProcess | undefined {
    return this.more?.prevProc;
  }
  set prevProc(v: ContainerProcess | undefined) {
    if (v !== undefined || this.more !== undefined) this.extras().prevProc = v;
  }

  /** The current run's end (phase `exited`, or waiting to restart). */
  get terminated(): Termination | undefined {
    return this.more?.terminated;
  }
  set terminated(v: Termination | undefined) {
    if (v !== undefined || this.more !== undefined) this.extras().terminated = v;
  }

  /** The previous run's end (`lastState.terminated`). */
  get last(): Termination | undefined {
    return this.more?.last;
  }
  set last(v: Termination | undefined) {
    if (v !== undefined || this.more !== undefined) this.extras().last = v;
  }

  /** A container found running when this kubelet started (bootstrap, restart): its start time and probe state carry over. */
  get adopted(): { startedAt: number; ready: boolean; started: boolean } | undefined {
    return this.more?.adopted;
  }
  set adopted(v: { startedAt: number; ready: boolean; started: boolean } | undefined) {
    if (v !== undefined || this.more !== undefined) this.extras().adopted = v;
  }

  /** Set while the kubelet stops the container (liveness kill, deletion). */
  get stopping(): { at: number; code: number; reason: string } | undefined {
    return this.more?.stopping;
  }
  set stopping(v: { at: number; code: number; reason: string } | undefined) {
    if (v !== undefined || this.more !== undefined) this.extras().stopping = v;
  }

  /** Last run time of each probe kind in this run of the container (startup, liveness, readiness); `NO_RUNS` before any. */
  get lastRun(): [number, number, number] {
    return this.more?.lastRun ?? NO_RUNS;
  }
  set lastRun(v: [number, number, number]) {
    if (v !== NO_RUNS || this.more !== undefined) this.extras().lastRun = v;
  }

  /** When the startup probe passed (the readiness probe runs right away then). */
  get lastGateAt(): number | undefined {
    return this.more?.lastGateAt;
  }
  set lastGateAt(v: number | undefined) {
    if (v !== undefined || this.more !== undefined) this.extras().lastGateAt = v;
  }

  /** The `waiting` that `lastStatus` was built from. */
  get statusWaiting(): { reason: string; message?: string } | undefined {
    return this.more?.statusWaiting;
  }
  set statusWaiting(v: { reason: string; message?: string } | undefined) {
    if (v !== undefined || this.more !== undefined) this.extras().statusWaiting = v;
  }

  /** The `terminated` that `lastStatus` was built from. */
  get statusTerminated(): Termination | undefined {
    return this.more?.statusTerminated;
  }
  set statusTerminated(v: Termination | undefined) {
    if (v !== undefined || this.more !== undefined) this.extras().statusTerminated = v;
  }
}

/** An image pull of a container: requested, started behind the node's serialised pulls, done. */
export interface ImagePull {
  requestedAt: number;
  startAt: number;
  doneAt: number;
  /** Whether the pull will fail (the registry's answer, known at request time). */
  error: { code: string; message: string } | undefined;
}

/** How a pod is ending, when it is: few pods are at any time (one object for the three, made on first set). */
interface PodEnding {
  killing: PodRuntime['killing'];
  terminal: PodRuntime['terminal'];
  sidecarsStopping: PodRuntime['sidecarsStopping'];
}

/** A pod as the kubelet's runtime holds it (sandbox, IP, containers). */
export class PodRuntime {
  uid: string;
  readonly key: string;
  /**
   * The runtime of `node` at admission: a sync takes it rather than looking
   * the node up again, while it is not `removed` (a node deleted and added
   * again has a new runtime).
   */
  readonly nodeRt: NodeRuntime;
  private readonly admitted: PackedTime;
  /**
   * When the pod sandbox (network namespace, IP) is ready, in ms after
   * `admittedAt` (a small integer kept in the record itself: a second epoch
   * time would be a boxed number per pod).
   */
  readonly sandboxMs: number;
  ip: string | undefined = undefined;
  /** Init containers (run one after another before the app containers). */
  readonly initContainers: ContainerRuntime[];
  readonly containers: ContainerRuntime[];
  /**
   * All init containers have run (regular ones completed, sidecars started):
   * from then on only sidecars are looked after (restarted), never re-gating
   * the app containers.
   */
  initialized: boolean | undefined = undefined;
  /** The pod's entry in the store, read by each sync without a search of the pods (set at admission). */
  handle: StoreHandle | undefined = undefined;
  /** Ephemeral containers (`kubectl debug`), in the order the pod's spec added them: made when the first is. */
  ephemeral: EphemeralContainerRuntime[] | undefined = undefined;
  private ending: PodEnding | undefined = undefined;

  constructor(uid: string, key: string, nodeRt: NodeRuntime, admittedAt: number, sandboxMs: number, initContainers: ContainerRuntime[], containers: ContainerRuntime[]) {
    this.uid = uid;
    this.key = key;
    this.nodeRt = nodeRt;
    this.admitted = packTime(admittedAt);
    this.sandboxMs = sandboxMs;
    this.initContainers = initContainers;
    this.containers = containers;
  }

  /** When the kubelet admitted the pod (kept packed: a small integer in the record itself, no heap number per pod). */
  get admittedAt(): number {
    return unpackTime(this.admitted);
  }

  /** The name of the node the pod was admitted on. */
  get node(): string {
    return this.nodeRt.name;
  }

  private endingOf(): PodEnding {
    return (this.ending ??= { killing: undefined, terminal: undefined, sidecarsStopping: undefined });
  }

  /** Set when the API asked for deletion: containers are being stopped. */
  get killing(): { startedAt: number; deadline: number } | undefined {
    return this.ending?.killing;
  }
  set killing(v: { startedAt: number; deadline: number } | undefined) {
    if (v !== undefined || this.ending !== undefined) this.endingOf().killing = v;
  }

  /** The pod failed for good (activeDeadlineSeconds, or restartPolicy Never after a failure). */
  get terminal(): { reason?: string; message?: string } | undefined {
    return this.ending?.terminal;
  }
  set terminal(v: { reason?: string; message?: string } | undefined) {
    if (v !== undefined || this.ending !== undefined) this.endingOf().terminal = v;
  }

  /** The app containers are done for good (restartPolicy not Always): the sidecars are being stopped, by this deadline. */
  get sidecarsStopping(): { deadline: number } | undefined {
    return this.ending?.sidecarsStopping;
  }
  set sidecarsStopping(v: { deadline: number } | undefined) {
    if (v !== undefined || this.ending !== undefined) this.endingOf().sidecarsStopping = v;
  }
}

/** One node's container runtime: pulled images, the pull queue and the pod IP pool. */
export interface NodeRuntime {
  name: string;
  /** The kubelet's API identity on this node: `kubelet/<name>`. */
  actor: string;
  /** The API client acting as `actor` (looked up once: every pod sync and heartbeat writes through it). */
  client: ApiClient | undefined;
  /** The kubelet's Event source on this node (looked up once: a pod's way to Running records three Events). */
  events: EventSource | undefined;
  /** Store key of the node's Lease, `kube-node-lease/<name>` (built once: 5,000 Leases renew every 10 s). */
  leaseKey: string;
  /** Pulled images: full reference → compressed size (only ever added to: a pulled image stays). */
  images: Map<string, number>;
  /**
   * The image reference last found in `images` (references are shared per
   * image string): the pods of a workload find their image without a lookup
   * in the node's map, whose table is cold by the time the next one syncs.
   */
  presentRef: ImageRef | undefined;
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
  /** `a.b.c.` when all the CIDR's addresses share their first three octets, else '' (`octetPrefix`). */
  ipPrefix: string;
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
