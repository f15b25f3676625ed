import { describe, it, expect } from 'vitest';
import { RESOURCES, apiVersionOf } from '../resources';
import { SCHEMA } from './compactSchema';
import { goTypeName } from './strictDecode';

describe('the generated schema', () => {
  it('covers every served kind and the kinds to come', () => {
    for (const info of RESOURCES) expect(SCHEMA.kinds[`${apiVersionOf(info)}/${info.kind}`], info.kind).toBeDefined();
    for (const k of ['apps/v1/StatefulSet', 'batch/v1/Job', 'batch/v1/CronJob', 'v1/ConfigMap', 'v1/Secret', 'networking.k8s.io/v1/Ingress', 'autoscaling/v2/HorizontalPodAutoscaler']) {
      expect(SCHEMA.kinds[k], k).toBeDefined();
    }
  });

  it('knows integer widths, IntOrString, quantities and times', () => {
    expect(SCHEMA.types.DeploymentSpec.f.replicas).toBe('i32');
    expect(SCHEMA.types.PodSpec.f.terminationGracePeriodSeconds).toBe('i64');
    expect(SCHEMA.types.Toleration.f.tolerationSeconds).toBe('i64');
    expect(SCHEMA.types.RollingUpdateDeployment.f.maxSurge).toBe('ios');
    expect(SCHEMA.types.ResourceRequirements.f.limits).toBe('{}q');
    expect(SCHEMA.types.ObjectMeta.f.creationTimestamp).toBe('t');
    expect(SCHEMA.types.Container.r).toEqual(['name']);
  });

  it('names Go types as reflect prints them', () => {
    expect(goTypeName('[]Container', SCHEMA)).toBe('[]v1.Container');
    expect(goTypeName('{}s', SCHEMA)).toBe('map[string]string');
    expect(goTypeName(SCHEMA.kinds['autoscaling/v2/HorizontalPodAutoscaler'], SCHEMA)).toBe('v2.HorizontalPodAutoscaler');
  });
});
