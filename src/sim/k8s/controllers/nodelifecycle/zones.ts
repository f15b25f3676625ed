import { LARGE_CLUSTER_SIZE_THRESHOLD, NODE_EVICTION_RATE, SECONDARY_NODE_EVICTION_RATE, UNHEALTHY_ZONE_THRESHOLD } from './nodeHealth';

/** A zone's health as the node lifecycle controller classifies it. */
export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/**
 * `ComputeZoneState`: no Ready node → full disruption; more than 2 not-Ready
 * nodes making at least 55 % of the zone → partial disruption; else normal.
 * @example computeZoneState(3, 4) // 'PartialDisruption'
 */
export function computeZoneState(notReady: number, total: number): ZoneState {
  const ready = total - notReady;
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / total >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption';
  return 'Normal';
}

/**
 * `setLimiterInZone`: the NoExecute tainting rate of a zone in a state. A
 * partially disrupted zone in a small cluster (≤ 50 nodes) gets no tainting
 * at all: the controller suspects a network partition, not dead nodes.
 */
export function taintingRate(state: ZoneState, zoneSize: number): number {
  switch (state) {
    case 'PartialDisruption':
      return zoneSize > LARGE_CLUSTER_SIZE_THRESHOLD ? SECONDARY_NODE_EVICTION_RATE : 0;
    default:
      return NODE_EVICTION_RATE;
  }
}

/**
 * One zone's `RateLimitedTimedQueue` of nodes waiting for their NoExecute
 * taint, behind a token bucket (burst 1). `members` holds queued nodes and
 * nodes already tainted (upstream's UniqueQueue set), so a node is queued
 * once until it is marked reachable again.
 */
export class ZoneTainter {
  /** Health counts of the zone's nodes (excluded nodes not counted). */
  total = 0;
  notReady = 0;
  state: ZoneState | undefined;
  readonly queue: string[] = [];
  readonly members = new Set<string>();
  private qps = NODE_EVICTION_RATE;
  /** When the bucket next holds a token (a new bucket starts full). */
  private nextTokenAt = -Infinity;

  constructor(readonly key: string) {}

  /** `Add`: queues a node unless it is queued or tainted already. */
  add(node: string): void {
    if (this.members.has(node)) return;
    this.members.add(node);
    this.queue.push(node);
  }

  /** `Remove`: forgets the node entirely (it is reachable again, or gone). */
  remove(node: string): boolean {
    const had = this.members.delete(node);
    const i = this.queue.indexOf(node);
    if (i >= 0) this.queue.splice(i, 1);
    return had;
  }

  /** `TryAccept`: takes the token if there is one. */
  tryAccept(now: number): boolean {
    if (this.qps <= 0 || now < this.nextTokenAt) return false;
    this.nextTokenAt = now + 1000 / this.qps;
    return true;
  }

  /** When the next token comes, if ever. */
  nextTokenTime(): number | undefined {
    return this.qps > 0 ? this.nextTokenAt : undefined;
  }

  /**
   * `SwapLimiter`: a new bucket at `qps` (none when 0). It starts full only
   * if the old one still had a token, as upstream drains the new bucket
   * when the old one was empty.
   */
  swapLimiter(qps: number, now: number): void {
    if (qps === this.qps) return;
    const oldHadToken = this.qps > 0 && now >= this.nextTokenAt;
    this.qps = qps;
    if (qps > 0) this.nextTokenAt = oldHadToken ? now : now + 1000 / qps;
  }
}
