import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../sim/k8s/index';
import { scriptSession } from './scriptSession.testkit';

/** DefaultPreemption end to end on the default cluster (three 4-CPU workers). */
const session = () => scriptSession(11);

// busybox's `sleep` ignores SIGTERM: a victim takes its whole grace period to go.
const fill = 'kubectl create deployment filler --image=busybox:1.36 --replicas=3 -- sleep 3600\nkubectl set resources deployment filler --requests=cpu=3\nsleep 30s';
type PodObj = KubeObject & { spec?: { nodeName?: string }; status?: { nominatedNodeName?: string; conditions?: { type: string; reason?: string }[] } };

describe('preemption', () => {
  it('a system-cluster-critical pod preempts a lower-priority pod when no node has room, and is bound to the nominated node', () => {
    const s = session();
    s.run(fill);
    const c = s.cluster.client();
    const r = c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'critical', namespace: 'default' }, spec: { priorityClassName: 'system-cluster-critical', containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '3' } } }] } });
    expect(r.ok).toBe(true);
    s.cluster.advance(1000);
    const nominated = c.get<PodObj>('pods', 'default', 'critical')?.status?.nominatedNodeName;
    expect(nominated).toMatch(/^worker-\d$/);
    const victims = c.list<PodObj>('pods', { namespace: 'default' }).filter((p) => p.status?.conditions?.some((x) => x.type === 'DisruptionTarget' && x.reason === 'PreemptionByScheduler'));
    expect(victims).toHaveLength(1);
    expect(victims[0].spec?.nodeName).toBe(nominated);
    expect(victims[0].metadata.deletionTimestamp).toBeDefined();
    expect(s.cluster.schedulingDecision('default', 'critical')?.preemption).toEqual({ nominatedNode: nominated, victims: [`default/${victims[0].metadata.name}`], victimPriorities: [0], priority: 2000000000 });
    s.cluster.advance(60_000);
    expect(c.get<PodObj>('pods', 'default', 'critical')?.spec?.nodeName).toBe(nominated);
  });

  it('does not preempt again while its victim terminates on the nominated node', () => {
    const s = session();
    s.run(fill);
    s.run('kubectl patch deployment filler -p \'{"spec":{"template":{"spec":{"terminationGracePeriodSeconds":120}}}}\'\nsleep 30s');
    const c = s.cluster.client();
    c.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
    c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'vip', namespace: 'default' }, spec: { priorityClassName: 'high', containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '3' } } }] } });
    s.cluster.advance(20_000);
    const messages = s.cluster.eventsFor(c.get<PodObj>('pods', 'default', 'vip')!).map((e) => e.message as string);
    expect(messages[0]).toBe('0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu.');
    expect(messages.slice(1).every((m) => m.endsWith('preemption: not eligible due to a terminating pod on the nominated node.'))).toBe(true);
    const terminating = c.list<PodObj>('pods', { namespace: 'default' }).filter((p) => p.metadata.deletionTimestamp);
    expect(terminating).toHaveLength(1);
  });
});
