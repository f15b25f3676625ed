import { describe, expect, it } from 'vitest';
import { TrafficMeter } from './trafficMeter';

describe('TrafficMeter', () => {
  it('counts requests per answering pod and per failure over the recent window', () => {
    const m = new TrafficMeter();
    for (let t = 0; t < 2000; t += 100) m.record(10_000 + t, 'default/web', { pod: t % 200 === 0 ? 'default/web-a' : 'default/web-b' });
    m.record(11_950, 'default/web', { failure: 'refused' });
    const [web] = m.recent(12_000, 2000);
    expect(web.service).toBe('default/web');
    expect(web.requests).toBe(21);
    expect(web.rps).toBeCloseTo(10.5);
    expect(web.byPod).toEqual([
      { pod: 'default/web-a', requests: 10 },
      { pod: 'default/web-b', requests: 10 },
    ]);
    expect(web.failed).toEqual([{ kind: 'refused', requests: 1 }]);
    expect(m.total).toBe(21);
  });

  it('forgets requests older than the window and leaves out quiet Services', () => {
    const m = new TrafficMeter();
    m.record(1_000, 'default/old', { pod: 'default/old-a' });
    m.record(9_900, 'default/web', { pod: 'default/web-a' });
    expect(m.recent(10_000, 2000).map((s) => s.service)).toEqual(['default/web']);
    expect(m.recent(20_000, 2000)).toEqual([]);
  });
});
