import { MAX_NODE_SCORE } from './plugin';

/**
 * `helper.DefaultNormalizeScore`: scale to 0–100 by the maximum (integer
 * division); `reverse` flips it (fewer is better). All zero: 0, or 100 when reversed.
 */
export function defaultNormalizeScore(scores: Float64Array, count: number, reverse: boolean): void {
  let max = 0;
  for (let i = 0; i < count; i++) if (scores[i] > max) max = scores[i];
  if (max === 0) {
    if (reverse) for (let i = 0; i < count; i++) scores[i] = MAX_NODE_SCORE;
    return;
  }
  for (let i = 0; i < count; i++) {
    let s = Math.trunc((MAX_NODE_SCORE * scores[i]) / max);
    if (reverse) s = MAX_NODE_SCORE - s;
    scores[i] = s;
  }
}
