import { CycleBuffers } from './cycleBuffers';
import type { ScheduleOutcome } from './framework';
import type { NodeInfo } from './nodeInfo';
import type { WeightedScorePlugin } from './plugins/index';
import type { SchedulingDecision, SchedulingNodeVerdict } from './types';

/** How many recent decisions keep every evaluated node's verdict. */
export const FULL_DECISIONS = 64;

/**
 * What is kept per pod, small integers where possible (about 170 bytes with
 * the map entry: 150,000 pods keep some 25 MB).
 */
class Summary {
  nodeName?: string;
  message?: string;
  preemption?: SchedulingDecision['preemption'];
  /**
   * The chosen node's scores: 7 bits each, four per number (scores are
   * integers 0–100), when there are at most 8; else `chosen`.
   */
  packedLow = -1;
  packedHigh = 0;
  /** The chosen node's score per plugin, then its total, when they do not pack. */
  chosen?: number[];
  constructor(
    /** Virtual time relative to the log's first record (stays a small integer for 24 days). */
    readonly at: number,
    readonly podUid: string,
    readonly evaluated: number,
    readonly total: number,
    readonly feasible: number,
    readonly scored: boolean,
    /** Ring slot of the detail, and the sequence number it had (-1: no detail). */
    readonly slot: number,
    readonly seq: number,
  ) {}
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
  private readonly summaries = new Map<string, Summary>();
  private readonly ring: Slot[] = [];
  private next = 0;
  private seq = 0;
  private readonly weights: Record<string, number> = {};
  private epoch: number | undefined;
  /** Whether any summary ever got a preemption (until then `record` has nothing to carry over). */
  private preempted = false;

  constructor(
    private readonly scorers: readonly WeightedScorePlugin[],
    private readonly capacity = FULL_DECISIONS,
    private readonly snapshot?: { readonly slotEpoch: number },
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

  /** Records a cycle's outcome for the pod; its buffers must come from `nextBuffers`, or the detail is dropped. */
  record(key: string, podUid: string, at: number, o: ScheduleOutcome): void {
    const index = this.next;
    const slot = this.ring[index];
    const owned = slot?.buffers === o.buffers;
    if (owned) {
      this.next = (this.next + 1) % this.capacity;
      slot.nodesBySlot = o.nodesBySlot;
      slot.slotEpoch = o.slotEpoch;
    }
    this.epoch ??= at;
    const s = new Summary(at - this.epoch, podUid, o.evaluated, o.numAllNodes, o.feasible, o.scored, owned ? index : -1, owned ? slot.seq : -1);
    if (o.message !== undefined) s.message = o.message;
    // A preemption made for this pod stays part of its story until it is bound (and after).
    // Why: one lookup fewer per cycle in the common case (a map of every pod).
    const before = this.preempted ? this.summaries.get(key) : undefined;
    if (before?.preemption && before.podUid === podUid) s.preemption = before.preemption;
    if (o.node) {
      s.nodeName = o.node.name;
      if (o.scored) this.keepScores(s, o);
    }
    this.summaries.set(key, s);
  }

  private scoresOf(score: (k: number) => number): Record<string, number> {
    const out: Record<string, number> = {};
    for (let k = 0; k < this.scorers.length; k++) out[this.scorers[k].plugin.name] = score(k);
    return out;
  }

  private keepScores(s: Summary, o: ScheduleOutcome): void {
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
      s.packedLow = low;
      s.packedHigh = high;
      return;
    }
    const chosen: number[] = [];
    for (let k = 0; k < n; k++) chosen.push(o.buffers.scoreAt(k, o.chosenIndex));
    chosen.push(o.buffers.totalAt(o.chosenIndex));
    s.chosen = chosen;
  }

  private chosenVerdict(s: Summary): SchedulingNodeVerdict {
    const v: SchedulingNodeVerdict = { node: s.nodeName! };
    const c = s.chosen;
    if (c) {
      v.scores = this.scoresOf((k) => c[k]);
      v.total = c[this.scorers.length];
    } else if (s.packedLow >= 0) {
      const score = (k: number) => (k < 4 ? s.packedLow >>> (7 * k) : s.packedHigh >>> (7 * (k - 4))) & 127;
      v.scores = this.scoresOf(score);
      let total = 0;
      for (let k = 0; k < this.scorers.length; k++) total += score(k) * this.scorers[k].weight;
      v.total = total;
    }
    return v;
  }

  /** The PostFilter's outcome for the pod's last (failed) attempt: the final message, and any nomination and victims. */
  notePreemption(key: string, message: string, p: { nominatedNode?: string; victims: string[]; victimPriorities: number[]; priority: number }): void {
    const s = this.summaries.get(key);
    if (!s) return;
    s.message = message;
    if (p.nominatedNode) {
      s.preemption = { nominatedNode: p.nominatedNode, victims: p.victims, victimPriorities: p.victimPriorities, priority: p.priority };
      this.preempted = true;
    }
  }

  forget(key: string): void {
    this.summaries.delete(key);
  }

  get size(): number {
    return this.summaries.size;
  }

  get(key: string): SchedulingDecision | undefined {
    const s = this.summaries.get(key);
    if (!s) return undefined;
    const d: SchedulingDecision = { at: s.at + (this.epoch ?? 0), podUid: s.podUid, evaluatedNodes: s.evaluated, totalNodes: s.total, feasibleNodes: s.feasible, nodes: [], weights: { ...this.weights } };
    if (s.nodeName) d.nodeName = s.nodeName;
    if (s.message) d.message = s.message;
    if (s.preemption) d.preemption = s.preemption;
    // A node slot reused since (a node removed, another added) could misname nodes: keep only the summary.
    const slot = s.slot >= 0 ? this.ring[s.slot] : undefined;
    if (!slot || slot.seq !== s.seq || (this.snapshot && this.snapshot.slotEpoch !== slot.slotEpoch)) {
      d.truncated = true;
      if (s.nodeName) d.nodes.push(this.chosenVerdict(s));
      return d;
    }
    const b = slot.buffers;
    for (let i = 0; i < s.evaluated; i++) {
      const fi = b.feasibleIndexOf(i);
      const st = b.evalStatus[i];
      const name = slot.nodesBySlot[b.evalSlot[i]].name;
      if (fi < 0 && st) {
        d.nodes.push({ node: name, failedPlugin: st.plugin, reasons: [...st.reasons] });
        continue;
      }
      const v: SchedulingNodeVerdict = { node: name };
      if (s.scored && fi >= 0) {
        v.scores = this.scoresOf((k) => b.scoreAt(k, fi));
        v.total = b.totalAt(fi);
      }
      d.nodes.push(v);
    }
    return d;
  }
}
