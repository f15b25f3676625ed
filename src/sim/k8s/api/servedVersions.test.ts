import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';
import { conversionFor } from './conversion';
import { apiVersionOf, ResourceRegistry } from './resources';
import type { KubeObject } from './types';

const HPA = 'horizontalpodautoscalers.autoscaling';

function hpaV1(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'default' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, ...spec } };
}

describe('the resources served at more than one version', () => {
  const registry = new ResourceRegistry();

  it('serves HorizontalPodAutoscaler at autoscaling/v1 beside the preferred autoscaling/v2', () => {
    expect(registry.forKind('autoscaling/v1', 'HorizontalPodAutoscaler')).toMatchObject({ version: 'v1', storageVersion: 'v2', resource: 'horizontalpodautoscalers' });
    expect(registry.forKind('autoscaling/v2', 'HorizontalPodAutoscaler')?.storageVersion).toBeUndefined();
    expect(registry.served.map(apiVersionOf)).toContain('autoscaling/v1');
    expect(registry.all.filter((i) => i.kind === 'HorizontalPodAutoscaler').map(apiVersionOf)).toEqual(['autoscaling/v2']);
  });

  it('resolves a name to the preferred version unless it names another', () => {
    expect(registry.resolve('hpa')?.version).toBe('v2');
    expect(registry.resolve('hpa.autoscaling')?.version).toBe('v2');
    expect(registry.resolve('hpa.v1.autoscaling')?.version).toBe('v1');
    expect(registry.resolve('horizontalpodautoscalers.v2.autoscaling')?.version).toBe('v2');
    expect(registry.resolve('hpa.v2beta2.autoscaling')).toBeUndefined();
  });

  it('has a conversion for every other version it serves', () => {
    for (const info of registry.served.filter((i) => i.storageVersion !== undefined)) expect(conversionFor(apiVersionOf(info), info.kind), apiVersionOf(info)).toBeDefined();
  });
});

describe('an autoscaler written and read at autoscaling/v1', () => {
  it('is created from a v1 object, stored at v2, and answered at v1', () => {
    const api = world().cluster.client();
    const r = api.create(hpaV1({ maxReplicas: 5, targetCPUUtilizationPercentage: 50 }));
    if (!r.ok) throw new Error(r.status.message);
    expect(r.object.apiVersion).toBe('autoscaling/v1');
    expect(r.object.spec).toEqual({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 50 });
    const stored = api.get(HPA, 'default', 'web')!;
    expect(stored.apiVersion).toBe('autoscaling/v2');
    expect(stored.spec).toMatchObject({ minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] });
    expect(api.get(HPA, 'default', 'web', 'v1')?.apiVersion).toBe('autoscaling/v1');
    expect(api.get(HPA, 'default', 'web', 'v2')).toBe(stored);
    expect(api.list(HPA, { namespace: 'default', version: 'v1' }).map((o) => o.apiVersion)).toEqual(['autoscaling/v1']);
  });

  it('validates the stored form: a missing maxReplicas is invalid', () => {
    const r = world().cluster.client().create(hpaV1({ targetCPUUtilizationPercentage: 50 }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.status.message).toBe('HorizontalPodAutoscaler.autoscaling "web" is invalid: [spec.maxReplicas: Invalid value: 0: must be greater than 0, spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`]');
  });

  it('applies a patch at v1 to the v1 form and stores the change in the v2 metric', () => {
    const api = world().cluster.client();
    api.create(hpaV1({ maxReplicas: 5, targetCPUUtilizationPercentage: 50 }));
    const r = api.patch(HPA, 'default', 'web', { spec: { targetCPUUtilizationPercentage: 70 } }, 'strategic', { version: 'v1' });
    if (!r.ok) throw new Error(r.status.message);
    expect(r.object.spec).toMatchObject({ targetCPUUtilizationPercentage: 70 });
    const stored = api.get(HPA, 'default', 'web')!;
    expect(stored.spec).toMatchObject({ metrics: [{ resource: { target: { averageUtilization: 70 } } }] });
    expect(stored.metadata.generation).toBe(2);
    expect(JSON.stringify(stored)).not.toContain('targetCPUUtilizationPercentage');
  });

  it('keeps what v1 cannot hold when a v1 client writes back what it read', () => {
    const api = world().cluster.client();
    const behavior = { scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }] } };
    const memory = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } };
    api.create({ ...hpaV1({ maxReplicas: 5, metrics: [memory], behavior }), apiVersion: 'autoscaling/v2' });
    const before = api.get(HPA, 'default', 'web')!;
    const read = api.get(HPA, 'default', 'web', 'v1')!;
    const r = api.update(read);
    if (!r.ok) throw new Error(r.status.message);
    const after = api.get(HPA, 'default', 'web')!;
    expect(after.spec).toEqual(before.spec);
    expect(after.metadata.annotations).toBeUndefined();
    expect(after.metadata.generation).toBe(1);
  });
});
