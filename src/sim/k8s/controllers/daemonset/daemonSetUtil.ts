import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, PodSpec, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../api/types';
import { RequiredNodeAffinity } from '../../scheduler/nodeSelectorTerms';
import { findUntoleratedTaint } from '../../scheduler/tolerations';

export type DaemonSetObj = Stored<DaemonSet>;
export type NodeObj = KubeObject & Node;

const exists = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });

/** `AddOrUpdateDaemonPodTolerations`: the tolerations every daemon pod gets. */
export function addOrUpdateDaemonPodTolerations(spec: PodSpec): Toleration[] {
  const add = [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ];
  if (spec.hostNetwork) add.push(exists('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  const out = [...(spec.tolerations ?? [])];
  for (const t of add) if (!out.some((o) => o.key === t.key && o.effect === t.effect && o.operator === t.operator)) out.push(t);
  return out;
}

/**
 * `predicates` / `NodeShouldRunDaemonPod`: should the DaemonSet run a pod
 * on the node, and may an existing one keep running there (an untolerated
 * NoSchedule taint keeps it, NoExecute does not).
 */
export function nodeShouldRunDaemonPod(node: NodeObj, spec: PodSpec): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const fit = new RequiredNodeAffinity({ spec } as never).match({ name: node.metadata.name, labels: node.metadata.labels ?? {} });
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!fit) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = addOrUpdateDaemonPodTolerations(spec);
  const taints: Taint[] = node.spec?.taints ?? [];
  const untolerated = findUntoleratedTaint(taints, tolerations);
  if (!untolerated) return { shouldRun: true, shouldContinueRunning: true };
  const noExecute = findUntoleratedTaint(
    taints.filter((t) => t.effect === 'NoExecute'),
    tolerations,
  );
  return { shouldRun: false, shouldContinueRunning: !noExecute };
}

/** `ReplaceDaemonSetPodNodeNameNodeAffinity`: required node affinity `metadata.name In [node]`, other required terms dropped. */
export function withNodeNameAffinity(spec: PodSpec, nodeName: string): PodSpec {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] };
  const affinity = { ...spec.affinity };
  affinity.nodeAffinity = { ...affinity.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } };
  return { ...spec, affinity };
}
