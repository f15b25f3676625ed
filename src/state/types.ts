import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Activity, Cluster, ClusterOptions, SchedulingDecision, ServiceTraffic } from '../sim/k8s/index';
import type { FileSource, Shell } from '../shell/types';
import type { Swarm, SwarmNode, SwarmService, SwarmServiceTraffic, SwarmTask } from '../sim/swarm/index';

/** What the drawing and the panels read: the cluster's objects at one instant. */
export interface ClusterSnapshot {
  /** Virtual time of the snapshot (ms since the epoch). */
  readonly now: number;
  readonly nodes: readonly Node[];
  readonly pods: readonly Pod[];
  /** kubectl's STATUS text per pod, keyed `namespace/name`. */
  readonly podStatus: Readonly<Record<string, string>>;
  readonly deployments: readonly Deployment[];
  readonly replicaSets: readonly ReplicaSet[];
  readonly services: readonly Service[];
  readonly endpointSlices: readonly EndpointSlice[];
  /** Nodes whose machine is powered off (`kubeplay node stop`). */
  readonly stoppedNodes: readonly string[];
  /**
   * What the control plane did since the previous snapshot (API writes and
   * components' notes), oldest first; bounded, so a burst keeps its latest part.
   */
  readonly activity: readonly Activity[];
  /** The components' latest notes ("ReplicaSet web-7d4b9: 2 of 3 pods → creating 1"), oldest first, at most 50. */
  readonly notes: readonly Activity[];
  /** The latest Events, as `kubectl get events -w` would have shown them, oldest first (at most 300). */
  readonly events: readonly EventRecord[];
  /** Increases with every published snapshot (cheap change detection). */
  readonly version: number;
}

/**
 * Requests through Services over the last seconds of virtual time (what
 * `kubeplay traffic` sends), for the cluster view's particles: read-only facts
 * from the engine's traffic meter.
 */
export interface TrafficFacts {
  readonly services: readonly ServiceTraffic[];
  /** Requests through the swarm's routing mesh per published service (`kubeplay traffic vote_vote`), when there is a swarm. */
  readonly swarm?: readonly SwarmServiceTraffic[];
  /** Virtual time the facts were read at. */
  readonly at: number;
}

/** Which cluster the cluster area draws: the Kubernetes one, the swarm beside it, or both side by side. */
export type ViewMode = 'kubernetes' | 'swarm' | 'side-by-side';

export const VIEW_MODES: readonly ViewMode[] = ['kubernetes', 'swarm', 'side-by-side'];

/**
 * What the Swarm drawing and panels read: the swarm's objects at one instant.
 * The objects are the swarm store's own (never mutated: a change replaces
 * them), so an unchanged task keeps its identity from one snapshot to the next.
 */
export interface SwarmSnapshot {
  /** Virtual time of the snapshot. */
  readonly now: number;
  /** Sorted by hostname. */
  readonly nodes: readonly SwarmNode[];
  /** Sorted by name. */
  readonly services: readonly SwarmService[];
  /** Every task the managers keep (history included), in creation order. */
  readonly tasks: readonly SwarmTask[];
  /** IDs of nodes whose machine is powered off (`kubeplay node stop`). */
  readonly stoppedNodes: readonly string[];
  /** Whether the Raft group has a leader: without one (quorum lost) the swarm accepts no changes. */
  readonly hasLeader: boolean;
  /** The node the CLI talks to. */
  readonly localNodeId: string;
  /** Hostnames of machines beside the cluster that are not in the swarm (added and not joined, or left and removed), sorted. */
  readonly outside: readonly string[];
  /** Increases with every published swarm snapshot. */
  readonly version: number;
}

/**
 * The swarm beside a cluster (the shell's `swarmHost`: the same swarm the
 * `docker` commands meet). `swarmFor` makes the default swarm if there is
 * none yet; both bring it up to the cluster's virtual time.
 */
export interface SwarmHost {
  swarmFor(cluster: Cluster): Swarm;
  existingSwarm(cluster: Cluster): Swarm | undefined;
}

/** Builds a shell over a cluster and the files `kubectl apply -f` reads. */
export type ShellFactory = (cluster: Cluster, files: FileSource, shouldYield: () => boolean) => Shell;

/** The simulated cluster's engine, as the app uses it. */
export interface Engine {
  /** A fresh cluster (at boot and on Reset): the page's shape, or `options` (a lesson's cluster). */
  createCluster(options?: ClusterOptions): Cluster;
  /** The pod's STATUS column as kubectl prints it (the drawing's labels use the same words). */
  podStatusText(pod: Pod, now: number): string;
}

/**
 * How the app builds its world; `main.tsx` wires the real engine and shell in.
 * Both load asynchronously, requested at once and in parallel, so that the
 * first screen draws before they arrive: the engine and the shell (kubectl,
 * printers, the YAML parser) are the largest parts of the app, each in its
 * own lazily loaded chunk. Commands issued before they arrive wait for them.
 */
export interface WorldFactory {
  loadEngine(): Promise<Engine>;
  loadShell(): Promise<ShellFactory>;
  /** The swarm beside each cluster (part of the shell's chunk); without it there is no Swarm view. */
  loadSwarm?(): Promise<SwarmHost>;
}

/** Playback speed: 0 is paused. */
export type Speed = 0 | 0.5 | 1 | 2 | 5 | 10 | 30;

export const SPEEDS: readonly Speed[] = [0, 0.5, 1, 2, 5, 10, 30];

/** Where a command came from: typed at the prompt, or issued by a button. */
export type CommandSource = 'prompt' | 'ui';

/**
 * One entry of the session's command log (the basis of replay, share links,
 * undo): a command, or a Ctrl+C / fast-forward Stop that ended a waiting one.
 */
export type LoggedCommand = LoggedLine | LoggedCancel;

/** A command line, as issued. */
export interface LoggedLine {
  /** Virtual time at which it ran; undefined while it waits for the cluster to start (set once it has run). */
  readonly at: number | undefined;
  readonly line: string;
  readonly source: CommandSource;
  /** The editor's files when it ran (what `kubectl apply -f` read): the files object of that moment, shared, never copied. */
  readonly files?: Readonly<Record<string, string>>;
}

/** Ctrl+C (`prompt`: the waiting typed command) or the fast-forward's Stop (`settle`). */
export interface LoggedCancel {
  readonly at: number | undefined;
  readonly cancel: 'prompt' | 'settle';
}

/**
 * What the terminal view must draw, in order. The transcript (plain text) is
 * kept in the store; these events carry the raw text with its colors.
 */
export type TerminalEvent =
  | { readonly type: 'command'; readonly line: string; readonly source: CommandSource }
  | { readonly type: 'output'; readonly stream: 'stdout' | 'stderr'; readonly text: string }
  | { readonly type: 'interrupt' }
  | { readonly type: 'notice'; readonly text: string }
  | { readonly type: 'clear' }
  | { readonly type: 'idle' }
  /** Text typed at the prompt on the learner's behalf (a lesson's Run): each line ending in a line break is entered, the rest is left on the prompt to edit. */
  | { readonly type: 'type'; readonly text: string };

/** A pod by namespace and name. */
export interface PodRef {
  readonly namespace: string;
  readonly name: string;
}

/** The kinds the cluster view lets a learner select. */
export type SelectableKind = 'Pod' | 'Node' | 'Deployment' | 'Service';

/** A selected object: its kind, namespace (none for a Node) and name. */
export interface ObjectRef {
  readonly kind: SelectableKind;
  readonly namespace?: string;
  readonly name: string;
}

/** One Event, flattened for the feed and the inspector. */
export interface EventRecord {
  /** The Event's `namespace/name` (stable while its count grows). */
  readonly key: string;
  readonly namespace: string;
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  /** The object it is about: `Pod`, `web-7d4b9-x2x8q`. */
  readonly object: { readonly kind: string; readonly name: string; readonly namespace: string | undefined };
  /** Who reported it (`default-scheduler`, `kubelet`, …). */
  readonly source: string;
  readonly count: number;
  /** First and last time seen, virtual ms. */
  readonly firstAt: number;
  readonly lastAt: number;
}

/** What the inspector shows for the selection, refreshed while it is open. */
export interface InspectorData {
  readonly ref: ObjectRef;
  /** Whether the object still exists. */
  readonly exists: boolean;
  /** `kubectl describe` output (undefined until the shell has loaded). */
  readonly describe: string | undefined;
  /** Events about this object, oldest first. */
  readonly events: readonly EventRecord[];
  /** For a pod: the scheduler's last decision. */
  readonly decision: SchedulingDecision | undefined;
  /** Virtual time of this refresh. */
  readonly at: number;
}
