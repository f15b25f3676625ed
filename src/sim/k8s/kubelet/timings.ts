import type { Rng } from '../../../lib/rng';

/** How long runtime steps take, in virtual ms (with seeded jitter so pods do not move in lockstep). */
export const TIMINGS = {
  /** Pod sandbox + CNI setup after admission. */
  sandboxMs: [300, 700] as const,
  /** Registry round-trip before layers arrive. */
  pullLatencyMs: [250, 600] as const,
  /** Download throughput, bytes per ms (≈ 30 MB/s). */
  pullBytesPerMs: 30_000,
  /** Re-checking a cached image with imagePullPolicy Always. */
  pullCachedMs: [300, 900] as const,
  /** From "Created" to "Started". */
  createMs: [30, 120] as const,
  /** Lease renewal (nodeLeaseDurationSeconds 40 × renew fraction 0.25). */
  leaseRenewMs: 10_000,
  /** nodeStatusReportFrequency. */
  nodeStatusReportMs: 300_000,
  /** nodeStatusUpdateFrequency: how often the kubelet checks whether its node status changed. */
  nodeStatusUpdateMs: 10_000,
};

/** A time drawn from `range` (one draw). Indexes rather than destructures: no array iterator per call. */
export function jitter(rng: Rng, range: readonly [number, number]): number {
  const lo = range[0];
  return Math.round(lo + rng.next() * (range[1] - lo));
}
