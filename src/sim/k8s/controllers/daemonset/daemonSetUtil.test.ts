import { describe, expect, it } from 'vitest';
import { addOrUpdateDaemonPodTolerations, nodeShouldRunDaemonPod, type NodeObj } from './daemonSetUtil';

const node = (labels: Record<string, string>, taints: { key: string; effect: string }[] = []): NodeObj => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', labels }, spec: { taints } }) as NodeObj;
const spec = (extra = {}) => ({ containers: [{ name: 'c', image: 'nginx' }], ...extra });

describe('DaemonSet node eligibility', () => {
  it('adds the six daemon tolerations (seven with hostNetwork)', () => {
    expect(addOrUpdateDaemonPodTolerations(spec()).map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(addOrUpdateDaemonPodTolerations(spec({ hostNetwork: true }))).toHaveLength(7);
  });

  it('skips the tainted control plane unless tolerated', () => {
    const cp = node({}, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(nodeShouldRunDaemonPod(cp, spec())).toEqual({ shouldRun: false, shouldContinueRunning: true });
    expect(nodeShouldRunDaemonPod(cp, spec({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] })).shouldRun).toBe(true);
  });

  it('an untolerated NoExecute taint evicts; unschedulable nodes still run daemon pods', () => {
    expect(nodeShouldRunDaemonPod(node({}, [{ key: 'x', effect: 'NoExecute' }]), spec())).toEqual({ shouldRun: false, shouldContinueRunning: false });
    expect(nodeShouldRunDaemonPod(node({}, [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]), spec()).shouldRun).toBe(true);
  });

  it('follows nodeSelector', () => {
    expect(nodeShouldRunDaemonPod(node({ disk: 'ssd' }), spec({ nodeSelector: { disk: 'ssd' } })).shouldRun).toBe(true);
    expect(nodeShouldRunDaemonPod(node({}), spec({ nodeSelector: { disk: 'ssd' } })).shouldRun).toBe(false);
  });
});
