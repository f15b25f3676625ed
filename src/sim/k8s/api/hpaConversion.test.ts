import { describe, expect, it } from 'vitest';
import { BEHAVIOR_SPECS_ANNOTATION, CONDITIONS_ANNOTATION, METRIC_SPECS_ANNOTATION, METRIC_STATUSES_ANNOTATION, hpaFromV1, hpaToV1 } from './hpaConversion';
import type { KubeObject } from './types';

const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
const cpu = (averageUtilization: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } } });
const memory = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } };

function v2(spec: Record<string, unknown>, status: Record<string, unknown> = {}, annotations?: Record<string, string>): KubeObject {
  return { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'default', ...(annotations ? { annotations } : {}) }, spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 5, ...spec }, status };
}

function v1(spec: Record<string, unknown>, annotations?: Record<string, string>, status?: Record<string, unknown>): KubeObject {
  return { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', ...(annotations ? { annotations } : {}) }, spec: { scaleTargetRef: ref, maxReplicas: 5, ...spec }, ...(status ? { status } : {}) };
}

describe('HorizontalPodAutoscaler served at autoscaling/v1', () => {
  it('shows the CPU utilization target as targetCPUUtilizationPercentage, with no annotation for it', () => {
    const out = hpaToV1(v2({ metrics: [cpu(50)] }, { currentReplicas: 2, desiredReplicas: 3 }));
    expect(out.apiVersion).toBe('autoscaling/v1');
    expect(out.spec).toEqual({ scaleTargetRef: ref, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 50 });
    expect(out.status).toEqual({ currentReplicas: 2, desiredReplicas: 3 });
    expect(out.metadata.annotations).toBeUndefined();
  });

  it('keeps the metrics v1 cannot hold in the metrics annotation, in the v1 form', () => {
    const out = hpaToV1(v2({ metrics: [cpu(50), memory] }));
    expect(out.spec).toMatchObject({ targetCPUUtilizationPercentage: 50 });
    expect(out.metadata.annotations?.[METRIC_SPECS_ANNOTATION]).toBe('[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}}]');
  });

  it('keeps every current metric and the conditions in annotations, the CPU utilization as currentCPUUtilizationPercentage', () => {
    const status = {
      currentReplicas: 1,
      desiredReplicas: 1,
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '12m', averageUtilization: 12 } } }],
      conditions: [{ type: 'AbleToScale', status: 'True', lastTransitionTime: '2025-03-01T09:00:00Z', reason: 'ReadyForNewScale', message: 'recommended size matches current size' }],
    };
    const out = hpaToV1(v2({ metrics: [cpu(50)] }, status));
    expect(out.status).toEqual({ currentReplicas: 1, desiredReplicas: 1, currentCPUUtilizationPercentage: 12 });
    expect(out.metadata.annotations?.[METRIC_STATUSES_ANNOTATION]).toBe('[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":12,"currentAverageValue":"12m"}}]');
    expect(out.metadata.annotations?.[CONDITIONS_ANNOTATION]).toBe(
      '[{"type":"AbleToScale","status":"True","lastTransitionTime":"2025-03-01T09:00:00Z","reason":"ReadyForNewScale","message":"recommended size matches current size"}]',
    );
  });

  it('keeps the behavior in its annotation under the internal type’s Go field names', () => {
    const behavior = { scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }] }, scaleDown: { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] } };
    const out = hpaToV1(v2({ metrics: [cpu(50)], behavior }));
    expect(out.metadata.annotations?.[BEHAVIOR_SPECS_ANNOTATION]).toBe(
      '{"ScaleUp":{"StabilizationWindowSeconds":0,"SelectPolicy":"Max","Policies":[{"Type":"Pods","Value":4,"PeriodSeconds":15}]},"ScaleDown":{"StabilizationWindowSeconds":null,"SelectPolicy":"Max","Policies":[{"Type":"Percent","Value":100,"PeriodSeconds":15}]}}',
    );
  });

  it('serves only the round-trip annotations it made, not stale ones the stored object carries', () => {
    const out = hpaToV1(v2({ metrics: [cpu(50)] }, {}, { [METRIC_SPECS_ANNOTATION]: '[]', team: 'a' }));
    expect(out.metadata.annotations).toEqual({ team: 'a' });
  });

  it('escapes HTML characters in the annotations as Go’s json.Marshal does', () => {
    const conditions = [{ type: 'ScalingActive', status: 'False', lastTransitionTime: '2025-03-01T09:00:00Z', reason: 'X', message: 'a < b & c' }];
    expect(hpaToV1(v2({ metrics: [cpu(50)] }, { conditions })).metadata.annotations?.[CONDITIONS_ANNOTATION]).toContain('a \\u003c b \\u0026 c');
  });
});

describe('HorizontalPodAutoscaler written at autoscaling/v1', () => {
  it('stores targetCPUUtilizationPercentage as a CPU Utilization metric and defaults minReplicas to 1', () => {
    const out = hpaFromV1(v1({ targetCPUUtilizationPercentage: 50 }));
    expect(out.apiVersion).toBe('autoscaling/v2');
    expect(out.spec).toEqual({ scaleTargetRef: ref, minReplicas: 1, maxReplicas: 5, metrics: [cpu(50)] });
  });

  it('gives an autoscaler without a CPU target the default 80% CPU metric', () => {
    expect((hpaFromV1(v1({})).spec as { metrics: unknown }).metrics).toEqual([cpu(80)]);
  });

  it('reads the round-trip annotations back (other metrics first, the CPU one last) and drops them', () => {
    const annotations = {
      team: 'a',
      [METRIC_SPECS_ANNOTATION]: '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}}]',
      [BEHAVIOR_SPECS_ANNOTATION]: '{"ScaleUp":null,"ScaleDown":{"StabilizationWindowSeconds":60,"SelectPolicy":"Min","Policies":[{"Type":"Pods","Value":1,"PeriodSeconds":30}]}}',
      [CONDITIONS_ANNOTATION]: '[{"type":"AbleToScale","status":"True","lastTransitionTime":"2025-03-01T09:00:00Z","reason":"R"}]',
      [METRIC_STATUSES_ANNOTATION]: '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":12,"currentAverageValue":"12m"}}]',
    };
    const out = hpaFromV1(v1({ targetCPUUtilizationPercentage: 50 }, annotations, { currentReplicas: 1, desiredReplicas: 1, currentCPUUtilizationPercentage: 99 }));
    expect(out.metadata.annotations).toEqual({ team: 'a' });
    expect(out.spec).toMatchObject({ metrics: [memory, cpu(50)], behavior: { scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Min', policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }] } } });
    expect(out.status).toEqual({
      currentReplicas: 1,
      desiredReplicas: 1,
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '12m', averageUtilization: 12 } } }],
      conditions: [{ type: 'AbleToScale', status: 'True', lastTransitionTime: '2025-03-01T09:00:00Z', reason: 'R' }],
    });
  });

  it('ignores a round-trip annotation that does not decode', () => {
    const out = hpaFromV1(v1({ targetCPUUtilizationPercentage: 50 }, { [METRIC_SPECS_ANNOTATION]: 'not json' }));
    expect((out.spec as { metrics: unknown }).metrics).toEqual([cpu(50)]);
    expect(out.metadata.annotations).toBeUndefined();
  });

  it('round-trips a v2 autoscaler through v1 without losing anything', () => {
    const behavior = { scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }] } };
    const pods = { type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '10' } } };
    const external = { type: 'External', external: { metric: { name: 'queue', selector: { matchLabels: { q: 'jobs' } } }, target: { type: 'Value', value: '30' } } };
    const object = { type: 'Object', object: { describedObject: { kind: 'Ingress', name: 'main', apiVersion: 'networking.k8s.io/v1' }, target: { type: 'Value', value: '2k' }, metric: { name: 'hits' } } };
    const original = v2({ metrics: [memory, pods, external, object, cpu(50)], behavior });
    expect(hpaFromV1(hpaToV1(original)).spec).toEqual(original.spec);
  });
});
