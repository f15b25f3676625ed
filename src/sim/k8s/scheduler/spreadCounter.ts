import { matches, selectorString, type Selector } from '../api/selectors';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import type { SpreadCounts } from './schedulingSnapshot';

/** Key under which `sumByValue` counts nodes that lack the topology label. */
export const MISSING_LABEL = '\u0000missing';

/**
 * `countPodsMatchSelector` kept incrementally: for one namespace and
 * selector, the non-terminating assigned pods that match, per node, plus
 * lazily built sums per topology value. The scheduler cache updates every
 * live counter on each pod change, so PodTopologySpread never rescans pods.
 */
export class SpreadCounter implements SpreadCounts {
  perNode: Int32Array;
  private readonly byKey = new Map<string, Map<string, number>>();
  readonly key: string;

  constructor(
    readonly namespace: string,
    readonly selector: Selector,
    capacity: number,
  ) {
    this.perNode = new Int32Array(capacity);
    this.key = SpreadCounter.keyOf(namespace, selector);
  }

  static keyOf(namespace: string, selector: Selector): string {
    return `${namespace}\u0000${selectorString(selector)}`;
  }

  /** Whether a cached pod counts for this selector. */
  counts(p: PodInfo): boolean {
    return !p.terminating && p.namespace === this.namespace && matches(this.selector, p.labels);
  }

  grow(capacity: number): void {
    if (capacity <= this.perNode.length) return;
    const next = new Int32Array(capacity);
    next.set(this.perNode);
    this.perNode = next;
  }

  /** Adds `delta` matching pods on `node`. */
  add(node: NodeInfo, delta: number): void {
    this.perNode[node.index] += delta;
    node.table.touch(node.index);
    for (const [key, sums] of this.byKey) {
      const v = Object.prototype.hasOwnProperty.call(node.labels, key) ? node.labels[key] : MISSING_LABEL;
      sums.set(v, (sums.get(v) ?? 0) + delta);
    }
  }

  /** Drops the per-value sums (after a node's labels changed or a node left). */
  invalidateSums(): void {
    this.byKey.clear();
  }

  /** Forgets a node slot (the node was removed; its pods went first). */
  clearNode(node: NodeInfo): void {
    this.perNode[node.index] = 0;
    node.table.touch(node.index);
    this.byKey.clear();
  }

  sumByValueWith(key: string, nodes: readonly NodeInfo[]): ReadonlyMap<string, number> {
    let sums = this.byKey.get(key);
    if (!sums) {
      sums = new Map();
      for (const n of nodes) {
        const c = this.perNode[n.index];
        const v = Object.prototype.hasOwnProperty.call(n.labels, key) ? n.labels[key] : MISSING_LABEL;
        sums.set(v, (sums.get(v) ?? 0) + c);
      }
      this.byKey.set(key, sums);
    }
    return sums;
  }

  /** Set by the cache: the node list to build sums from. */
  nodes: () => readonly NodeInfo[] = () => [];

  sumByValue(key: string): ReadonlyMap<string, number> {
    return this.sumByValueWith(key, this.nodes());
  }
}
