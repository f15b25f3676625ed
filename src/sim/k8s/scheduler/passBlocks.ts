import { BLOCK, ListChanges, SHIFT } from './listChanges';
import { FLAG_DO_NOT_SCHEDULE_TAINTS, FLAG_UNSCHEDULABLE, type NodeTable } from './nodeTable';

/**
 * The default filters' quick check (`scanChunk`) by blocks of the node
 * list: a block whose every node was seen with room for the same (cpu,
 * memory) request — `NodeTable.passKey` — and none changed since
 * (`NodeTable.changeLog`) is vouched for without reading its nodes. Exactly
 * the node-by-node check: a node's `passKey` is reset only by the changes
 * the log records.
 */
export class PassBlocks {
  private readonly changes = new ListChanges();
  /** Per block: the room key all its nodes passed with, none changed since (-1: none). */
  private pass = new Int32Array(0);

  /**
   * The chunk of `m` list positions from `next` (wrapping after `head`):
   * writes into `doubt` the chunk positions of the nodes that might fail
   * (cordoned, NoSchedule/NoExecute taint, no room for `cpu`/`memory` or
   * another pod) and returns how many.
   */
  scan(t: NodeTable, list: Int32Array, next: number, head: number, m: number, key: number, cpu: number, memory: number, doubt: Int32Array): number {
    if (!this.changes.follow(t, list, this.pass, -1)) {
      const blocks = (list.length + BLOCK - 1) >> SHIFT;
      if (this.pass.length < blocks) this.pass = new Int32Array(blocks);
      this.pass.fill(-1);
    }
    const n = this.range(t, list, next, next + head, -next, key, cpu, memory, doubt, 0);
    return m > head ? this.range(t, list, 0, m - head, head, key, cpu, memory, doubt, n) : n;
  }

  /** Positions [a, e) (chunk position = list position + `shift`), appending to `doubt` from `n`. */
  private range(t: NodeTable, list: Int32Array, a: number, e: number, shift: number, key: number, cpu: number, memory: number, doubt: Int32Array, n: number): number {
    const { flags, podRoom, freeCpu, freeMemory, passKey } = t;
    const blocking = FLAG_UNSCHEDULABLE | FLAG_DO_NOT_SCHEDULE_TAINTS;
    const pass = this.pass;
    const total = list.length;
    let p = a;
    while (p < e) {
      const blk = p >> SHIFT;
      const bEnd = Math.min((blk + 1) << SHIFT, total);
      const whole = p === blk << SHIFT && bEnd <= e;
      if (whole && pass[blk] === key) {
        p = bEnd;
        continue;
      }
      const before = n;
      for (const stop = Math.min(bEnd, e); p < stop; p++) {
        const x = list[p];
        if (passKey[x] === key) continue;
        if ((flags[x] & blocking) !== 0 || podRoom[x] < 1 || cpu > freeCpu[x] || memory > freeMemory[x]) doubt[n++] = p + shift;
        else passKey[x] = key;
      }
      if (whole && n === before) pass[blk] = key;
    }
    return n;
  }
}
