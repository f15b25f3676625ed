import { PodInfo } from './podInfo';
import type { QueuedPod } from './schedulingQueue';

/** An entry that may hold its pod's row in the decision log (`-1`: none). */
export interface DecisionHolder {
  decisionRow: number;
}

/**
 * The scheduler's pods by `namespace/name`: a QueuedPod while the pod waits
 * to be scheduled, its PodInfo once the scheduler cache counts it on a node
 * (assumed or bound). A pod is never both (a queued pod has no node, a bound
 * one never loses it), so the queue and the cache share one map: a pod
 * handed from one to the other is looked up once, not once per map.
 *
 * An entry also holds its pod's decision-log row, so recording a cycle
 * looks nothing up; a pod that leaves the map without being deleted (it
 * finished, another scheduler owns it, its binding failed) leaves its row in
 * `rows` until it is forgotten or taken back.
 */
export class PodRegistry {
  readonly byKey = new Map<string, QueuedPod | PodInfo>();
  /** Decision rows of pods whose entry does not hold them. */
  readonly rows = new Map<string, number>();

  /** The queued pod of `key`, if it is queued. */
  queued(key: string): QueuedPod | undefined {
    const v = this.byKey.get(key);
    return v === undefined || v instanceof PodInfo ? undefined : v;
  }

  /** The cached PodInfo of `key`, if the cache counts it. */
  cached(key: string): PodInfo | undefined {
    const v = this.byKey.get(key);
    return v instanceof PodInfo ? v : undefined;
  }

  /** Removes `key`'s entry `v` (found by the caller); its decision row, if any, stays in `rows`. */
  remove(key: string, v: DecisionHolder): void {
    this.byKey.delete(key);
    if (v.decisionRow < 0) return;
    this.rows.set(key, v.decisionRow);
    v.decisionRow = -1;
  }

  /** The entry of `key` when it holds the pod's decision row. */
  holder(key: string): DecisionHolder | undefined {
    const v = this.byKey.get(key);
    return v !== undefined && v.decisionRow >= 0 ? v : undefined;
  }
}
