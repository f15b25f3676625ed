import { describe, expect, it } from 'vitest';
import { matchingTolerations, minTolerationMs, noExecuteTaints } from './tolerationTime';

const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const notReady = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };

describe('toleration time', () => {
  it('uses the first matching toleration per NoExecute taint; one untolerated taint means none tolerated', () => {
    const defaults = [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ];
    expect(matchingTolerations([unreachable], defaults)).toEqual({ allTolerated: true, used: [defaults[1]] });
    expect(matchingTolerations([unreachable, { key: 'x', effect: 'NoExecute' }], defaults)).toEqual({ allTolerated: false, used: [] });
    expect(matchingTolerations([unreachable, notReady], [{ operator: 'Exists' }])).toEqual({ allTolerated: true, used: [{ operator: 'Exists' }, { operator: 'Exists' }] });
  });

  it('the shortest tolerationSeconds wins; none set is forever (-1); ≤ 0 or no toleration used is now', () => {
    expect(minTolerationMs([{ tolerationSeconds: 300 }, { tolerationSeconds: 5 }])).toBe(5000);
    expect(minTolerationMs([{ tolerationSeconds: 25 }, {}])).toBe(25_000);
    expect(minTolerationMs([{}, {}])).toBe(-1);
    expect(minTolerationMs([{ tolerationSeconds: 0 }])).toBe(0);
    expect(minTolerationMs([{ tolerationSeconds: -3 }, { tolerationSeconds: 30 }])).toBe(0);
    expect(minTolerationMs([])).toBe(0);
  });

  it('only NoExecute taints count', () => {
    expect(noExecuteTaints([{ key: 'a', effect: 'NoSchedule' }, unreachable, { key: 'b', effect: 'PreferNoSchedule' }])).toEqual([unreachable]);
  });
});
