/** `DefaultJobPodFailureBackOff`: the first delay before re-creating a failed pod. */
export const DefaultJobPodFailureBackOff = 10_000;
/** `MaxJobPodFailureBackOff`: the cap of that delay. */
export const MaxJobPodFailureBackOff = 360_000;

/** `backoffRecord`: consecutive pod failures since the last success, and when the last one finished. */
export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

/**
 * The delay before the n-th consecutive failure's replacement may be
 * created: 10 s doubling per failure, capped at 6 min (W1: 10, 20, 40, 80,
 * 160, 320, 360, 360 s).
 * @example backoffDuration(3) // 40_000
 */
export function backoffDuration(failures: number, base = DefaultJobPodFailureBackOff, max = MaxJobPodFailureBackOff): number {
  if (failures <= 0) return 0;
  let d = base;
  for (let i = 1; i < failures && d < max; i++) d *= 2;
  return Math.min(d, max);
}

/** `backoffRecord.getRemainingTime`: how long pod creation must still wait at `now` (0 = create now). */
export function getRemainingTime(record: BackoffRecord, now: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTime === undefined) return 0;
  const elapsed = now - record.lastFailureTime;
  return Math.max(0, backoffDuration(record.failuresAfterLastSuccess) - Math.max(0, elapsed));
}
