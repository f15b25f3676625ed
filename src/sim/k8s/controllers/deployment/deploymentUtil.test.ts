import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { maxScaledDownCount } from './rolling';
import {
  deploymentTimedOut,
  getReplicaSetFraction,
  maxSurge,
  maxUnavailable,
  minAvailable,
  newRSNewReplicas,
  resolveFenceposts,
  computeHash,
  safeEncodeString,
  type DeploymentObj,
  type ReplicaSetObj,
} from './deploymentUtil';

function deployment(replicas: number, surge?: number | string, unavailable?: number | string, extra: Record<string, unknown> = {}): DeploymentObj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', generation: 1 },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, ...extra },
  } as DeploymentObj;
}

function rs(name: string, replicas: number, annotations: Record<string, string> = {}): ReplicaSetObj {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default', annotations }, spec: { replicas, selector: { matchLabels: { app: 'web' } } } } as ReplicaSetObj;
}

describe('resolveFenceposts (upstream ResolveFenceposts vectors)', () => {
  it.each([
    [undefined, '39%', 10, 0, 3],
    ['39%', undefined, 10, 4, 0],
    [undefined, undefined, 10, 0, 1],
    ['0%', '0%', 10, 0, 1],
    ['1%', '1%', 1, 1, 0],
    ['25%', '25%', 10, 3, 2],
    ['25%', '25%', 3, 1, 0],
    [3, 2, 10, 3, 2],
  ] as const)('maxSurge %s / maxUnavailable %s of %i → %i / %i', (surge, unavailable, desired, wantSurge, wantUnavailable) => {
    expect(resolveFenceposts(surge, unavailable, desired)).toEqual([wantSurge, wantUnavailable]);
  });
});

describe('MaxUnavailable / MinAvailable / MaxSurge', () => {
  it('caps maxUnavailable at spec.replicas', () => {
    expect(maxUnavailable(deployment(5, 0, 10))).toBe(5);
    expect(maxUnavailable(deployment(5, 0, '100%'))).toBe(5);
  });
  it('is zero for Recreate and for zero replicas', () => {
    expect(maxUnavailable(deployment(0, 1, 1))).toBe(0);
    const recreate = deployment(5, 1, 1);
    recreate.spec!.strategy = { type: 'Recreate' };
    expect(maxUnavailable(recreate)).toBe(0);
    expect(maxSurge(recreate)).toBe(0);
    expect(minAvailable(recreate)).toBe(0);
  });
  it('default 25%/25% of 10 replicas gives surge 3, unavailable 2, minAvailable 8', () => {
    const d = deployment(10, '25%', '25%');
    expect([maxSurge(d), maxUnavailable(d), minAvailable(d)]).toEqual([3, 2, 8]);
  });
});

describe('NewRSNewReplicas', () => {
  it('grows the new ReplicaSet only up to replicas + maxSurge in total', () => {
    const d = deployment(10, 3, 2);
    const newRS = rs('new', 0);
    expect(newRSNewReplicas(d, [rs('old', 10), newRS], newRS)).toBe(3);
    const grown = rs('new', 3);
    expect(newRSNewReplicas(d, [rs('old', 10), grown], grown)).toBe(3);
    expect(newRSNewReplicas(d, [rs('old', 8), grown], grown)).toBe(5);
  });
  it('returns replicas directly for Recreate (replicas 3, new RS 1 → 3)', () => {
    const d = deployment(3);
    d.spec!.strategy = { type: 'Recreate' };
    const newRS = rs('new', 1);
    expect(newRSNewReplicas(d, [newRS], newRS)).toBe(3);
  });
});

describe('DeploymentTimedOut', () => {
  const at = (hms: string) => Date.parse(`2025-01-01T00:${hms}Z`);
  const withProgress = (lastUpdate: string, deadline: number) => {
    const d = deployment(3, 1, 1, { progressDeadlineSeconds: deadline });
    const status: DeploymentStatus = { conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', lastUpdateTime: `2025-01-01T00:${lastUpdate}Z` }] };
    return [d, status] as const;
  };
  it('times out when lastUpdateTime + deadline is strictly before now (11 s > 10 s)', () => {
    const [d, status] = withProgress('01:09', 10);
    expect(deploymentTimedOut(d, status, at('01:20'))).toBe(true);
  });
  it('does not time out within the deadline (9 s < 10 s)', () => {
    const [d, status] = withProgress('01:11', 10);
    expect(deploymentTimedOut(d, status, at('01:20'))).toBe(false);
  });
  it('never times out with an infinite deadline', () => {
    const [d, status] = withProgress('01:09', 2147483647);
    expect(deploymentTimedOut(d, status, at('59:20'))).toBe(false);
  });
});

describe('getReplicaSetFraction (TestGetReplicaSetFraction)', () => {
  it('falls back to status.replicas without the max-replicas annotation: 120 desired, 100 current, rs 50 → +10', () => {
    const d = deployment(120, 0, 1);
    d.status = { replicas: 100 };
    expect(getReplicaSetFraction(rs('a', 50), d)).toBe(10);
  });
  it('scales every ReplicaSet to zero when the deployment goes to zero', () => {
    expect(getReplicaSetFraction(rs('a', 7), deployment(0, 1, 1))).toBe(-7);
  });
  it('uses the max-replicas annotation when present', () => {
    const d = deployment(20, 0, 1);
    expect(getReplicaSetFraction(rs('a', 5, { 'deployment.kubernetes.io/max-replicas': '10' }), d)).toBe(5);
  });
});

describe('pod-template-hash', () => {
  it('encodes the decimal hash with the digit mapping 0→4 … 9→f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
  it('is stable for equal templates and differs for different ones', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const same = { spec: { containers: [{ image: 'nginx', name: 'c' }] }, metadata: { labels: { app: 'web' } } };
    expect(computeHash(t)).toBe(computeHash(same));
    expect(computeHash(t)).not.toBe(computeHash({ ...t, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } }));
    expect(computeHash(t)).not.toBe(computeHash(t, 1));
    expect(computeHash(t)).toMatch(/^[456789bcdf]{1,10}$/);
  });
});

describe('reconcileOldReplicaSets budget (upstream worked example)', () => {
  const d = deployment(10, 3, 2);
  const withStatus = (r: ReplicaSetObj, available: number) => ({ ...r, status: { replicas: r.spec!.replicas, availableReplicas: available } }) as ReplicaSetObj;
  it('a crash-looping new ReplicaSet at 5 blocks scaling down the healthy old one at 8 (13 − 8 − 5 = 0)', () => {
    const newRS = withStatus(rs('new', 5), 0);
    const old = withStatus(rs('old', 8), 8);
    expect(maxScaledDownCount(d, [old, newRS], newRS)).toBe(0);
  });
  it('after rollout undo (the old one is new again, 1 unavailable) 4 crash-looping pods may go (13 − 8 − 1)', () => {
    const newRS = withStatus(rs('old', 8), 7);
    const crashing = withStatus(rs('new', 5), 0);
    expect(maxScaledDownCount(d, [crashing, newRS], newRS)).toBe(4);
  });
});
