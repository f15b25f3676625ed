import type { Taint } from 'kubernetes-types/core/v1';
import { NodeInfo, type NodeObject } from './nodeInfo';
import { RequiredNodeAffinity } from './nodeSelectorTerms';
import type { PodInfo } from './podInfo';
import { insufficientResources } from './plugins/nodeResourcesFit';
import type { NodeChange } from './schedulerCache';
import { findUntoleratedTaint, tolerationsTolerateTaint } from './tolerations';

/** A node that was added or changed, with what it looked like before (if it existed). */
export interface NodeEvent {
  node: NodeInfo;
  old?: NodeObject;
  change: NodeChange;
}

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

function view(obj: NodeObject): NodeInfo {
  return new NodeInfo(obj);
}

/** Whether any requested resource (or the pod count) grew on the node. */
function allocatableGrew(pod: PodInfo, before: NodeInfo, after: NodeInfo): boolean {
  if (after.allocPods > before.allocPods) return true;
  const r = pod.res;
  if ((r.cpu > 0 && after.allocCpu > before.allocCpu) || (r.memory > 0 && after.allocMemory > before.allocMemory)) return true;
  if (r.ephemeralStorage > 0 && after.allocEphemeralStorage > before.allocEphemeralStorage) return true;
  for (const [k, v] of r.scalar ?? []) if (v > 0 && (after.allocScalar?.get(k) ?? 0) > (before.allocScalar?.get(k) ?? 0)) return true;
  return false;
}

/**
 * The plugins' queueing hints for a node event (`isSchedulableAfterNodeChange`,
 * v1.32 with SchedulerQueueingHints on): whether the event may make a pod that
 * `plugin` rejected schedulable. PodTopologySpread, InterPodAffinity and
 * NodePorts answer "maybe" to any relevant event (upstream inspects a little more).
 */
export function nodeEventHint(plugin: string, pod: PodInfo, e: NodeEvent): boolean {
  const { change, node } = e;
  const before = change.added || !e.old ? undefined : view(e.old);
  const tolerations = pod.pod.spec?.tolerations;
  switch (plugin) {
    case 'NodeResourcesFit': {
      if (!change.added && !change.allocatable) return false;
      const empty = view(node.node);
      if (insufficientResources(pod.res, empty).length > 0) return false;
      return !before || allocatableGrew(pod, before, empty);
    }
    case 'TaintToleration': {
      if (!change.added && !change.taints) return false;
      if (findUntoleratedTaint(node.taints, tolerations)) return false;
      return !before || findUntoleratedTaint(before.taints, tolerations) !== undefined;
    }
    case 'NodeAffinity': {
      if (!change.added && !change.labels) return false;
      const required = new RequiredNodeAffinity(pod.pod);
      if (!required.match(node)) return false;
      return !before || !required.match(before);
    }
    case 'NodeUnschedulable': {
      if (!change.added && !change.unschedulable && !change.taints) return false;
      const ok = !node.unschedulable || tolerationsTolerateTaint(tolerations, UNSCHEDULABLE_TAINT);
      return ok && (!before || before.unschedulable);
    }
    case 'NodeName':
      return change.added && pod.pod.spec?.nodeName === node.name;
    case 'NodePorts':
      return change.added;
    case 'PodTopologySpread':
    case 'InterPodAffinity':
      return change.added || change.labels;
    default:
      return true;
  }
}

/**
 * Hints for an assigned pod that left its node (deleted, or finished) —
 * NodeResourcesFit queues on any such deletion — or that arrived or changed
 * labels (`added`), which only the inter-pod plugins care about.
 */
export function podEventHint(plugin: string, pod: PodInfo, other: PodInfo, added: boolean): boolean {
  switch (plugin) {
    case 'NodeResourcesFit':
      return !added;
    case 'NodePorts':
      if (added) return false;
      for (const want of pod.hostPorts) for (const p of other.hostPorts) if (p.port === want.port && p.protocol === want.protocol) return true;
      return false;
    case 'PodTopologySpread':
    case 'InterPodAffinity':
      return true;
    default:
      return false;
  }
}
