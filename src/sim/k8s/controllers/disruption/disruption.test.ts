import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { describe, expect, it } from 'vitest';
import { world, type PodObj, type World } from '../../../testing/harness';
import type { KubeObject } from '../../api/types';

type PdbObj = KubeObject & PodDisruptionBudget;

const deployment = (replicas: number) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.27}]
`;
const pdb = (spec: string, name = 'web') => `
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: web}}
  ${spec}
`;
const budget = (w: World, name = 'web') => w.client.get<PdbObj>('poddisruptionbudgets.policy', 'default', name)!;
const running = (w: World) => w.pods('app=web').filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
const evict = (w: World, pod: PodObj, options = {}) => {
  const r = w.client.evict('default', pod.metadata.name, options);
  w.cluster.runUntilIdle();
  return r;
};

describe('disruption controller', () => {
  it('fills the status from the Ready pods it selects, with the DisruptionAllowed condition', () => {
    const w = world().apply(deployment(3)).apply(pdb('minAvailable: 2')).advance('30s');
    const s = budget(w).status!;
    expect(s).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3, observedGeneration: 1 });
    expect(s.conditions).toEqual([{ type: 'DisruptionAllowed', status: 'True', observedGeneration: 1, lastTransitionTime: expect.any(String), reason: 'SufficientPods', message: '' }]);
  });

  it('counts a percentage against the Deployment’s replicas, pods not yet Ready included', () => {
    const w = world().apply(deployment(4)).apply(pdb('maxUnavailable: 50%'));
    expect(budget(w).status).toMatchObject({ expectedPods: 4, desiredHealthy: 2, currentHealthy: 0, disruptionsAllowed: 0 });
    w.advance('30s');
    expect(budget(w).status).toMatchObject({ expectedPods: 4, desiredHealthy: 2, currentHealthy: 4, disruptionsAllowed: 2 });
  });

  it('a budget selecting nothing records NoPods and allows nothing', () => {
    const w = world().apply(pdb('minAvailable: 1', 'empty').replace('app: web', 'app: nothing'));
    expect(budget(w, 'empty').status).toMatchObject({ currentHealthy: 0, desiredHealthy: 1, disruptionsAllowed: 0, expectedPods: 0 });
    expect(w.events(budget(w, 'empty')).map((e) => `${e.reason}: ${e.message}`)).toContain('NoPods: No matching pods found');
  });

  it('a percentage over bare pods: an UnmanagedPods warning, no pods expected, no disruption allowed', () => {
    const w = world().apply('apiVersion: v1\nkind: Pod\nmetadata: {name: bare, labels: {app: web}}\nspec:\n  containers: [{name: c, image: nginx:1.27}]\n').apply(pdb('minAvailable: 50%')).advance('10s');
    expect(budget(w).status).toMatchObject({ expectedPods: 0, desiredHealthy: 0, disruptionsAllowed: 0 });
    expect(w.events(budget(w)).map((e) => e.reason)).toContain('UnmanagedPods');
  });

  it('an owner whose scale cannot be found fails safe: SyncFailed, no disruption allowed', () => {
    const w = world().apply(pdb('maxUnavailable: 1'));
    const sa = w.client.get('serviceaccounts', 'default', 'default')!;
    w.client.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'odd', namespace: 'default', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'v1', kind: 'ServiceAccount', name: 'default', uid: sa.metadata.uid!, controller: true }] },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
    });
    w.advance('10s');
    const cond = budget(w).status!.conditions!.find((c) => c.type === 'DisruptionAllowed');
    expect(cond).toMatchObject({ status: 'False', reason: 'SyncFailed', message: 'serviceaccounts does not implement the scale subresource' });
    expect(w.events(budget(w)).map((e) => `${e.reason}: ${e.message}`)).toContain('CalculateExpectedPodCountFailed: Failed to calculate the number of expected pods: serviceaccounts does not implement the scale subresource');
  });
});

describe('the eviction API honours PodDisruptionBudgets', () => {
  it('W9: with minAvailable 2 and 3 Ready pods the first eviction is allowed, the second refused with 429 until a replacement is Ready', () => {
    const w = world().apply(deployment(3)).apply(pdb('minAvailable: 2')).advance('30s');
    const [a, b] = running(w);
    expect(evict(w, a).ok).toBe(true);
    const evicted = w.client.get<PodObj>('pods', 'default', a.metadata.name);
    if (evicted) expect(evicted.status!.conditions!.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });
    const refused = evict(w, b);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.status).toMatchObject({
      code: 429,
      reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web needs 2 healthy pods and has 2 currently' }] },
    });
    w.advance('30s');
    expect(evict(w, b).ok).toBe(true);
  });

  it('records the approved eviction in disruptedPods and spends the disruption at once', () => {
    const w = world().apply(deployment(3)).apply(pdb('minAvailable: 1')).advance('30s');
    const [a] = running(w);
    const r = w.client.evict('default', a.metadata.name, { gracePeriodSeconds: 10 });
    expect(r.ok).toBe(true);
    // Before the controllers run: the eviction handler's own write.
    const s = budget(w).status!;
    expect(s.disruptionsAllowed).toBe(1);
    expect(Object.keys(s.disruptedPods ?? {})).toEqual([a.metadata.name]);
    expect(w.client.get<PodObj>('pods', 'default', a.metadata.name)!.metadata.deletionGracePeriodSeconds).toBe(10);
  });

  it('a dry-run eviction changes nothing', () => {
    const w = world().apply(deployment(2)).apply(pdb('minAvailable: 1')).advance('30s');
    const [a] = running(w);
    expect(w.client.evict('default', a.metadata.name, { dryRun: true }).ok).toBe(true);
    expect(budget(w).status!.disruptionsAllowed).toBe(1);
    expect(w.client.get<PodObj>('pods', 'default', a.metadata.name)!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('pending pods are evicted without a look at the budget; a pod under two budgets cannot be evicted', () => {
    const w = world().apply(deployment(2)).apply(pdb('minAvailable: 2'));
    const [pending] = w.pods('app=web');
    expect(pending.status!.phase).toBe('Pending');
    expect(evict(w, pending).ok).toBe(true);
    w.apply(pdb('maxUnavailable: 1', 'other')).advance('30s');
    const [a] = running(w);
    const r = evict(w, a);
    expect(r.ok ? '' : `${r.status.code} ${r.status.message}`).toBe('500 This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  });

  it('a budget whose spec changed is refused until the controller has observed it', () => {
    const w = world().apply(deployment(3)).apply(pdb('minAvailable: 1')).advance('30s');
    const old = budget(w);
    // Write the new spec without letting the controllers run.
    w.client.update({ ...old, spec: { ...old.spec, minAvailable: 2 } });
    const [a] = running(w);
    const r = w.client.evict('default', a.metadata.name);
    expect(r.ok ? '' : r.status.details?.causes?.[0].message).toBe('The disruption budget web is still being processed by the server.');
  });
});

describe('PodDisruptionBudget validation', () => {
  it('refuses both minAvailable and maxUnavailable, percentages over 100 % and negative numbers', () => {
    const w = world();
    const r = w.client.create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'bad', namespace: 'default' }, spec: { minAvailable: '150%', maxUnavailable: -1 } });
    expect(r.ok ? '' : r.status.message).toBe(
      'PodDisruptionBudget.policy "bad" is invalid: [spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc000b3e0a0), Selector:(*v1.LabelSelector)(nil), MaxUnavailable:(*intstr.IntOrString)(0xc000b3e0c0), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}: minAvailable and maxUnavailable cannot be both set, ' +
        'spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%, spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0]',
    );
    const policy = w.client.create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p', namespace: 'default' }, spec: { minAvailable: 1, unhealthyPodEvictionPolicy: 'Sometimes' } });
    expect(policy.ok ? '' : policy.status.message).toBe('PodDisruptionBudget.policy "p" is invalid: spec.unhealthyPodEvictionPolicy: Unsupported value: "Sometimes": supported values: "AlwaysAllow", "IfHealthyBudget"');
  });
});
