/**
 * The timeline's preview: one replay of the whole history, read into a
 * drawing frame every second of virtual time (a new frame only when the
 * cluster changed; frames share the store's objects, never copies), so that
 * dragging the timeline redraws at once. Where the handle stops, the page
 * then loads the real cluster of that moment (terminal, inspector, commands).
 */
import type { ApiClient, Cluster } from '../sim/k8s/index';
import type { Scenario } from '../session/scenario';
import type { ClusterSnapshot } from './types';

/** Real ms of building before the page gets a frame to draw. */
const SLICE_MS = 12;
const now = () => globalThis.performance.now();

/** Frames at most (a long session gets a coarser step, never below a second). */
export const FILMSTRIP_FRAMES = 1200;

export class Filmstrip {
  constructor(
    /** Frames in order of `at` (virtual ms since start); the first is at 0. */
    private readonly frames: readonly { at: number; snapshot: ClusterSnapshot }[],
  ) {}

  get length(): number {
    return this.frames.length;
  }

  /** The frame shown at `at`: the last one taken at or before it. */
  frameAt(at: number): ClusterSnapshot | undefined {
    let lo = 0;
    let hi = this.frames.length - 1;
    if (hi < 0) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.frames[mid].at <= at) lo = mid;
      else hi = mid - 1;
    }
    return this.frames[lo].snapshot;
  }
}

export type FilmstripResult = { ok: true; strip: Filmstrip } | { ok: false; error: string };

/**
 * Replays `scenario` once from its start to its end, taking a frame with
 * `take` every `stepMs` (whole seconds; coarser past FILMSTRIP_FRAMES), in
 * slices of real time so that the page stays responsive meanwhile.
 */
export async function buildFilmstrip(
  scenario: Scenario,
  take: (cluster: Cluster, reader: ApiClient) => ClusterSnapshot | undefined,
  /** Asked after each slice: false stops the build (the timeline was left meanwhile). */
  wanted: () => boolean = () => true,
): Promise<FilmstripResult> {
  let startReplay: typeof import('../session/replay').startReplay;
  try {
    ({ startReplay } = await import('../session/replay'));
  } catch (e) {
    return { ok: false, error: `the replay could not load (${e instanceof Error ? e.message : String(e)}); reload the page` };
  }
  const started = startReplay(scenario);
  if (!started.ok) return started;
  const { replayer } = started;
  const { cluster } = replayer;
  const reader = cluster.client('kubeplay-ui');
  let changed = true;
  const unwatch = cluster.watchAll(() => {
    changed = true;
  });
  const stepMs = Math.max(1000, Math.ceil(scenario.endAt / FILMSTRIP_FRAMES / 1000) * 1000);
  const frames: { at: number; snapshot: ClusterSnapshot }[] = [];
  let last: ClusterSnapshot | undefined;
  let sliceStart = now();
  try {
    for (let t = 0; ; t += stepMs) {
      // The page keeps drawing while the preview is built: hand back after each slice of real time.
      if (now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (!wanted()) return { ok: false, error: 'no longer wanted' };
        sliceStart = now();
      }
      const at = Math.min(t, scenario.endAt);
      replayer.advanceTo(at);
      if (changed || !last) {
        changed = false;
        last = take(cluster, reader);
        if (!last) return { ok: false, error: 'the cluster is not ready yet' };
      }
      frames.push({ at, snapshot: last });
      if (at >= scenario.endAt) break;
    }
  } catch (e) {
    return { ok: false, error: `the replay stopped on an internal error (please report): ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    unwatch();
    for (const r of replayer.takeRunning()) r.execution.cancel();
  }
  return { ok: true, strip: new Filmstrip(frames) };
}
