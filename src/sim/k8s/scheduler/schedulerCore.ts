import type { VirtualClock } from '../../engine/clock';
import type { ObjectStore, WatchEvent } from '../../engine/store';
import type { KubeObject } from '../api/types';
import { DecisionLog, FULL_DECISIONS } from './decisionLog';
import { SchedulingFramework } from './framework';
import type { NodeObject } from './nodeInfo';
import { PodInfo, type PodObject } from './podInfo';
import { nodeEventHint, podEventHint, type NodeEvent } from './queueingHints';
import { SchedulerCache } from './schedulerCache';
import { SchedulingQueue } from './schedulingQueue';
import { PodRegistry } from './podRegistry';
import { PodNominator } from './nominator';

export const SCHEDULER_NAME = 'default-scheduler';

/** Workload and namespace resources the scheduler watches (when the API serves them). */
export const WATCHED_OBJECTS = ['namespaces', 'services', 'replicasets.apps', 'statefulsets.apps', 'replicationcontrollers'];

/** The objects the VolumeBinding plugin reads. */
export const VOLUME_RESOURCES = ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses.storage.k8s.io'];
const MAX_POD_EVENTS = 1000;
const ALL_PLUGINS = ['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity'];
const POD_ADDED_PLUGINS = ['PodTopologySpread', 'InterPodAffinity'];
const POD_REMOVED_PLUGINS = ['NodeResourcesFit', 'NodePorts', 'PodTopologySpread', 'InterPodAffinity'];

/** The plugins registered for this kind of node event (`EventsToRegister`). */
function pluginsFor(e: NodeEvent): readonly string[] {
  const c = e.change;
  if (c.added) return ALL_PLUGINS;
  const out: string[] = [];
  if (c.allocatable) out.push('NodeResourcesFit');
  if (c.labels) out.push('NodeAffinity', 'PodTopologySpread', 'InterPodAffinity');
  if (c.taints) out.push('TaintToleration', 'NodeUnschedulable');
  if (c.unschedulable) out.push('NodeUnschedulable');
  return out;
}

function isTerminal(p: PodObject): boolean {
  const phase = p.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function sameLabels(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  if (a === b) return true;
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  for (const k of ka) if (a![k] !== b?.[k]) return false;
  return true;
}

/** A pending pod's update that may change its scheduling (`isPodUpdated` ignoring status). */
function relevantPendingChange(old: PodObject | undefined, p: PodObject): boolean {
  if (!old) return true;
  if (!sameLabels(old.metadata.labels, p.metadata.labels)) return true;
  return old.spec !== p.spec && JSON.stringify(old.spec) !== JSON.stringify(p.spec);
}

/**
 * The scheduler's state between cycles, fed by the informers (`eventhandlers.go`):
 * the cache of NodeInfo (assigned and assumed pods), the scheduling queue of
 * pending pods, cluster events waiting to requeue unschedulable pods, and the
 * decision log.
 */
export class SchedulerCore {
  /** Queued and cached pods by key, in one map, with their decision-log rows (see `PodRegistry`). */
  private readonly registry = new PodRegistry();
  readonly cache = new SchedulerCache(this.registry);
  readonly queue = new SchedulingQueue(this.registry);
  readonly framework = new SchedulingFramework();
  /** Pending pods nominated to a node by a preemption (the queue's PodNominator). */
  readonly nominator = new PodNominator();
  readonly decisions: DecisionLog;
  nextStartIndex = 0;
  /** The pod `scheduleOne` is binding (assumed, so cached), while its binding is written; else null. */
  binding: PodInfo | null = null;
  busyUntil = 0;
  /** When the leftover flush ticker started (scheduler start). */
  flushEpoch = 0;
  clock: VirtualClock | undefined;
  private nodeEvents = new Map<string, NodeEvent>();
  private podEvents: { pod: PodInfo; added: boolean }[] = [];
  private podEventsOverflow = false;
  private volumeEvents = false;

  constructor(fullDecisions = FULL_DECISIONS) {
    this.decisions = new DecisionLog(this.framework.scorers, fullDecisions, this.cache, this.registry);
    this.framework.nominator = this.nominator;
  }

  get initialised(): boolean {
    return this.clock !== undefined;
  }

  /** First run: list what exists (objects created before the watches started), then follow events. */
  init(store: ObjectStore, clock: VirtualClock): void {
    this.clock = clock;
    this.flushEpoch = clock.now();
    this.cache.volumes = store;
    for (const r of ['nodes', ...WATCHED_OBJECTS, 'pods']) {
      if (!store.has(r)) continue;
      for (const obj of store.list(r)) this.onEvent({ type: 'ADDED', resource: r, key: '', object: obj });
    }
  }

  private now(): number {
    return this.clock!.now();
  }

  /** An informer event. Returns true when the queue has work it did not have before. */
  onEvent(e: WatchEvent): boolean {
    if (!this.clock) return true;
    if (e.resource === 'pods') return this.onPod(e);
    if (e.resource === 'nodes') return this.onNode(e);
    // Why: a claim, volume or class change may let a pod VolumeBinding rejected fit (its queueing hints, simplified to "maybe").
    if (VOLUME_RESOURCES.includes(e.resource)) return (this.volumeEvents = true);
    this.cache.upsertObject(e.resource, e.object as KubeObject, e.type === 'DELETED');
    return false;
  }

  private onNode(e: WatchEvent): boolean {
    const obj = e.object as NodeObject;
    if (e.type === 'DELETED') {
      this.cache.removeNode(obj.metadata.name);
      return false;
    }
    const old = this.cache.node(obj.metadata.name)?.node;
    const change = this.cache.upsertNode(obj);
    if (!change.added && !change.allocatable && !change.labels && !change.taints && !change.unschedulable) return false;
    const prev = this.nodeEvents.get(obj.metadata.name);
    const node = this.cache.node(obj.metadata.name)!;
    if (prev) {
      const c = prev.change;
      this.nodeEvents.set(obj.metadata.name, { node, old: prev.old, change: { added: c.added || change.added, allocatable: c.allocatable || change.allocatable, labels: c.labels || change.labels, taints: c.taints || change.taints, unschedulable: c.unschedulable || change.unschedulable } });
    } else this.nodeEvents.set(obj.metadata.name, { node, old, change });
    return true;
  }

  private podEvent(pod: PodInfo, added: boolean): void {
    if (this.podEvents.length >= MAX_POD_EVENTS) this.podEventsOverflow = true;
    else this.podEvents.push({ pod, added });
  }

  private onPod(e: WatchEvent): boolean {
    const pod = e.object as PodObject;
    // The store's key is the same `namespace/name` (pods are namespaced), already hashed: no new string per event.
    const key = e.key || `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
    if (e.type === 'DELETED') this.decisions.forget(key);
    // The queue's nominations: only a pending pod with status.nominatedNodeName keeps one (set again below).
    this.nominator.delete(key);
    // The scheduler's pod informer never sees finished pods: they are gone for it.
    if (e.type === 'DELETED' || isTerminal(pod)) {
      this.queue.delete(key);
      const gone = this.cache.cachedPod(key);
      if (gone && this.cache.removePod(key)) this.podEvent(gone, false);
      return gone !== undefined;
    }
    const nodeName = pod.spec?.nodeName;
    if (nodeName) {
      // Why: no lookup by key in the 150,000-pod map for the binding's echo (the pod in hand: cached while `cachedNode` is
      // set) nor, mostly, for a status write (the version it replaces finds the pod, see `PodsByVersion`).
      const b = this.binding;
      const assumed = b !== null && b.cachedNode !== undefined && b.key === key;
      const old = e.old as PodObject | undefined;
      const byVersion = assumed || old === undefined ? undefined : this.cache.cachedVersion(old);
      const cached = assumed ? b : (byVersion ?? this.cache.cachedPod(key));
      // A pod found by the version it holds is on the node that version names (a bound pod is cached on its spec's
      // node, and no version of it names another): the version the store just read is asked, not the NodeInfo.
      if (cached && (byVersion !== undefined ? old!.spec?.nodeName === nodeName : cached.cachedNode!.name === nodeName)) {
        // Assumed or known (so no longer queued): only labels and termination matter to the cache (the old version can go).
        if (sameLabels(cached.labels, pod.metadata.labels) && cached.terminating === (pod.metadata.deletionTimestamp != null)) {
          this.cache.holdVersion(cached, pod);
          return false;
        }
      }
      this.queue.delete(key);
      // A bound pod's spec no longer changes in what PodInfo derives from it.
      const info = new PodInfo(pod, cached?.uid === pod.metadata.uid ? cached : undefined, key);
      this.cache.addPod(info, nodeName);
      this.podEvent(info, true);
      return true;
    }
    if ((pod.spec?.schedulerName ?? SCHEDULER_NAME) !== SCHEDULER_NAME || pod.metadata.deletionTimestamp) {
      this.queue.delete(key);
      return false;
    }
    // A pending pod's nomination (set by a preemption, cleared by a later one): other pods are filtered with it on that node.
    const nominated = pod.status?.nominatedNodeName;
    if (nominated) this.nominator.set(key, nominated, new PodInfo(pod, undefined, key));
    // Why: an ADDED pod is new to the registry (the store reports ADDED only for a key it did not hold, and a pod
    // leaves the registry with its DELETED event): no lookup that must miss in the 150,000-pod map.
    if (e.type === 'ADDED' || !this.queue.get(key)) {
      this.queue.add(pod, this.now(), key);
      return true;
    }
    this.queue.update(pod, relevantPendingChange(e.old as PodObject | undefined, pod), this.now(), key);
    return true;
  }

  /** Requeues unschedulable pods that the cluster events since the last cycle may have helped. */
  applyClusterEvents(): void {
    const volumeEvents = this.volumeEvents;
    this.volumeEvents = false;
    if (volumeEvents) this.queue.moveIf(this.queue.unschedulableWith(['VolumeBinding']), () => true, this.now());
    if (this.nodeEvents.size === 0 && this.podEvents.length === 0 && !this.podEventsOverflow) return;
    if (this.queue.unschedulableCount === 0) {
      // Nobody waits for an event: they are simply dropped (the common case while a workload rolls out).
      if (this.nodeEvents.size > 0) this.nodeEvents = new Map();
      this.podEvents.length = 0;
      this.podEventsOverflow = false;
      return;
    }
    const nodeEvents = [...this.nodeEvents.values()];
    const podEvents = this.podEvents;
    const overflow = this.podEventsOverflow;
    this.nodeEvents = new Map();
    this.podEvents = [];
    this.podEventsOverflow = false;
    // Only pods rejected by a plugin that cares about one of these events are visited.
    const interested = new Set<string>();
    for (const e of nodeEvents) for (const p of pluginsFor(e)) interested.add(p);
    for (const e of podEvents) for (const p of e.added ? POD_ADDED_PLUGINS : POD_REMOVED_PLUGINS) interested.add(p);
    if (overflow) for (const p of POD_REMOVED_PLUGINS) interested.add(p);
    this.queue.moveIf(this.queue.unschedulableWith(interested), (q) => {
      const info = (q.info ??= new PodInfo(q.pod, undefined, q.key));
      for (const plugin of q.unschedulablePlugins) {
        for (const e of nodeEvents) if (nodeEventHint(plugin, info, e)) return true;
        if (overflow && POD_REMOVED_PLUGINS.includes(plugin)) return true;
        for (const e of podEvents) if (podEventHint(plugin, info, e.pod, e.added)) return true;
      }
      return false;
    }, this.now());
  }
}
