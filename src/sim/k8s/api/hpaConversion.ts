import {
  behaviorFromGoFields,
  behaviorToGoFields,
  conditionFromV1,
  conditionV1,
  goMarshal,
  metricSpecFromV1,
  metricSpecToV1,
  metricStatusFromV1,
  metricStatusToV1,
  pruned,
} from './hpaMetricConversion';
import type { KubeObject } from './types';

/**
 * HorizontalPodAutoscaler between autoscaling/v1 and autoscaling/v2, the
 * storage version (`pkg/apis/autoscaling/v1/conversion.go`, 1.32). v1 holds
 * one CPU utilization target; what it cannot hold — the other metrics, the
 * current metrics, the behavior, the conditions — rides in annotations, so a
 * v1 client that reads an object and writes it back loses nothing.
 */

/** `autoscaling.MetricSpecsAnnotation`: the metrics v1 cannot hold, as v1 `MetricSpec`s. */
export const METRIC_SPECS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
/** `autoscaling.MetricStatusesAnnotation`: every current metric, as v1 `MetricStatus`es. */
export const METRIC_STATUSES_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';
/** `autoscaling.HorizontalPodAutoscalerConditionsAnnotation`. */
export const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';
/** `autoscaling.BehaviorSpecsAnnotation`. */
export const BEHAVIOR_SPECS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';
/** `autoscaling.DefaultCPUUtilization`: the target of an autoscaler that names none. */
const DEFAULT_CPU_UTILIZATION = 80;

const ROUND_TRIP = [METRIC_SPECS_ANNOTATION, BEHAVIOR_SPECS_ANNOTATION, METRIC_STATUSES_ANNOTATION, CONDITIONS_ANNOTATION];

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const isCpu = (m: Obj) => m.type === 'Resource' && isObj(m.resource) && m.resource.name === 'cpu';
const utilization = (m: Obj, part: 'target' | 'current') => (isObj(m.resource) && isObj(m.resource[part]) ? m.resource[part].averageUtilization : undefined);

/** `DropRoundTripHorizontalPodAutoscalerAnnotations`: a copy without them (an emptied map left out). */
function withoutRoundTrip(annotations: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!annotations || !ROUND_TRIP.some((k) => k in annotations)) return annotations;
  const out = { ...annotations };
  for (const k of ROUND_TRIP) delete out[k];
  return Object.keys(out).length ? out : undefined;
}

function withAnnotations(metadata: KubeObject['metadata'] | undefined, annotations: Record<string, string> | undefined): KubeObject['metadata'] {
  const { annotations: _, ...rest } = metadata ?? ({} as KubeObject['metadata']);
  return annotations ? { ...rest, annotations } : rest;
}

/**
 * `Convert_autoscaling_HorizontalPodAutoscaler_To_v1_HorizontalPodAutoscaler`:
 * the autoscaler as the API server serves it at autoscaling/v1.
 * @example hpaToV1(stored).spec // { scaleTargetRef: {…}, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 50 }
 */
export function hpaToV1(v2: KubeObject): KubeObject {
  const spec = isObj(v2.spec) ? v2.spec : {};
  const status = isObj(v2.status) ? v2.status : {};
  const metrics = objects(spec.metrics);
  const isCpuUtilization = (m: Obj) => isCpu(m) && utilization(m, 'target') !== undefined;
  const v1Spec: Obj = { scaleTargetRef: spec.scaleTargetRef, minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas ?? 0 };
  const cpu = metrics.find(isCpuUtilization);
  if (cpu) v1Spec.targetCPUUtilizationPercentage = utilization(cpu, 'target');
  const currentMetrics = objects(status.currentMetrics);
  const v1Status: Obj = { observedGeneration: status.observedGeneration, lastScaleTime: status.lastScaleTime, currentReplicas: status.currentReplicas ?? 0, desiredReplicas: status.desiredReplicas ?? 0 };
  // No `break` upstream: the last CPU metric with a utilization wins.
  for (const m of currentMetrics) if (isCpu(m) && utilization(m, 'current') !== undefined) v1Status.currentCPUUtilizationPercentage = utilization(m, 'current');
  // Clear round-trip annotations first, so the only ones served are the ones this conversion made.
  const annotations: Record<string, string> = { ...withoutRoundTrip(v2.metadata.annotations) };
  const otherMetrics = metrics.filter((m) => !isCpuUtilization(m));
  if (otherMetrics.length) annotations[METRIC_SPECS_ANNOTATION] = goMarshal(otherMetrics.map(metricSpecToV1));
  // Every current metric, the CPU one too: the annotation keeps its raw value as well.
  if (currentMetrics.length) annotations[METRIC_STATUSES_ANNOTATION] = goMarshal(currentMetrics.map(metricStatusToV1));
  if (isObj(spec.behavior)) annotations[BEHAVIOR_SPECS_ANNOTATION] = goMarshal(behaviorToGoFields(spec.behavior));
  const conditions = objects(status.conditions);
  if (conditions.length) annotations[CONDITIONS_ANNOTATION] = goMarshal(conditions.map(conditionV1));
  const metadata = withAnnotations(v2.metadata, Object.keys(annotations).length ? annotations : undefined);
  return { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata, spec: dropUnset(v1Spec), status: dropUnset(v1Status) };
}

/**
 * `SetDefaults_HorizontalPodAutoscaler` (v1) then
 * `Convert_v1_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler`:
 * an autoscaling/v1 object as the autoscaling/v2 one it stands for.
 */
export function hpaFromV1(v1: KubeObject): KubeObject {
  const spec = isObj(v1.spec) ? v1.spec : {};
  const status = isObj(v1.status) ? v1.status : {};
  const annotations = v1.metadata?.annotations ?? {};
  const target = spec.targetCPUUtilizationPercentage;
  let metrics: Obj[] = target === undefined || target === null ? [] : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }];
  const others = parsed(annotations[METRIC_SPECS_ANNOTATION]);
  // The spec conversion may have made the CPU metric: it goes after the others.
  if (Array.isArray(others)) metrics = [...objects(others).map(metricSpecFromV1), ...metrics];
  if (metrics.length === 0) metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  const behavior = behaviorFromGoFields(parsed(annotations[BEHAVIOR_SPECS_ANNOTATION]));
  const v2Spec: Obj = { scaleTargetRef: spec.scaleTargetRef, minReplicas: spec.minReplicas ?? 1, maxReplicas: spec.maxReplicas ?? 0, metrics: pruned(metrics), behavior: pruned(behavior) };
  const current = status.currentCPUUtilizationPercentage;
  let currentMetrics: Obj[] | undefined = current === undefined || current === null ? undefined : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }];
  // The annotation has more to say than currentCPUUtilizationPercentage: it wins.
  const statuses = parsed(annotations[METRIC_STATUSES_ANNOTATION]);
  if (Array.isArray(statuses)) currentMetrics = objects(statuses).map(metricStatusFromV1);
  const conditionList = parsed(annotations[CONDITIONS_ANNOTATION]);
  const conditions = Array.isArray(conditionList) ? objects(conditionList).map(conditionFromV1) : undefined;
  const v2Status: Obj = { observedGeneration: status.observedGeneration, lastScaleTime: status.lastScaleTime, currentReplicas: status.currentReplicas, desiredReplicas: status.desiredReplicas, currentMetrics: pruned(currentMetrics), conditions: pruned(conditions) };
  const { status: _, ...rest } = v1;
  const out: KubeObject = { ...rest, apiVersion: 'autoscaling/v2', metadata: withAnnotations(v1.metadata, withoutRoundTrip(v1.metadata?.annotations)), spec: dropUnset(v2Spec) };
  if (v1.status !== undefined) out.status = dropUnset(v2Status);
  return out;
}

/** The annotation's JSON, or undefined when it does not decode (conversion then ignores it). */
function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The struct without its unset (`omitempty`) fields. */
function dropUnset(o: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}
