import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../api/client';
import type { KubeObject } from '../api/types';
import { createCluster, type Cluster, type ClusterOptions } from '../index';

type PodObj = KubeObject & Pod;

function podManifest(name: string, cpu?: string, extra: Partial<Pod['spec']> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25', ...(cpu ? { resources: { requests: { cpu } } } : {}) }], ...extra },
  };
}

type Harness = Omit<Cluster, 'client'> & { client: ApiClient };

/** The real cluster facade, with `client` bound to kubectl for brevity. */
function createHarness(opts: ClusterOptions = {}): Harness {
  const c = createCluster(opts);
  return { ...c, client: c.client('kubectl') };
}

function create(h: Harness, obj: KubeObject): PodObj {
  const r = h.client.create<PodObj>(obj);
  if (!r.ok) throw new Error(r.status.message);
  return r.object;
}

const get = (h: Harness, name: string) => h.client.get<PodObj>('pods', 'default', name)!;
const eventsOf = (h: Harness, name: string, reason?: string) => h.eventsFor(get(h, name)).filter((e) => !reason || e.reason === reason);
const TAINT = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

describe('default-scheduler', () => {
  it('binds a pending pod to a worker and records Scheduled', () => {
    const h = createHarness();
    create(h, podManifest('web'));
    h.advance(1);
    const p = get(h, 'web');
    expect(p.spec?.nodeName).toMatch(/^worker-[123]$/);
    const [ev] = eventsOf(h, 'web', 'Scheduled');
    expect(ev).toMatchObject({ type: 'Normal', source: { component: 'default-scheduler' }, message: `Successfully assigned default/web to ${p.spec?.nodeName}` });
    expect(p.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
  });

  it('explains the choice: every node checked, the control plane rejected by its taint', () => {
    const h = createHarness();
    create(h, podManifest('web', '500m'));
    h.advance(1);
    const d = h.schedulingDecision('default', 'web')!;
    expect(d).toMatchObject({ evaluatedNodes: 4, totalNodes: 4, feasibleNodes: 3, nodeName: get(h, 'web').spec?.nodeName });
    expect(d.nodes.find((v) => v.node === 'control-plane')).toEqual({ node: 'control-plane', failedPlugin: 'TaintToleration', reasons: [TAINT] });
    const chosen = d.nodes.find((v) => v.node === d.nodeName)!;
    expect(chosen.scores).toMatchObject({ TaintToleration: 100, NodeResourcesFit: expect.any(Number) });
    expect(Math.max(...d.nodes.map((v) => v.total ?? 0))).toBe(chosen.total);
  });

  it('spends virtual time per cycle: 1 ms per pod on the default cluster', () => {
    const h = createHarness();
    const t0 = h.now();
    for (const n of ['a', 'b', 'c']) create(h, podManifest(n));
    h.runUntilIdle();
    expect(['a', 'b', 'c'].map((n) => Boolean(get(h, n).spec?.nodeName))).toEqual([true, false, false]);
    h.advance(1);
    expect(Boolean(get(h, 'b').spec?.nodeName)).toBe(true);
    expect(Boolean(get(h, 'c').spec?.nodeName)).toBe(false);
    h.advance(1);
    expect(Boolean(get(h, 'c').spec?.nodeName)).toBe(true);
    expect(h.now() - t0).toBe(2);
  });

  it('reports an unschedulable pod exactly as kube-scheduler 1.32 does', () => {
    const h = createHarness();
    create(h, podManifest('huge', '100'));
    h.advance(1);
    const msg = `0/4 nodes are available: 1 ${TAINT}, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`;
    const [ev] = eventsOf(h, 'huge', 'FailedScheduling');
    expect(ev).toMatchObject({ type: 'Warning', source: { component: 'default-scheduler' }, message: msg, count: 1 });
    const cond = get(h, 'huge').status?.conditions?.find((c) => c.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg, lastProbeTime: null });
    expect(h.schedulingDecision('default', 'huge')).toMatchObject({ message: msg, evaluatedNodes: 4 });
  });

  it('pods with preemptionPolicy Never are not eligible for preemption', () => {
    const h = createHarness();
    // The policy comes from the pod's PriorityClass (the Priority admission plugin refuses it set on the pod).
    h.client.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'no-preempt' }, value: 1000, preemptionPolicy: 'Never' });
    create(h, podManifest('huge', '100', { priorityClassName: 'no-preempt' }));
    h.advance(1);
    expect(eventsOf(h, 'huge', 'FailedScheduling')[0]?.message).toBe(`0/4 nodes are available: 1 ${TAINT}, 3 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.`);
  });

  it('retries when a pod leaves and frees room (after the back-off)', () => {
    const h = createHarness({ workers: 1 });
    create(h, podManifest('first', '3'));
    h.advance(1);
    create(h, podManifest('second', '3'));
    h.advance(1);
    expect(get(h, 'second').spec?.nodeName).toBeUndefined();
    expect(eventsOf(h, 'second', 'FailedScheduling')).toHaveLength(1);
    h.client.delete('pods', 'default', 'first', { gracePeriodSeconds: 0 });
    h.advance(500);
    expect(get(h, 'second').spec?.nodeName).toBeUndefined();
    h.advance(600);
    expect(get(h, 'second').spec?.nodeName).toBe('worker-1');
  });

  it('waits on a cordoned node and schedules once it is uncordoned', () => {
    const h = createHarness({ workers: 1 });
    h.client.patch('nodes', undefined, 'worker-1', { spec: { unschedulable: true } }, 'merge');
    create(h, podManifest('web'));
    h.advance(1);
    expect(eventsOf(h, 'web', 'FailedScheduling')[0]?.message).toBe(
      `0/2 nodes are available: 1 ${TAINT}, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.`,
    );
    h.advance(60_000);
    expect(eventsOf(h, 'web', 'FailedScheduling')[0]?.count).toBe(1);
    h.client.patch('nodes', undefined, 'worker-1', { spec: { unschedulable: false } }, 'merge');
    h.advance(1);
    expect(get(h, 'web').spec?.nodeName).toBe('worker-1');
  });

  it('retries a parked pod after at most 5 minutes without any event', () => {
    const h = createHarness();
    create(h, podManifest('huge', '100'));
    h.advance(1);
    h.advance(5 * 60_000);
    expect(eventsOf(h, 'huge', 'FailedScheduling')[0]?.count).toBe(1);
    h.advance(30_000);
    expect(eventsOf(h, 'huge', 'FailedScheduling')[0]?.count).toBe(2);
  });

  it('ignores pods for another scheduler', () => {
    const h = createHarness();
    create(h, podManifest('other', undefined, { schedulerName: 'my-scheduler' }));
    h.advance(1000);
    expect(get(h, 'other').spec?.nodeName).toBeUndefined();
    expect(eventsOf(h, 'other')).toHaveLength(0);
  });

  it('forgets the decision of a deleted pod', () => {
    const h = createHarness();
    create(h, podManifest('web'));
    h.advance(1);
    expect(h.schedulingDecision('default', 'web')).toBeDefined();
    h.client.delete('pods', 'default', 'web', { gracePeriodSeconds: 0 });
    h.advance(1);
    expect(h.schedulingDecision('default', 'web')).toBeUndefined();
  });


  it('schedules a parked pod once a node that fits joins', () => {
    const h = createHarness({ workers: 1 });
    create(h, podManifest('big', '6'));
    h.advance(1);
    expect(eventsOf(h, 'big', 'FailedScheduling')).toHaveLength(1);
    const capacity = { cpu: '8', memory: '16Gi', pods: '110' };
    h.client.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-9', labels: { 'kubernetes.io/hostname': 'worker-9' } }, status: { capacity, allocatable: capacity } } as KubeObject);
    h.advance(1000);
    expect(get(h, 'big').spec?.nodeName).toBe('worker-9');
  });

  it('names the node selector mismatch and honours tolerations of a tainted node', () => {
    const h = createHarness({ workers: 1 });
    create(h, podManifest('picky', undefined, { nodeSelector: { disk: 'ssd' } }));
    h.advance(1);
    expect(eventsOf(h, 'picky', 'FailedScheduling')[0]?.message).toBe(
      `0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 ${TAINT}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.`,
    );
    create(h, podManifest('admin', undefined, { nodeSelector: { 'kubernetes.io/hostname': 'control-plane' }, tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }));
    h.advance(1);
    expect(get(h, 'admin').spec?.nodeName).toBe('control-plane');
  });

  it('spreads a Deployment evenly over the workers, the same way for the same seed', () => {
    const placement = (seed: number) => {
      const h = createHarness({ seed });
      h.client.create({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'default' },
        spec: { replicas: 6, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
      });
      h.advance(1000);
      const pods = h.client.list<PodObj>('pods', { namespace: 'default' }).filter((p) => p.metadata.labels?.app === 'web');
      return pods.map((p) => `${p.metadata.name}@${p.spec?.nodeName}`).sort();
    };
    const a = placement(7);
    expect(a).toHaveLength(6);
    for (const w of ['worker-1', 'worker-2', 'worker-3']) expect(a.filter((x) => x.endsWith(`@${w}`))).toHaveLength(2);
    expect(placement(7)).toEqual(a);
  });
});
