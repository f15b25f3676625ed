import type { ProcessExtras } from './processTypes';

/**
 * Requests a container's process served, per virtual second over the last
 * minute (a ring of 60 counters in its extras): what the CPU model of
 * `kubectl top` and the HorizontalPodAutoscaler reads as load.
 */

/** Counts a request served at `now`. */
export function countRequest(more: ProcessExtras, now: number): void {
  const sec = Math.floor(now / 1000);
  const hits = (more.hits ??= new Int32Array(60));
  if (sec !== more.hitsSecond) {
    // Clear the buckets of the seconds that passed without a request.
    const gap = more.hitsSecond < 0 ? 60 : Math.min(60, sec - more.hitsSecond);
    for (let i = 1; i <= gap; i++) hits[(more.hitsSecond + i + 60 * 60) % 60] = 0;
    more.hitsSecond = sec;
  }
  hits[sec % 60]++;
}

/** Requests per second served over the `windowSeconds` before `now`. */
export function requestsPerSecond(more: ProcessExtras, now: number, windowSeconds: number): number {
  if (more.hitsSecond < 0 || !more.hits) return 0;
  const sec = Math.floor(now / 1000);
  const { hits, hitsSecond } = more;
  let n = 0;
  for (let s = sec - windowSeconds + 1; s <= sec; s++) if (s <= hitsSecond && hitsSecond - s < 60) n += hits[((s % 60) + 60) % 60];
  return n / windowSeconds;
}
