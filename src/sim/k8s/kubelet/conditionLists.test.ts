import type { PodCondition } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { sharedConditionList } from './conditionLists';

const cond = (type: string, status: 'True' | 'False', at: string): PodCondition => Object.freeze({ type, status, lastTransitionTime: at });

/** The four kubelet conditions of a pod at a stage, as objects of their own (the shared condition objects are per second). */
function stage(sandbox: 'True' | 'False', ready: 'True' | 'False', at: string): [PodCondition, PodCondition, PodCondition, PodCondition] {
  return [cond('PodReadyToStartContainers', sandbox, at), cond('Initialized', 'True', at), cond('Ready', ready, at), cond('ContainersReady', ready, at)];
}

describe('shared condition lists', () => {
  it('are one list per set of items while pods at different stages sync in turn, with the items in kubelet order', () => {
    const scheduled = cond('PodScheduled', 'True', '2025-01-01T00:00:00Z');
    const bound = stage('False', 'False', '2025-01-01T00:00:01Z');
    const sandbox = stage('True', 'False', '2025-01-01T00:00:02Z');
    const running = stage('True', 'True', '2025-01-01T00:00:03Z');
    const first = [bound, sandbox, running].map((s) => sharedConditionList(...s, scheduled));
    for (let round = 0; round < 5; round++) {
      [running, bound, sandbox].forEach((s, i) => expect(sharedConditionList(...s, scheduled)).toBe(first[(i + 2) % 3]));
    }
    expect(first[2]).toEqual([...running, scheduled]);
    expect(new Set(first).size).toBe(3);
  });

  it('tell apart lists of the same stage whose items differ (another second, no other condition)', () => {
    const scheduled = cond('PodScheduled', 'True', '2025-01-01T00:00:00Z');
    const a = stage('True', 'True', '2025-01-01T00:00:03Z');
    const b = stage('True', 'True', '2025-01-01T00:00:04Z');
    const la = sharedConditionList(...a, scheduled);
    const lb = sharedConditionList(...b, scheduled);
    expect(lb).not.toBe(la);
    expect(lb).toEqual([...b, scheduled]);
    expect(sharedConditionList(...a, scheduled)).toBe(la);
    const alone = sharedConditionList(...a, undefined);
    expect(alone).toEqual(a);
    expect(alone).not.toBe(la);
    expect(sharedConditionList(...a, scheduled)).toBe(la);
  });
});
