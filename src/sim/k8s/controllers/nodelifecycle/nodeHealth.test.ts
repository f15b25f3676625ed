import { describe, expect, it } from 'vitest';
import { nextMonitorTick, probeTime, swapTaints, unknownConditions, zoneKey } from './nodeHealth';
import { computeZoneState, taintingRate, ZoneTainter } from './zones';

const at = (iso: string) => Date.parse(iso);

describe('node health kernels', () => {
  it('zone state: no Ready node is a full disruption; more than 2 not-Ready making ≥ 55 % a partial one', () => {
    const table: [number, number, string][] = [
      [0, 4, 'Normal'],
      [1, 4, 'Normal'],
      [2, 3, 'Normal'], // only 2 not-Ready: never partial
      [3, 4, 'PartialDisruption'],
      [3, 6, 'Normal'], // 50 % < 55 %
      [4, 7, 'PartialDisruption'], // 57 %
      [4, 4, 'FullDisruption'],
    ];
    for (const [notReady, total, state] of table) expect(computeZoneState(notReady, total), `${notReady}/${total}`).toBe(state);
  });

  it('tainting rate: 0.1 node/s; partially disrupted zones 0.01 node/s above 50 nodes, none at or below', () => {
    expect(taintingRate('Normal', 4)).toBe(0.1);
    expect(taintingRate('FullDisruption', 4)).toBe(0.1);
    expect(taintingRate('PartialDisruption', 50)).toBe(0);
    expect(taintingRate('PartialDisruption', 51)).toBe(0.01);
  });

  it('token bucket: burst 1, one token every 10 s at 0.1/s; a swapped limiter starts drained when the old one was', () => {
    const z = new ZoneTainter('');
    expect(z.tryAccept(0)).toBe(true);
    expect(z.tryAccept(9_999)).toBe(false);
    expect(z.tryAccept(10_000)).toBe(true);
    z.swapLimiter(0, 12_000);
    expect(z.tryAccept(100_000)).toBe(false);
    z.swapLimiter(0.1, 100_000);
    expect(z.tryAccept(100_000)).toBe(false);
    expect(z.tryAccept(110_000)).toBe(true);
  });

  it('probe time: the monitor tick at or after the newest Lease renewal or heartbeat', () => {
    const node = { metadata: { creationTimestamp: '2025-03-01T09:00:00Z' }, status: { conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2025-03-01T09:00:00Z' }] } };
    expect(probeTime(node, '2025-03-01T09:01:02.000000Z', -Infinity)).toBe(at('2025-03-01T09:01:05Z'));
    expect(probeTime(node, '2025-03-01T09:01:00.000000Z', -Infinity)).toBe(at('2025-03-01T09:01:00Z'));
    expect(probeTime(node, undefined, -Infinity)).toBe(at('2025-03-01T09:00:00Z'));
    expect(probeTime(node, undefined, at('2025-03-01T10:00:00Z'))).toBe(at('2025-03-01T10:00:00Z'));
    expect(nextMonitorTick(at('2025-03-01T09:01:00Z'))).toBe(at('2025-03-01T09:01:05Z'));
  });

  it('Unknown conditions keep heartbeats; conditions never posted are added as NodeStatusNeverUpdated; NetworkUnavailable is left alone', () => {
    const out = unknownConditions(
      [
        { type: 'NetworkUnavailable', status: 'False', reason: 'RouteCreated' },
        { type: 'Ready', status: 'True', lastHeartbeatTime: 'hb', lastTransitionTime: 't0', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      'created',
      'now',
    );
    expect(out).toEqual([
      { type: 'NetworkUnavailable', status: 'False', reason: 'RouteCreated' },
      { type: 'Ready', status: 'Unknown', lastHeartbeatTime: 'hb', lastTransitionTime: 'now', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' },
      { type: 'MemoryPressure', status: 'Unknown', lastHeartbeatTime: 'created', lastTransitionTime: 'now', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' },
      { type: 'DiskPressure', status: 'Unknown', lastHeartbeatTime: 'created', lastTransitionTime: 'now', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' },
      { type: 'PIDPressure', status: 'Unknown', lastHeartbeatTime: 'created', lastTransitionTime: 'now', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' },
    ]);
  });

  it('swapping taints appends with timeAdded, removes by key and effect, and reports no change', () => {
    const cp = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
    const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
    const notReady = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
    expect(swapTaints([cp], [unreachable], [notReady], 'T')).toEqual([cp, { ...unreachable, timeAdded: 'T' }]);
    expect(swapTaints([cp, { ...unreachable, timeAdded: 'T' }], [unreachable], [], 'U')).toBeUndefined();
    expect(swapTaints([cp, notReady], [unreachable], [notReady], 'T')).toEqual([cp, { ...unreachable, timeAdded: 'T' }]);
  });

  it('zone key from the topology labels', () => {
    expect(zoneKey({ metadata: { labels: {} } })).toBe('');
    expect(zoneKey({ metadata: { labels: { 'topology.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': 'z' } } })).toBe('r:\u0000:z');
  });
});
