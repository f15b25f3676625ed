import { describe, expect, it } from 'vitest';
import { replayScenario } from '../session/replay';
import { typicalScenario } from '../session/typicalScenario.testkit';
import { preloadShellData } from '../shell/index';
import { buildFilmstrip, Filmstrip } from './filmstrip';
import type { ClusterSnapshot } from './types';

await preloadShellData();

/** A frame that only counts: how many pods, and when. */
const frame = (pods: number, now: number) => ({ now, pods: Array.from({ length: pods }), version: now }) as unknown as ClusterSnapshot;

describe('Filmstrip', () => {
  it('gives the last frame taken at or before a moment', () => {
    const strip = new Filmstrip([
      { at: 0, snapshot: frame(0, 0) },
      { at: 1000, snapshot: frame(1, 1000) },
      { at: 2000, snapshot: frame(2, 2000) },
    ]);
    expect([-5, 0, 999, 1000, 1500, 2000, 9000].map((t) => strip.frameAt(t)?.now)).toEqual([0, 0, 0, 1000, 1000, 2000, 2000]);
    expect(new Filmstrip([]).frameAt(5)).toBeUndefined();
  });

  it('shows at each second what a replay to that second shows, taking a new frame only when the cluster changed', async () => {
    const s = typicalScenario();
    let taken = 0;
    const built = await buildFilmstrip(s, (cluster, reader) => {
      taken++;
      return frame(reader.list('pods', { namespace: 'default' }).length, cluster.now() - cluster.startTime);
    });
    if (!built.ok) throw new Error(built.error);
    expect(built.strip.length).toBe(Math.ceil(s.endAt / 1000) + 1);
    for (const at of [0, s.log[1].at + 2000, s.log[7].at + 9000, s.endAt]) {
      const second = Math.floor(at / 1000) * 1000;
      const r = replayScenario(s, { until: second });
      if (!r.ok) throw new Error(r.error);
      expect(built.strip.frameAt(at)?.pods.length, `at ${at}`).toBe(r.replayed.cluster.client().list('pods', { namespace: 'default' }).length);
    }
    // Quiet seconds reuse the frame before them.
    expect(taken).toBeLessThan(built.strip.length);
  });

  it('refuses a scenario past the replay bounds, as a replay would', async () => {
    const s = { ...typicalScenario(), log: [{ at: 0, line: 'kubectl scale deployment web --replicas=10000000' }] };
    expect(await buildFilmstrip(s, () => frame(0, 0))).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
  });
});
