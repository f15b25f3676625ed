import type { NodeTable } from './nodeTable';

/** Positions per block in the kernel's node-list indexes (a power of two). */
export const SHIFT = 4;
export const BLOCK = 1 << SHIFT;

/**
 * Follows `NodeTable.changeLog` for the positions of one node list, so that
 * the kernel's block indexes (`HostSpreadIndex`, `PassBlocks`) drop exactly
 * the blocks holding a node that changed since they last looked.
 */
export class ListChanges {
  list: Int32Array | null = null;
  /** A table column: replaced when the table grows (slots then need mapping again). */
  private column: Int32Array | null = null;
  private seen = 0;
  /** List position of each table slot (-1: not listed). */
  private posOf = new Int32Array(0);

  /**
   * Sets `blocks[b] = none` for each block b holding a node changed since the
   * last call. Returns false, clearing nothing, when the list or the table's
   * columns are others than last time or the log overran: every block is
   * then to be redone by the caller.
   */
  follow(t: NodeTable, list: Int32Array, blocks: Uint8Array | Int32Array, none: number): boolean {
    const fresh = list === this.list && t.memoKey === this.column;
    const overran = t.changes - this.seen > t.changeLog.length;
    if (!fresh) {
      this.list = list;
      this.column = t.memoKey;
      if (this.posOf.length !== t.capacity) this.posOf = new Int32Array(t.capacity);
      this.posOf.fill(-1);
      for (let p = 0; p < list.length; p++) this.posOf[list[p]] = p;
    } else if (!overran) {
      const log = t.changeLog;
      const mask = log.length - 1;
      for (let s = this.seen; s < t.changes; s++) {
        const p = this.posOf[log[s & mask]];
        if (p >= 0) blocks[p >> SHIFT] = none;
      }
    }
    this.seen = t.changes;
    return fresh && !overran;
  }
}
