import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { toTimestamp } from '../../engine/clock';
import type { KubeObject } from '../api/types';
import type { K8sContext, K8sController } from './context';
import {
  NODE_MONITOR_PERIOD_MS,
  TAINT_NOT_READY,
  TAINT_UNREACHABLE,
  conditionTaintKeys,
  gracePeriodFor,
  hasNoExecuteTaint,
  isExcludedFromDisruptionChecks,
  isOwnedNoScheduleTaint,
  nextMonitorTick,
  probeTime,
  readyStatus,
  swapTaints,
  unknownConditions,
  zoneKey,
} from './nodelifecycle/nodeHealth';
import { computeZoneState, taintingRate, ZoneTainter, type ZoneState } from './nodelifecycle/zones';

type NodeObj = KubeObject & Node;
type PodObj = KubeObject & Pod;

const NOT_READY: Taint = { key: TAINT_NOT_READY, effect: 'NoExecute' };
const UNREACHABLE: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };

/** What the controller remembers of a node between passes (`nodeHealthData` plus zone bookkeeping). */
interface NodeHealth {
  uid: string | undefined;
  /** `health:<node>` and the node's Lease key, built once. */
  healthKey: string;
  leaseKey: string;
  /** Ready status as the last health pass left it. */
  ready: string | undefined;
  zone: string;
  /** Counted in its zone's health (not excluded from disruption checks). */
  counted: boolean;
  notReady: boolean;
}

/**
 * The node lifecycle controller (kube-controller-manager, events as
 * `node-controller`). Three loops, as upstream:
 * - `health:<node>` every 5 s beat (`monitorNodeHealth`): when neither the
 *   Lease nor the node status moved for the grace period (50 s), post the
 *   conditions Unknown, mark the node's pods not Ready, record
 *   `NodeNotReady`; queue NotReady/Unknown nodes for their NoExecute taint
 *   and remove it when Ready again. Each node is only checked when its
 *   deadline comes (a timer per node), not all nodes every 5 s.
 * - `<node>` on every node change (`doNoScheduleTaintingPass`): NoSchedule
 *   taints mirror the conditions and cordon.
 * - `zone:<key>` (`doNoExecuteTaintingPass`): NoExecute taints applied at
 *   0.1 node/s per zone, slower or not at all when a zone looks partitioned.
 */
export function createNodeLifecycleController(): K8sController {
  const health = new Map<string, NodeHealth>();
  const zones = new Map<string, ZoneTainter>();
  /** Probe timestamps are not older than this (reset when leaving full disruption). */
  let probeFloor = -Infinity;

  const zone = (key: string): ZoneTainter => {
    let z = zones.get(key);
    if (!z) zones.set(key, (z = new ZoneTainter(key)));
    return z;
  };
  const getNode = (ctx: K8sContext, name: string) => ctx.store.get<NodeObj>('nodes', name);

  /** Writes the node's taints (re-read: a status write may have moved its resourceVersion). */
  const writeTaints = (ctx: K8sContext, name: string, add: Taint[], remove: Taint[]): boolean => {
    const node = getNode(ctx, name);
    if (!node) return false;
    const next = swapTaints(node.spec?.taints, add, remove, ctx.clock.timestamp());
    if (!next) return false;
    const spec = { ...node.spec };
    if (next.length) spec.taints = next;
    else delete spec.taints;
    return ctx.api.update({ ...node, spec }, { trusted: true }).ok;
  };

  /** Whether the node is tainted, or queued to be, for its current not-Ready state. */
  const noExecuteSettled = (node: NodeObj, ready: string | undefined, h: NodeHealth | undefined): boolean => {
    if (ready === 'True') return !hasNoExecuteTaint(node, TAINT_UNREACHABLE) && !hasNoExecuteTaint(node, TAINT_NOT_READY);
    const key = ready === 'False' ? TAINT_NOT_READY : TAINT_UNREACHABLE;
    return hasNoExecuteTaint(node, key) || (h !== undefined && zones.get(h.zone)?.members.has(node.metadata.name) === true);
  };

  /** `markNodeAsReachable`: no NoExecute node-controller taint, not queued. */
  const markNodeAsReachable = (ctx: K8sContext, node: NodeObj): void => {
    if (hasNoExecuteTaint(node, TAINT_UNREACHABLE) || hasNoExecuteTaint(node, TAINT_NOT_READY)) writeTaints(ctx, node.metadata.name, [], [UNREACHABLE, NOT_READY]);
    const z = zones.get(zoneKey(node));
    if (z?.members.has(node.metadata.name)) z.remove(node.metadata.name);
  };

  /** `doNoExecuteTaintingPass` for one zone: taint queued nodes as tokens allow. */
  const taintZone = (ctx: K8sContext, key: string): void => {
    const z = zones.get(key);
    if (!z) return;
    const now = ctx.clock.now();
    while (z.queue.length > 0) {
      if (!z.tryAccept(now)) {
        const at = z.nextTokenTime();
        if (at !== undefined) ctx.wakeAt(`zone:${key}`, at);
        return;
      }
      const name = z.queue.shift()!;
      const node = getNode(ctx, name);
      if (!node) {
        z.members.delete(name);
        continue;
      }
      // "unreachable" and "not-ready" are mutually exclusive, as Ready's Unknown and False are.
      const ready = readyStatus(node);
      if (ready === 'False') writeTaints(ctx, name, [NOT_READY], [UNREACHABLE]);
      else if (ready === 'Unknown') writeTaints(ctx, name, [UNREACHABLE], [NOT_READY]);
    }
  };

  /** `markNodeForTainting`: (re)queue a node that lacks the NoExecute taint for its state. */
  const markNodeForTainting = (ctx: K8sContext, node: NodeObj, status: string): void => {
    const z = zone(zoneKey(node));
    const key = status === 'False' ? TAINT_NOT_READY : TAINT_UNREACHABLE;
    if (!hasNoExecuteTaint(node, key)) z.remove(node.metadata.name);
    z.add(node.metadata.name);
    taintZone(ctx, z.key);
  };

  /** `processTaintBaseEviction`, driven by the Ready status seen at the start of the pass. */
  const processTaintBaseEviction = (ctx: K8sContext, node: NodeObj, observed: string | undefined): void => {
    if (observed === 'False' || observed === 'Unknown') {
      const [wrong, right] = observed === 'False' ? [UNREACHABLE, NOT_READY] : [NOT_READY, UNREACHABLE];
      // Already tainted the other way: swap straight away, no rate limit.
      if (hasNoExecuteTaint(node, wrong.key)) writeTaints(ctx, node.metadata.name, [right], [wrong]);
      else markNodeForTainting(ctx, node, observed);
    } else if (observed === 'True') markNodeAsReachable(ctx, node);
  };

  /** `MarkPodsNotReady`: every pod on the node gets Ready=False, and a `NodeNotReady` warning. */
  const markPodsNotReady = (ctx: K8sContext, nodeName: string): void => {
    const ts = ctx.clock.timestamp();
    for (const pod of ctx.store.listByIndex<PodObj>('pods', 'spec.nodeName', nodeName)) {
      const conditions = pod.status?.conditions ?? [];
      const i = conditions.findIndex((c) => c.type === 'Ready');
      if (i < 0 || conditions[i].status === 'False') continue;
      const next = [...conditions];
      next[i] = { ...conditions[i], status: 'False', lastTransitionTime: ts };
      if (!ctx.api.updateStatus({ ...pod, status: { ...pod.status, conditions: next } }).ok) continue;
      ctx.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    }
  };

  /** Counts the node's Ready state in its zone's health; whether the counts moved. */
  const account = (node: NodeObj, h: NodeHealth, ready: string | undefined): boolean => {
    const zk = zoneKey(node);
    const counted = !isExcludedFromDisruptionChecks(node);
    if (h.ready === ready && h.zone === zk && h.counted === counted && zones.has(zk)) return false;
    if (h.counted) {
      const old = zone(h.zone);
      old.total--;
      if (h.notReady) old.notReady--;
    }
    h.ready = ready;
    h.zone = zk;
    h.counted = counted;
    h.notReady = ready !== 'True';
    zone(h.zone); // every node's zone has a tainter
    if (h.counted) {
      const z = zone(h.zone);
      z.total++;
      if (h.notReady) z.notReady++;
    }
    return true;
  };

  /** `handleDisruption`: zone states set the tainting rates; all zones down stops tainting altogether. */
  const handleDisruption = (ctx: K8sContext): void => {
    const now = ctx.clock.now();
    const next = new Map<ZoneTainter, ZoneState>();
    let allAre = true;
    for (const z of zones.values()) {
      if (z.total <= 0) continue;
      const s = computeZoneState(z.notReady, z.total);
      if (s !== 'FullDisruption') allAre = false;
      next.set(z, s);
      z.state ??= 'Initial';
    }
    let allWere = true;
    for (const z of zones.values()) {
      if (z.state === undefined) continue;
      if (!next.has(z)) {
        z.state = undefined;
        continue;
      }
      if (z.state !== 'FullDisruption') {
        allWere = false;
        break;
      }
    }
    if (allAre && allWere) return;
    if (allAre) {
      // Every node unreachable: the control plane's own network is the likelier culprit. Untaint all, stop tainting.
      for (const name of health.keys()) {
        const node = getNode(ctx, name);
        if (node) markNodeAsReachable(ctx, node);
      }
      for (const z of next.keys()) {
        z.swapLimiter(0, now);
        z.state = 'FullDisruption';
      }
      return;
    }
    if (allWere) probeFloor = now;
    for (const [z, s] of next) {
      if (!allWere && z.state === s) continue;
      z.swapLimiter(taintingRate(s, z.total), now);
      z.state = s;
      taintZone(ctx, z.key);
    }
  };

  /** `monitorNodeHealth` for one node, at a monitor tick. */
  const monitorNodeHealth = (ctx: K8sContext, name: string): void => {
    const node = getNode(ctx, name);
    if (!node) return forgetNode(ctx, name);
    let h = health.get(name);
    if (!h) health.set(name, (h = { uid: node.metadata.uid, healthKey: `health:${name}`, leaseKey: `kube-node-lease/${name}`, ready: undefined, zone: zoneKey(node), counted: false, notReady: false }));
    const now = ctx.clock.now();
    const lease = ctx.store.get<KubeObject & { spec?: { renewTime?: string } }>('leases.coordination.k8s.io', h.leaseKey);
    const observed = readyStatus(node) ?? 'Unknown';
    const probe = probeTime(node, lease?.spec?.renewTime, probeFloor);
    const grace = gracePeriodFor(node);
    let current = observed;
    if (now > probe + grace) {
      current = 'Unknown';
      if (readyStatus(node) !== 'Unknown') {
        const conditions = unknownConditions(node.status?.conditions, node.metadata.creationTimestamp, toTimestamp(now));
        ctx.api.updateStatus({ ...node, status: { ...node.status, conditions } });
      }
    }
    processTaintBaseEviction(ctx, getNode(ctx, name) ?? node, observed);
    if (current !== 'True' && observed === 'True') {
      ctx.event(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      markPodsNotReady(ctx, name);
    }
    if (account(node, h, current)) handleDisruption(ctx);
    if (current === 'True') ctx.wakeAt(h.healthKey, nextMonitorTick(probe + grace));
    else if (!noExecuteSettled(getNode(ctx, name) ?? node, current, h)) ctx.wakeAt(h.healthKey, now + NODE_MONITOR_PERIOD_MS);
  };

  /** A deleted node leaves the controller (`RemovingNode`) and its zone. */
  const forgetNode = (ctx: K8sContext, name: string): void => {
    const h = health.get(name);
    if (!h) return;
    health.delete(name);
    ctx.event({ apiVersion: 'v1', kind: 'Node', metadata: { name, uid: h.uid } }, 'Normal', 'RemovingNode', `Node ${name} event: Removing Node ${name} from Controller`);
    const z = zones.get(h.zone);
    if (z) {
      z.remove(name);
      if (h.counted) {
        z.total--;
        if (h.notReady) z.notReady--;
      }
    }
    handleDisruption(ctx);
  };

  /** `doNoScheduleTaintingPass`, and a health check soon when the node's Ready state moved. */
  const noScheduleTaintingPass = (ctx: K8sContext, name: string): void => {
    const node = getNode(ctx, name);
    if (!node) return forgetNode(ctx, name);
    const want = conditionTaintKeys(node);
    const owned = (node.spec?.taints ?? []).filter(isOwnedNoScheduleTaint);
    const add = want.filter((k) => !owned.some((t) => t.key === k)).map((key): Taint => ({ key, effect: 'NoSchedule' }));
    const remove = owned.filter((t) => !want.includes(t.key));
    if (add.length || remove.length) writeTaints(ctx, name, add, remove);
    const h = health.get(name);
    const now = ctx.clock.now();
    const ready = readyStatus(node);
    if (!h) ctx.wakeAt(`health:${name}`, Math.ceil(now / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS);
    else if (ready !== h.ready || !noExecuteSettled(node, ready, h)) ctx.wakeAt(`health:${name}`, nextMonitorTick(now));
  };

  return {
    name: 'node-controller',
    watches: [{ resource: 'nodes', map: (e) => e.key }],
    reconcile(key, ctx) {
      if (key.startsWith('health:')) monitorNodeHealth(ctx, key.slice(7));
      else if (key.startsWith('zone:')) taintZone(ctx, key.slice(5));
      else noScheduleTaintingPass(ctx, key);
    },
  };
}
