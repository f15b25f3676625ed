import { describe, expect, it } from 'vitest';
import { sharedPodCondition } from './sharedCondition';

describe('sharedPodCondition', () => {
  it('gives pods that change a condition in the same second one frozen object', () => {
    const a = sharedPodCondition('Ready', 'True', '2025-03-01T09:00:00Z');
    expect(sharedPodCondition('Ready', 'True', '2025-03-01T09:00:00Z')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(JSON.stringify(a)).toBe('{"type":"Ready","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-03-01T09:00:00Z"}');
  });

  it('keeps conditions that differ in status, time, reason or message apart', () => {
    const base = sharedPodCondition('Ready', 'False', '2025-03-01T09:00:00Z', 'ContainersNotReady', 'containers with unready status: [a]');
    expect(JSON.stringify(base)).toBe('{"type":"Ready","status":"False","lastProbeTime":null,"lastTransitionTime":"2025-03-01T09:00:00Z","reason":"ContainersNotReady","message":"containers with unready status: [a]"}');
    expect(sharedPodCondition('Ready', 'False', '2025-03-01T09:00:00Z', 'ContainersNotReady', 'containers with unready status: [b]')).not.toBe(base);
    expect(sharedPodCondition('Ready', 'False', '2025-03-01T09:00:01Z', 'ContainersNotReady', 'containers with unready status: [a]')).not.toBe(base);
    expect(sharedPodCondition('Ready', 'True', '2025-03-01T09:00:00Z')).not.toBe(base);
    expect(sharedPodCondition('ContainersReady', 'False', '2025-03-01T09:00:00Z', 'ContainersNotReady', 'containers with unready status: [a]').type).toBe('ContainersReady');
  });

  it('shares conditions of an earlier second and of other statuses too', () => {
    sharedPodCondition('Ready', 'True', '2025-03-01T09:00:05Z');
    const early = sharedPodCondition('Ready', 'True', '2025-03-01T09:00:02Z');
    expect(sharedPodCondition('Ready', 'True', '2025-03-01T09:00:02Z')).toBe(early);
    expect(early.lastTransitionTime).toBe('2025-03-01T09:00:02Z');
    const unknown = sharedPodCondition('Ready', 'Unknown', '2025-03-01T09:00:05Z', 'NodeStatusUnknown', 'Kubelet stopped posting node status.');
    expect(sharedPodCondition('Ready', 'Unknown', '2025-03-01T09:00:05Z', 'NodeStatusUnknown', 'Kubelet stopped posting node status.')).toBe(unknown);
    expect(unknown).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown' });
  });
});
