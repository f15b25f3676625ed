import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerCondition, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import { cpuMillis, bytesOf } from '../../../../lib/quantity';
import { toTimestamp } from '../../../engine/clock';
import { deepEqual } from '../../api/objectDiff';
import { fromLabelSelector, matches } from '../../api/selectors';
import type { KubeObject } from '../../api/types';
import type { MetricsResult, PodMetrics } from '../../metrics/usage';
import type { K8sContext, K8sController } from '../context';
import { normalizeLegacy, normalizeWithBehavior, type Condition, type Recommendation, type ScaleEvent } from './normalize';
import { resourceReplicas, type PodFacts } from './replicaCalculator';

type HPAObj = KubeObject & HorizontalPodAutoscaler;
type PodObj = KubeObject & Pod;
type Scalable = KubeObject & { spec?: { replicas?: number; selector?: { matchLabels?: Record<string, string>; matchExpressions?: [] } }; status?: { replicas?: number } };

/** `--horizontal-pod-autoscaler-sync-period`. */
export const HPA_SYNC_MS = 15_000;

const SCALABLE: Record<string, string> = { Deployment: 'deployments.apps', ReplicaSet: 'replicasets.apps', StatefulSet: 'statefulsets.apps' };

interface HpaMemory {
  uid: string;
  recommendations: Recommendation[];
  events: ScaleEvent[];
}

/** The metric name kubectl and the events use: `cpu resource utilization (percentage of request)`. */
function metricName(m: MetricSpec): string {
  if (m.type === 'Resource' && m.resource) return m.resource.target.type === 'Utilization' ? `${m.resource.name} resource utilization (percentage of request)` : `${m.resource.name} resource`;
  return `${m.type.toLowerCase()} metric`;
}

/**
 * The horizontal pod autoscaler controller (`pkg/controller/podautoscaler`):
 * every 15 s per HPA, read the target's scale and the pods' usage from the
 * metrics API, compute and normalise the desired replicas, rescale the
 * target, and write status, conditions and events as upstream does.
 * Resource metrics (cpu, memory) with Utilization or AverageValue targets
 * are computed; other metric types report InvalidMetricSourceType.
 */
export function createHPAController(metrics: (namespace: string) => MetricsResult<PodMetrics>): K8sController {
  const memory = new Map<string, HpaMemory>();
  return {
    name: 'horizontal-pod-autoscaler',
    // New HPAs and spec changes sync at once; after that the 15 s resync drives it (the controller's own
    // status writes do not requeue it, as upstream's rate-limited queue does not).
    watches: [
      {
        resource: 'horizontalpodautoscalers.autoscaling',
        map: (e) => {
          if (e.type === 'DELETED') {
            memory.delete(e.key);
            return undefined;
          }
          if (e.type === 'MODIFIED' && e.old && (e.old as KubeObject).metadata.generation === (e.object as KubeObject).metadata.generation) return undefined;
          return e.key;
        },
      },
    ],
    reconcile(key, ctx) {
      const hpa = ctx.store.get<HPAObj>('horizontalpodautoscalers.autoscaling', key);
      if (!hpa) return;
      let mem = memory.get(key);
      if (!mem || mem.uid !== hpa.metadata.uid) memory.set(key, (mem = { uid: hpa.metadata.uid!, recommendations: [], events: [] }));
      reconcileAutoscaler(hpa, mem, ctx, metrics);
      ctx.wakeAfter(key, HPA_SYNC_MS);
    },
  };
}

function reconcileAutoscaler(hpa: HPAObj, mem: HpaMemory, ctx: K8sContext, metrics: (namespace: string) => MetricsResult<PodMetrics>): void {
  const now = ctx.clock.now();
  const ns = hpa.metadata.namespace ?? 'default';
  const spec = hpa.spec!;
  const ref = spec.scaleTargetRef;
  const min = spec.minReplicas ?? 1;
  const max = spec.maxReplicas;
  const conditions: Record<string, Condition> = {};
  const status = { ...hpa.status } as NonNullable<HPAObj['status']>;
  const resource = SCALABLE[ref.kind];
  const target = resource && ctx.store.has(resource) ? ctx.store.get<Scalable>(resource, `${ns}/${ref.name}`) : undefined;
  if (!target) {
    const message = resource ? `${resource} "${ref.name}" not found` : `no matches for kind "${ref.kind}" in group "${(ref.apiVersion ?? '').split('/')[0]}"`;
    ctx.event(hpa, 'Warning', 'FailedGetScale', message);
    conditions.AbleToScale = { status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: ${message}` };
    return writeStatus(hpa, status, conditions, ctx);
  }
  conditions.AbleToScale = { status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" };
  const current = target.spec?.replicas ?? 1;
  status.currentReplicas = target.status?.replicas ?? current;
  if (mem.recommendations.length === 0) mem.recommendations.push({ at: now, replicas: current });
  let desired: number;
  let rescaleReason = '';
  if (current === 0 && min !== 0) {
    desired = 0;
    conditions.ScalingActive = { status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' };
  } else if (current > max) {
    desired = max;
    rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
  } else if (current < min) {
    desired = min;
    rescaleReason = 'Current number of replicas below Spec.MinReplicas';
  } else {
    const computed = computeReplicas(hpa, current, target, ctx, metrics, now);
    if (!computed.ok) {
      ctx.event(hpa, 'Warning', computed.reason, computed.eventMessage);
      ctx.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', `invalid metrics (1 invalid out of ${spec.metrics?.length ?? 1}), first error is: ${computed.eventMessage}`);
      conditions.ScalingActive = { status: 'False', reason: computed.reason, message: `the HPA was unable to compute the replica count: ${computed.eventMessage}` };
      status.currentMetrics = computed.statuses;
      return writeStatus(hpa, status, conditions, ctx);
    }
    conditions.ScalingActive = { status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from ${computed.metric}` };
    status.currentMetrics = computed.statuses;
    const n = spec.behavior ? normalizeWithBehavior(computed.replicas, current, min, max, spec.behavior, mem.recommendations, mem.events, now) : normalizeLegacy(computed.replicas, current, min, max, mem.recommendations, now);
    // Keep the recommendations the windows can still see (the longest window is 1 h).
    mem.recommendations = mem.recommendations.filter((r) => r.at > now - 3_600_000);
    mem.recommendations.push({ at: now, replicas: computed.replicas });
    if (n.ableToScale) conditions.AbleToScale = n.ableToScale;
    else if (conditions.AbleToScale.reason === 'SucceededGetScale') conditions.AbleToScale = { status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
    conditions.ScalingLimited = n.scalingLimited;
    desired = n.replicas;
    rescaleReason = desired > current ? `${computed.metric} above target` : 'All metrics below target';
  }
  if (desired !== current && !(current === 0 && min !== 0)) {
    const r = ctx.api.update({ ...target, spec: { ...target.spec, replicas: desired } } as KubeObject);
    if (r.ok) {
      ctx.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${rescaleReason}`);
      ctx.note(`HPA ${hpa.metadata.name}: ${current} → ${desired} replicas (${rescaleReason})`, `${ns}/${hpa.metadata.name}`);
      conditions.AbleToScale = { status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${desired}` };
      status.lastScaleTime = toTimestamp(now);
      mem.events = mem.events.filter((e) => e.at > now - 3_600_000);
      mem.events.push({ at: now, change: desired - current });
    } else {
      ctx.event(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${rescaleReason}; error: ${r.status.message}`);
      conditions.AbleToScale = { status: 'False', reason: 'FailedUpdateScale', message: `the HPA controller was unable to update the target scale: ${r.status.message}` };
    }
  }
  status.desiredReplicas = desired;
  writeStatus(hpa, status, conditions, ctx);
}

type Computed =
  | { ok: true; replicas: number; metric: string; statuses: MetricStatus[] }
  | { ok: false; reason: string; eventMessage: string; statuses: MetricStatus[] };

/** Each metric's proposal; the largest wins (`computeReplicasForMetrics`). */
function computeReplicas(hpa: HPAObj, current: number, target: Scalable, ctx: K8sContext, metrics: (namespace: string) => MetricsResult<PodMetrics>, now: number): Computed {
  const ns = hpa.metadata.namespace ?? 'default';
  const specs = hpa.spec?.metrics ?? [];
  const selector = target.spec?.selector ? fromLabelSelector(target.spec.selector) : undefined;
  const pods = selector ? ctx.store.list<PodObj>('pods', ns).filter((p) => matches(selector, p.metadata.labels)) : [];
  const statuses: MetricStatus[] = [];
  let best: { replicas: number; metric: string } | undefined;
  let firstError: { reason: string; message: string } | undefined;
  for (const m of specs) {
    if (m.type !== 'Resource' || !m.resource) {
      firstError ??= { reason: 'InvalidMetricSourceType', message: `the metric source type ${m.type} is not simulated` };
      continue;
    }
    const name = m.resource.name as 'cpu' | 'memory';
    const usage = metrics(ns);
    if (!usage.ok) {
      firstError ??= { reason: 'FailedGetResourceMetric', message: `failed to get ${name} utilization: unable to get metrics for resource ${name}: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)` };
      statuses.push({ type: 'Resource', resource: { name, current: {} } });
      continue;
    }
    const byName = new Map(usage.items.map((p) => [p.name, p]));
    const facts: PodFacts[] = pods.map((p) => {
      const u = byName.get(p.metadata.name);
      const containers = p.spec?.containers ?? [];
      const reqs = containers.map((c) => (name === 'cpu' ? cpuMillis(c.resources?.requests?.cpu) : bytesOf(c.resources?.requests?.memory) * 1000));
      const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
      return {
        name: p.metadata.name,
        phase: p.status?.phase ?? 'Pending',
        deleting: !!p.metadata.deletionTimestamp,
        request: reqs.some((r) => r === 0) ? undefined : reqs.reduce((a, b) => a + b, 0),
        usage: u ? u.containers.reduce((a, c) => a + (name === 'cpu' ? c.cpuMilli : c.memoryBytes * 1000), 0) : undefined,
        sampleAt: now,
        startTime: p.status?.startTime ? Date.parse(p.status.startTime) : undefined,
        ready: ready ? { status: ready.status === 'True', lastTransitionTime: Date.parse(ready.lastTransitionTime ?? '') || 0 } : undefined,
      };
    });
    const t = m.resource.target;
    if (t.type === 'Utilization') {
      const r = resourceReplicas(current, t.averageUtilization ?? 80, name, facts, now);
      if (!r.ok) {
        firstError ??= { reason: 'FailedGetResourceMetric', message: `failed to get ${name} utilization: ${r.message}` };
        statuses.push({ type: 'Resource', resource: { name, current: {} } });
        continue;
      }
      const totalUsage = facts.reduce((a, f) => a + (f.usage ?? 0), 0);
      const counted = facts.filter((f) => f.usage !== undefined).length || 1;
      const avg = name === 'cpu' ? `${Math.round(totalUsage / counted)}m` : `${Math.round(totalUsage / counted / 1000)}`;
      statuses.push({ type: 'Resource', resource: { name, current: { averageUtilization: r.utilization, averageValue: avg } } });
      if (!best || r.replicas > best.replicas) best = { replicas: r.replicas, metric: metricName(m) };
    } else {
      // AverageValue: mean usage per pod against the target value, no truncation.
      const withUsage = facts.filter((f) => f.usage !== undefined && f.phase === 'Running' && !f.deleting);
      if (withUsage.length === 0) {
        firstError ??= { reason: 'FailedGetResourceMetric', message: `failed to get ${name} usage: did not receive metrics for targeted pods (pods might be unready)` };
        continue;
      }
      const targetValue = name === 'cpu' ? cpuMillis(t.averageValue) : bytesOf(t.averageValue) * 1000;
      const mean = withUsage.reduce((a, f) => a + f.usage!, 0) / withUsage.length;
      const ratio = mean / targetValue;
      const replicas = Math.abs(1 - ratio) <= 0.1 ? current : Math.ceil(ratio * withUsage.length);
      statuses.push({ type: 'Resource', resource: { name, current: { averageValue: name === 'cpu' ? `${Math.round(mean)}m` : `${Math.round(mean / 1000)}` } } });
      if (!best || replicas > best.replicas) best = { replicas, metric: metricName(m) };
    }
  }
  if (!best) {
    const e = firstError ?? { reason: 'FailedGetResourceMetric', message: 'no metrics' };
    return { ok: false, reason: e.reason, eventMessage: e.message, statuses };
  }
  return { ok: true, replicas: best.replicas, metric: best.metric, statuses };
}

const CONDITION_ORDER = ['AbleToScale', 'ScalingActive', 'ScalingLimited'];

/** Writes status and conditions (keeping lastTransitionTime for unchanged statuses) when they changed. */
function writeStatus(hpa: HPAObj, status: NonNullable<HPAObj['status']>, conditions: Record<string, Condition>, ctx: K8sContext): void {
  const now = toTimestamp(ctx.clock.now());
  const old = hpa.status?.conditions ?? [];
  const list: HorizontalPodAutoscalerCondition[] = [];
  for (const type of CONDITION_ORDER) {
    const c = conditions[type] ?? old.find((o) => o.type === type);
    if (!c) continue;
    const prev = old.find((o) => o.type === type);
    list.push({ type, status: c.status, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : now, reason: c.reason, message: c.message });
  }
  const next = { ...status, conditions: list };
  if (next.desiredReplicas === undefined) next.desiredReplicas = next.currentReplicas ?? 0;
  if (!deepEqual(next, hpa.status)) ctx.api.updateStatus({ ...hpa, status: next } as KubeObject);
}
