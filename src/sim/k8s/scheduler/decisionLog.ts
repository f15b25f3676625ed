import type { ScheduleOutcome } from './framework';
import type { WeightedScorePlugin } from './plugins/index';
import type { Status } from './status';
import type { SchedulingDecision, SchedulingNodeVerdict } from './types';

/** How many recent decisions keep every evaluated node's verdict. */
export const FULL_DECISIONS = 64;

interface Summary {
  at: number;
  podUid: string;
  nodeName?: string;
  evaluated: number;
  total: number;
  feasible: number;
  message?: string;
  chosen?: SchedulingNodeVerdict;
  slot: number;
  seq: number;
}

/** A ring slot: the per-node detail of one decision, copied from the framework's buffers. */
class Slot {
  seq = -1;
  names: string[] = [];
  statuses: (Status | undefined)[] = [];
  feasibleIndex = new Int32Array(0);
  scores: Float64Array[] = [];
  totals = new Float64Array(0);
  scored = false;
  skipped: boolean[] = [];
  count = 0;

  fill(o: ScheduleOutcome): void {
    const n = o.evaluated;
    this.count = n;
    if (this.feasibleIndex.length < n) this.feasibleIndex = new Int32Array(Math.max(n, 16));
    if (this.totals.length < o.feasible) {
      this.totals = new Float64Array(Math.max(o.feasible, 16));
      this.scores = [];
    }
    for (let i = 0; i < n; i++) {
      this.names[i] = o.evalNodes[i].name;
      this.statuses[i] = o.evalStatus[i];
    }
    this.names.length = n;
    this.statuses.length = n;
    this.feasibleIndex.set(o.evalFeasibleIndex.subarray(0, n));
    this.scored = o.scored;
    this.skipped = o.skipped.slice();
    if (o.scored) {
      while (this.scores.length < o.scores.length) this.scores.push(new Float64Array(this.totals.length));
      for (let k = 0; k < o.scores.length; k++) this.scores[k].set(o.scores[k].subarray(0, o.feasible));
      this.totals.set(o.totals.subarray(0, o.feasible));
    }
  }
}

/**
 * The scheduler's memory of its decisions, for the UI's "why this node?":
 * a small summary (chosen node with its scores, or the failure message) for
 * every pod it has tried and that still exists, and the full per-node detail
 * for the most recent `capacity` decisions only, kept in a ring of reusable
 * typed buffers (so 150,000 pods cost one summary each, not 500 verdicts).
 */
export class DecisionLog {
  private readonly summaries = new Map<string, Summary>();
  private readonly ring: Slot[] = [];
  private next = 0;
  private seq = 0;
  private readonly weights: Record<string, number> = {};

  constructor(
    private readonly scorers: readonly WeightedScorePlugin[],
    private readonly capacity = FULL_DECISIONS,
  ) {
    for (const { plugin, weight } of scorers) this.weights[plugin.name] = weight;
  }

  record(key: string, podUid: string, at: number, o: ScheduleOutcome): void {
    if (this.ring.length < this.capacity) this.ring.push(new Slot());
    const slotIndex = this.next;
    const slot = this.ring[slotIndex];
    this.next = (this.next + 1) % this.capacity;
    slot.seq = this.seq++;
    slot.fill(o);
    const s: Summary = { at, podUid, evaluated: o.evaluated, total: o.numAllNodes, feasible: o.feasible, message: o.message, slot: slotIndex, seq: slot.seq };
    if (o.node) {
      s.nodeName = o.node.name;
      s.chosen = { node: o.node.name };
      if (o.scored) {
        s.chosen.scores = this.scoresOf(o.scores, o.chosenIndex);
        s.chosen.total = o.totals[o.chosenIndex];
      }
    }
    this.summaries.set(key, s);
  }

  private scoresOf(scores: readonly Float64Array[], i: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (let k = 0; k < this.scorers.length; k++) out[this.scorers[k].plugin.name] = scores[k][i];
    return out;
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
    const d: SchedulingDecision = { at: s.at, podUid: s.podUid, evaluatedNodes: s.evaluated, totalNodes: s.total, feasibleNodes: s.feasible, nodes: [], weights: { ...this.weights } };
    if (s.nodeName) d.nodeName = s.nodeName;
    if (s.message) d.message = s.message;
    const slot = this.ring[s.slot];
    if (!slot || slot.seq !== s.seq) {
      d.truncated = true;
      if (s.chosen) d.nodes.push({ ...s.chosen, scores: s.chosen.scores && { ...s.chosen.scores } });
      return d;
    }
    for (let i = 0; i < slot.count; i++) {
      const st = slot.statuses[i];
      if (st) {
        d.nodes.push({ node: slot.names[i], failedPlugin: st.plugin, reasons: [...st.reasons] });
        continue;
      }
      const fi = slot.feasibleIndex[i];
      const v: SchedulingNodeVerdict = { node: slot.names[i] };
      if (slot.scored && fi >= 0) {
        v.scores = this.scoresOf(slot.scores, fi);
        v.total = slot.totals[fi];
      }
      d.nodes.push(v);
    }
    return d;
  }
}
