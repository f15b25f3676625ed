import { grown } from '../../../lib/grown';
import { CycleBuffers } from './cycleBuffers';
import type { ScheduleOutcome } from './framework';
import type { NodeInfo } from './nodeInfo';
import { PodRegistry, type DecisionHolder } from './podRegistry';
import type { WeightedScorePlugin } from './plugins/index';
import type { SchedulingDecision, SchedulingNodeVerdict } from './types';

/** How many recent decisions keep every evaluated node's verdict. */
export const FULL_DECISIONS = 64;

type Preemption = NonNullable<SchedulingDecision['preemption']>;

/**
 * What is kept per pod, one row per pod in typed columns (about 90 bytes
 * with the map entry, and no object per cycle: 150,000 pods keep some 14 MB).
 * A forgotten pod's row is reused.
 */
class SummaryColumns {
  capacity = 0;
  /** Virtual time relative to the log's first record. */
  at = new Float64Array(0);
  evaluated = new Int32Array(0);
  total = new Int32Array(0);
  feasible = new Int32Array(0);
  scored = new Uint8Array(0);
  /** Ring slot of the detail, and the sequence number it had (-1: no detail). */
  slot = new Int32Array(0);
  seq = new Float64Array(0);
  /**
   * The chosen node's scores: 7 bits each, four per number (scores are
   * integers 0–100), when there are at most 8 (`packedLow` -1: not packed;
   * see `chosen`).
   */
  packedLow = new Int32Array(0);
  packedHigh = new Int32Array(0);
  readonly podUid: string[] = [];
  readonly nodeName: (string | undefined)[] = [];
  readonly message: (string | undefined)[] = [];
  /** Rows with a preemption, and rows whose chosen scores do not pack (per plugin, then the total). */
  readonly preemption = new Map<number, Preemption>();
  readonly chosen = new Map<number, number[]>();
  private readonly free: number[] = [];
  private used = 0;

  /** Rows in use. */
  get live(): number {
    return this.used - this.free.length;
  }

  /** A row for a new pod. */
  take(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.used === this.capacity) this.grow(Math.max(64, this.capacity * 2));
    return this.used++;
  }

  /** Frees a row (drops its strings so they can be collected). */
  release(row: number): void {
    this.podUid[row] = '';
    this.nodeName[row] = undefined;
    this.message[row] = undefined;
    if (this.preemption.size > 0) this.preemption.delete(row);
    if (this.chosen.size > 0) this.chosen.delete(row);
    this.free.push(row);
  }

  private grow(capacity: number): void {
    this.at = grown(this.at, capacity);
    this.seq = grown(this.seq, capacity);
    this.evaluated = grown(this.evaluated, capacity);
    this.total = grown(this.total, capacity);
    this.feasible = grown(this.feasible, capacity);
    this.slot = grown(this.slot, capacity);
    this.packedLow = grown(this.packedLow, capacity);
    this.packedHigh = grown(this.packedHigh, capacity);
    this.scored = grown(this.scored, capacity);
    this.capacity = capacity;
  }
}

/** A ring slot: the buffers one cycle wrote into, owned by the decision that used them last. */
interface Slot {
  buffers: CycleBuffers;
  seq: number;
  /** NodeInfo by table slot, and the snapshot's slot epoch, when the buffers were written. */
  nodesBySlot: readonly NodeInfo[];
  slotEpoch: number;
}

/**
 * The scheduler's memory of its decisions, for the UI's "why this node?":
 * a small summary (chosen node with its scores, or the failure message) for
 * every pod it has tried and that still exists, and the full per-node detail
 * of the most recent `capacity` decisions. The detail is never copied: each
 * cycle writes straight into the next buffers of a ring (`nextBuffers`), so
 * older detail is simply overwritten.
 */
export class DecisionLog {
  private readonly cols = new SummaryColumns();
  private readonly ring: Slot[] = [];
  private next = 0;
  private seq = 0;
  private readonly weights: Record<string, number> = {};
  private epoch: number | undefined;

  constructor(
    private readonly scorers: readonly WeightedScorePlugin[],
    private readonly capacity = FULL_DECISIONS,
    private readonly snapshot?: { readonly slotEpoch: number },
    /** Where each pod's row in `cols` is kept: on its queue or cache entry, or else in `registry.rows`. */
    private readonly registry = new PodRegistry(),
  ) {
    for (const { plugin, weight } of scorers) this.weights[plugin.name] = weight;
  }

  /** The buffers the next cycle should write into (evicts the oldest detail). */
  nextBuffers(): CycleBuffers {
    if (this.ring.length < this.capacity) this.ring.push({ buffers: new CycleBuffers(this.scorers.length), seq: -1, nodesBySlot: [], slotEpoch: 0 });
    const slot = this.ring[this.next];
    slot.seq = this.seq++;
    return slot.buffers;
  }

  /** The row of `key`'s summary, or -1. */
  private rowOf(key: string): number {
    return this.registry.holder(key)?.decisionRow ?? this.registry.rows.get(key) ?? -1;
  }

  /**
   * The row for a cycle of `key`: the one `holder` (the pod's registry entry) holds, else the one kept for the pod
   * in `registry.rows` (then moved to `holder`), else a new one.
   */
  private rowFor(key: string, holder: DecisionHolder | undefined): number {
    if (holder === undefined) {
      let row = this.rowOf(key);
      if (row < 0) this.registry.rows.set(key, (row = this.cols.take()));
      return row;
    }
    if (holder.decisionRow >= 0) return holder.decisionRow;
    const rows = this.registry.rows;
    // Why: most pods have never left the registry; an empty map needs no lookup.
    const kept = rows.size > 0 ? rows.get(key) : undefined;
    if (kept !== undefined) rows.delete(key);
    return (holder.decisionRow = kept ?? this.cols.take());
  }

  /**
   * Records a cycle's outcome for the pod; its buffers must come from `nextBuffers`, or the detail is dropped.
   * `holder`: the pod's entry in the registry, which keeps the row.
   */
  record(key: string, podUid: string, at: number, o: ScheduleOutcome, holder?: DecisionHolder): void {
    const index = this.next;
    const slot = this.ring[index];
    const owned = slot?.buffers === o.buffers;
    if (owned) {
      this.next = (this.next + 1) % this.capacity;
      slot.nodesBySlot = o.nodesBySlot;
      slot.slotEpoch = o.slotEpoch;
    }
    this.epoch ??= at;
    const c = this.cols;
    const row = this.rowFor(key, holder);
    // A preemption made for this pod stays part of its story until it is bound (and after).
    if (c.preemption.size > 0 && c.podUid[row] !== podUid) c.preemption.delete(row);
    c.at[row] = at - this.epoch;
    c.podUid[row] = podUid;
    c.evaluated[row] = o.evaluated;
    c.total[row] = o.numAllNodes;
    c.feasible[row] = o.feasible;
    c.scored[row] = o.scored ? 1 : 0;
    c.slot[row] = owned ? index : -1;
    c.seq[row] = owned ? slot.seq : -1;
    c.message[row] = o.message;
    c.nodeName[row] = o.node?.name;
    c.packedLow[row] = -1;
    c.packedHigh[row] = 0;
    if (c.chosen.size > 0) c.chosen.delete(row);
    if (o.node && o.scored) this.keepScores(row, o);
  }

  private scoresOf(score: (k: number) => number): Record<string, number> {
    const out: Record<string, number> = {};
    for (let k = 0; k < this.scorers.length; k++) out[this.scorers[k].plugin.name] = score(k);
    return out;
  }

  private keepScores(row: number, o: ScheduleOutcome): void {
    const n = this.scorers.length;
    let low = 0;
    let high = 0;
    let packs = n <= 8;
    for (let k = 0; k < n && packs; k++) {
      const v = o.buffers.scoreAt(k, o.chosenIndex);
      if (!Number.isInteger(v) || v < 0 || v > 100) packs = false;
      else if (k < 4) low |= v << (7 * k);
      else high |= v << (7 * (k - 4));
    }
    if (packs) {
      this.cols.packedLow[row] = low;
      this.cols.packedHigh[row] = high;
      return;
    }
    const chosen: number[] = [];
    for (let k = 0; k < n; k++) chosen.push(o.buffers.scoreAt(k, o.chosenIndex));
    chosen.push(o.buffers.totalAt(o.chosenIndex));
    this.cols.chosen.set(row, chosen);
  }

  private chosenVerdict(row: number): SchedulingNodeVerdict {
    const c = this.cols;
    const v: SchedulingNodeVerdict = { node: c.nodeName[row]! };
    const chosen = c.chosen.size > 0 ? c.chosen.get(row) : undefined;
    const low = c.packedLow[row];
    const high = c.packedHigh[row];
    if (chosen) {
      v.scores = this.scoresOf((k) => chosen[k]);
      v.total = chosen[this.scorers.length];
    } else if (low >= 0) {
      const score = (k: number) => (k < 4 ? low >>> (7 * k) : high >>> (7 * (k - 4))) & 127;
      v.scores = this.scoresOf(score);
      let total = 0;
      for (let k = 0; k < this.scorers.length; k++) total += score(k) * this.scorers[k].weight;
      v.total = total;
    }
    return v;
  }

  /** The PostFilter's outcome for the pod's last (failed) attempt: the final message, and any nomination and victims. */
  notePreemption(key: string, message: string, p: { nominatedNode?: string; victims: string[]; victimPriorities: number[]; priority: number }): void {
    const row = this.rowOf(key);
    if (row < 0) return;
    this.cols.message[row] = message;
    if (p.nominatedNode) this.cols.preemption.set(row, { nominatedNode: p.nominatedNode, victims: p.victims, victimPriorities: p.victimPriorities, priority: p.priority });
  }

  forget(key: string): void {
    const holder = this.registry.holder(key);
    let row: number;
    if (holder !== undefined) {
      row = holder.decisionRow;
      holder.decisionRow = -1;
    } else {
      const kept = this.registry.rows.get(key);
      if (kept === undefined) return;
      this.registry.rows.delete(key);
      row = kept;
    }
    this.cols.release(row);
  }

  get size(): number {
    return this.cols.live;
  }

  get(key: string): SchedulingDecision | undefined {
    const row = this.rowOf(key);
    if (row < 0) return undefined;
    const c = this.cols;
    const evaluated = c.evaluated[row];
    const scored = c.scored[row] === 1;
    const nodeName = c.nodeName[row];
    const message = c.message[row];
    const preemption = c.preemption.get(row);
    const d: SchedulingDecision = { at: c.at[row] + (this.epoch ?? 0), podUid: c.podUid[row], evaluatedNodes: evaluated, totalNodes: c.total[row], feasibleNodes: c.feasible[row], nodes: [], weights: { ...this.weights } };
    if (nodeName) d.nodeName = nodeName;
    if (message) d.message = message;
    if (preemption) d.preemption = preemption;
    // A node slot reused since (a node removed, another added) could misname nodes: keep only the summary.
    const slot = c.slot[row] >= 0 ? this.ring[c.slot[row]] : undefined;
    if (!slot || slot.seq !== c.seq[row] || (this.snapshot && this.snapshot.slotEpoch !== slot.slotEpoch)) {
      d.truncated = true;
      if (nodeName) d.nodes.push(this.chosenVerdict(row));
      return d;
    }
    const b = slot.buffers;
    for (let i = 0; i < evaluated; i++) {
      const fi = b.feasibleIndexOf(i);
      const st = b.evalStatus[i];
      const name = slot.nodesBySlot[b.slotAt(i)].name;
      if (fi < 0 && st) {
        d.nodes.push({ node: name, failedPlugin: st.plugin, reasons: [...st.reasons] });
        continue;
      }
      const v: SchedulingNodeVerdict = { node: name };
      if (scored && fi >= 0) {
        v.scores = this.scoresOf((k) => b.scoreAt(k, fi));
        v.total = b.totalAt(fi);
      }
      d.nodes.push(v);
    }
    return d;
  }
}
