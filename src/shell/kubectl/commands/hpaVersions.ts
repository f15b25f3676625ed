import type { KubeObject } from '../../../sim/k8s/index';

/*
 * kubectl autoscale builds and prints an autoscaling/v1 object, which the
 * real API server converts; the playground's serves HorizontalPodAutoscalers
 * at autoscaling/v2 only, so the command converts on both sides of the call.
 */

interface MetricV2 {
  type?: string;
  resource?: { name?: string; target?: { type?: string; averageUtilization?: number }; current?: { averageUtilization?: number } };
}

interface HpaV2 {
  spec?: { scaleTargetRef?: { kind?: string; name?: string; apiVersion?: string }; minReplicas?: number; maxReplicas?: number; metrics?: MetricV2[] };
  status?: { observedGeneration?: number; lastScaleTime?: string; currentReplicas?: number; desiredReplicas?: number; currentMetrics?: MetricV2[] };
}

const isCpu = (m: MetricV2) => m.type === 'Resource' && m.resource?.name === 'cpu';

/**
 * A HorizontalPodAutoscaler as the API server serves it at autoscaling/v1
 * (`Convert_autoscaling_HorizontalPodAutoscaler_To_v1_HorizontalPodAutoscaler`):
 * the CPU utilization target as `targetCPUUtilizationPercentage`, fields in
 * the v1 struct's order. Metrics, conditions and behavior v1 cannot hold
 * (which it keeps in `autoscaling.alpha.kubernetes.io/*` annotations) are left out.
 */
export function hpaToV1(obj: KubeObject): KubeObject {
  const { spec = {}, status = {} } = obj as KubeObject & HpaV2;
  const ref = spec.scaleTargetRef ?? {};
  const target = spec.metrics?.find((m) => isCpu(m) && m.resource?.target?.type === 'Utilization')?.resource?.target?.averageUtilization;
  const current = status.currentMetrics?.find(isCpu)?.resource?.current?.averageUtilization;
  const v1Spec: Record<string, unknown> = { scaleTargetRef: { kind: ref.kind, name: ref.name, apiVersion: ref.apiVersion } };
  if (spec.minReplicas !== undefined) v1Spec.minReplicas = spec.minReplicas;
  v1Spec.maxReplicas = spec.maxReplicas ?? 0;
  if (target !== undefined) v1Spec.targetCPUUtilizationPercentage = target;
  const v1Status: Record<string, unknown> = {};
  if (status.observedGeneration !== undefined) v1Status.observedGeneration = status.observedGeneration;
  if (status.lastScaleTime !== undefined) v1Status.lastScaleTime = status.lastScaleTime;
  v1Status.currentReplicas = status.currentReplicas ?? 0;
  v1Status.desiredReplicas = status.desiredReplicas ?? 0;
  if (current !== undefined) v1Status.currentCPUUtilizationPercentage = current;
  return { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: obj.metadata, spec: v1Spec, status: v1Status };
}

/** The same autoscaler at autoscaling/v2, the one version the playground's API server serves. */
export function hpaToV2(v1: KubeObject, namespace: string): KubeObject {
  const spec = v1.spec as { scaleTargetRef: unknown; minReplicas?: number; maxReplicas: number; targetCPUUtilizationPercentage?: number };
  const v2Spec: Record<string, unknown> = { scaleTargetRef: spec.scaleTargetRef, maxReplicas: spec.maxReplicas };
  if (spec.minReplicas !== undefined) v2Spec.minReplicas = spec.minReplicas;
  if (spec.targetCPUUtilizationPercentage !== undefined) v2Spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } }];
  const { creationTimestamp: _, ...metadata } = v1.metadata as KubeObject['metadata'] & { creationTimestamp?: unknown };
  return { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { ...metadata, namespace }, spec: v2Spec };
}
