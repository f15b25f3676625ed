import { describe, expect, it } from 'vitest';
import { formatRps, trafficFlows, trafficSummary, type TrafficWords } from './traffic';

const words: TrafficWords = {
  toPods: (name, rps, count) => `${name}: ${formatRps(rps)} req/s → ${count} ${count === 1 ? 'pod' : 'pods'}`,
  failing: (rps) => `, ${formatRps(rps)} req/s failing`,
  allFailing: (name, rps) => `${name}: ${formatRps(rps)} req/s, all failing`,
  reason: (kind) => (kind === 'refused' ? 'connection refused' : kind),
};

describe('traffic flows', () => {
  it('split a Service’s rate over the pods that answered, by their share', () => {
    const [web] = trafficFlows([
      { service: 'default/web', rps: 20, requests: 40, byPod: [{ pod: 'default/web-a', requests: 30 }, { pod: 'default/web-b', requests: 10 }], failed: [] },
    ]);
    expect(web.name).toBe('web');
    expect(web.pods).toEqual([
      { key: 'default/web-a', rps: 15, share: 0.75 },
      { key: 'default/web-b', rps: 5, share: 0.25 },
    ]);
    expect(web.failedRps).toBe(0);
    expect(trafficSummary([web], words)).toBe('web: 20 req/s → 2 pods');
  });

  it('say when every request fails, and why', () => {
    const flows = trafficFlows([{ service: 'shop/api', rps: 10, requests: 20, byPod: [], failed: [{ kind: 'refused', requests: 20 }] }]);
    expect(flows[0].failedRps).toBe(10);
    expect(trafficSummary(flows, words)).toBe('api: 10 req/s, all failing (connection refused)');
  });

  it('say how much fails beside the pods that answer, one Service after another', () => {
    const flows = trafficFlows([
      { service: 'default/a', rps: 4, requests: 8, byPod: [{ pod: 'default/a-1', requests: 6 }], failed: [{ kind: 'refused', requests: 2 }] },
      { service: 'default/b', rps: 1, requests: 2, byPod: [{ pod: 'default/b-1', requests: 2 }], failed: [] },
    ]);
    expect(trafficSummary(flows, words)).toBe('a: 4 req/s → 1 pod, 1 req/s failing (connection refused); b: 1 req/s → 1 pod');
  });

  it('read rates as whole numbers from 10 up and with one decimal below', () => {
    expect([formatRps(20.4), formatRps(9.95), formatRps(2.25), formatRps(0.5)]).toEqual(['20', '10', '2.3', '0.5']);
  });
});
