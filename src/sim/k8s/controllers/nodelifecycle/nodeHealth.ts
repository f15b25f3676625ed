import type { Node, NodeCondition, Taint } from 'kubernetes-types/core/v1';

/**
 * Kernels of the node lifecycle controller
 * (`pkg/controller/nodelifecycle/node_lifecycle_controller.go`, 1.32):
 * settings, when a node's health signal is stale, the Unknown conditions it
 * then posts, and the taints that mirror node conditions.
 */

/** `--node-monitor-period`: how often node health is checked. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** `--node-monitor-grace-period`: 50 s since v1.32 (40 s before; kubernetes/kubernetes#126287). */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** `--node-startup-grace-period`: for a node whose kubelet never posted a Ready condition. */
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000;
/** `--node-eviction-rate`: NoExecute taints per second per zone. */
export const NODE_EVICTION_RATE = 0.1;
/** `--secondary-node-eviction-rate`: per zone, when the zone is partially disrupted in a large cluster. */
export const SECONDARY_NODE_EVICTION_RATE = 0.01;
/** `--large-cluster-size-threshold`: zones up to this size get no tainting at all when partially disrupted. */
export const LARGE_CLUSTER_SIZE_THRESHOLD = 50;
/** `--unhealthy-zone-threshold`: share of not-Ready nodes (and more than 2) that makes a zone partially disrupted. */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** `nodeConditionToTaintKeyStatusMap`: condition type → status → the NoSchedule taint it implies. */
const CONDITION_TAINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};

/** `taintKeyToNodeConditionMap` keys: the NoSchedule taints this controller owns (with the unschedulable one). */
const OWNED_NO_SCHEDULE = new Set([TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE, ...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m))]);

/** The conditions posted as Unknown when the kubelet goes silent (`NodeNetworkUnavailable` is left alone). */
const MONITORED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** A node's Ready condition status: `True`, `False`, `Unknown`, or undefined when never posted. */
export function readyStatus(node: Node): string | undefined {
  for (const c of node.status?.conditions ?? []) if (c.type === 'Ready') return c.status;
  return undefined;
}

/** The first monitor tick strictly after `t` (health checks happen on a fixed 5 s beat). */
export function nextMonitorTick(t: number): number {
  return Math.floor(t / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS + NODE_MONITOR_PERIOD_MS;
}

/**
 * `probeTimestamp`: when the controller last saw the node's health signal
 * move — the monitor tick at which a newer Lease `renewTime` or Ready
 * `lastHeartbeatTime` was first observable. Without either, the node's
 * creation time. Never before `floor` (reset on leaving full disruption).
 */
export function probeTime(node: Node, leaseRenewTime: string | undefined, floor: number): number {
  let latest = -Infinity;
  const renew = leaseRenewTime ? Date.parse(leaseRenewTime) : NaN;
  if (!Number.isNaN(renew)) latest = renew;
  for (const c of node.status?.conditions ?? []) {
    if (c.type !== 'Ready' || !c.lastHeartbeatTime) continue;
    const hb = Date.parse(c.lastHeartbeatTime);
    if (!Number.isNaN(hb) && hb > latest) latest = hb;
  }
  if (latest === -Infinity) latest = Date.parse(node.metadata?.creationTimestamp ?? '') || 0;
  return Math.max(Math.ceil(latest / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS, floor);
}

/** The grace period a node is entitled to: the startup grace while it never posted Ready. */
export function gracePeriodFor(node: Node): number {
  return readyStatus(node) === undefined ? NODE_STARTUP_GRACE_PERIOD_MS : NODE_MONITOR_GRACE_PERIOD_MS;
}

/**
 * `tryUpdateNodeHealth` once the grace period is over: Ready, MemoryPressure,
 * DiskPressure and PIDPressure become Unknown (`NodeStatusUnknown`, "Kubelet
 * stopped posting node status."), or are added as `NodeStatusNeverUpdated`
 * when the kubelet never posted them. Heartbeat times are kept.
 */
export function unknownConditions(conditions: readonly NodeCondition[] | undefined, creationTimestamp: string | undefined, now: string): NodeCondition[] {
  const out = [...(conditions ?? [])];
  for (const type of MONITORED_CONDITIONS) {
    const i = out.findIndex((c) => c.type === type);
    if (i < 0) {
      out.push({ type, status: 'Unknown', lastHeartbeatTime: creationTimestamp, lastTransitionTime: now, reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' });
    } else if (out[i].status !== 'Unknown') {
      out[i] = { ...out[i], status: 'Unknown', lastTransitionTime: now, reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' };
    }
  }
  return out;
}

/** `doNoScheduleTaintingPass`'s target: the NoSchedule taint keys the node's conditions and cordon call for. */
export function conditionTaintKeys(node: Node): string[] {
  const keys: string[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) keys.push(key);
  }
  if (node.spec?.unschedulable) keys.push(TAINT_UNSCHEDULABLE);
  return keys;
}

/** Whether a taint is one of the NoSchedule taints this controller keeps in line with conditions. */
export function isOwnedNoScheduleTaint(t: Taint): boolean {
  return t.effect === 'NoSchedule' && OWNED_NO_SCHEDULE.has(t.key);
}

/** `TaintExists` for a key with effect NoExecute. */
export function hasNoExecuteTaint(node: Node, key: string): boolean {
  return (node.spec?.taints ?? []).some((t) => t.key === key && t.effect === 'NoExecute');
}

/**
 * The node's taints after `SwapNodeControllerTaint`: `remove` dropped,
 * `add` appended (with `timeAdded`) unless already there. Undefined when
 * nothing changes.
 */
export function swapTaints(taints: readonly Taint[] | undefined, add: readonly Taint[], remove: readonly Taint[], timeAdded: string): Taint[] | undefined {
  const same = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
  const kept = (taints ?? []).filter((t) => !remove.some((r) => same(r, t)));
  let changed = kept.length !== (taints ?? []).length;
  for (const t of add) {
    if (kept.some((k) => same(k, t))) continue;
    kept.push({ ...t, timeAdded });
    changed = true;
  }
  return changed ? kept : undefined;
}

/** `nodetopology.GetZoneKey`: region and zone labels (stable, then beta), `""` when neither is set. */
export function zoneKey(node: Node): string {
  const labels = node.metadata?.labels ?? {};
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}

/** Nodes labelled `node.kubernetes.io/exclude-disruption` do not count towards zone health. */
export function isExcludedFromDisruptionChecks(node: Node): boolean {
  return node.metadata?.labels?.['node.kubernetes.io/exclude-disruption'] !== undefined;
}
