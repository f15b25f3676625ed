import { RequiredNodeAffinity } from './nodeSelectorTerms';
import type { NodeLoad } from './nominator';
import type { PodInfo } from './podInfo';
import type { SchedulingSnapshot } from './schedulingSnapshot';

/** `framework.CycleState`: the pod being scheduled, the snapshot, and what plugins computed for this cycle. */
export class CycleState {
  /** Plugin state by key (a plain object: cheaper than a Map for a handful of fixed keys). */
  private readonly data: Record<string, unknown> = {};
  /** What pods nominated to a node (same or higher priority) add to it for this pod's filters, by table slot; undefined: none. */
  nominated: Map<number, NodeLoad> | undefined = undefined;

  constructor(
    readonly pod: PodInfo,
    readonly snapshot: SchedulingSnapshot,
  ) {}

  write(key: string, value: unknown): void {
    this.data[key] = value;
  }

  read<T>(key: string): T {
    return this.data[key] as T;
  }

  private required: RequiredNodeAffinity | undefined;

  /** The pod's nodeSelector + required node affinity, compiled once per cycle. */
  get requiredNodeAffinity(): RequiredNodeAffinity {
    return (this.required ??= RequiredNodeAffinity.of(this.pod.pod));
  }
}
