import { CycleBuffers } from './cycleBuffers';
import type { ScheduleOutcome } from './framework';
import type { NodeInfo } from './nodeInfo';
import type { WeightedScorePlugin } from './plugins/index';
import type { SchedulingDecision, SchedulingNodeVerdict } from './types';

/** How many recent decisions keep every evaluated node's verdict. */
export const FULL_DECISIONS = 64;

interface ChosenScores {
  node: string;
  scores?: Float64Array;
  total?: number;
}

interface Summary {
  at: number;
  podUid: string;
  nodeName?: string;
  evaluated: number;
  total: number;
  feasible: number;
  message?: string;
  chosen?: ChosenScores;
  slot: Slot;
  seq: number;
  scored: boolean;
  nodesBySlot: readonly NodeInfo[];
  slotEpoch: number;
}

/** A ring slot: the buffers one cycle wrote into, owned by the decision that used them last. */
interface Slot {
  buffers: CycleBuffers;
  seq: number;
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

  constructor(
    private readonly scorers: readonly WeightedScorePlugin[],
    private readonly capacity = FULL_DECISIONS,
    private readonly snapshot?: { readonly slotEpoch: number },
  ) {
    for (const { plugin, weight } of scorers) this.weights[plugin.name] = weight;
  }

  /** The buffers the next cycle should write into (evicts the oldest detail). */
  nextBuffers(): CycleBuffers {
    if (this.ring.length < this.capacity) this.ring.push({ buffers: new CycleBuffers(this.scorers.length), seq: -1 });
    const slot = this.ring[this.next];
    slot.seq = this.seq++;
    return slot.buffers;
  }

  /** Records a cycle's outcome for the pod; its buffers must come from `nextBuffers`, or the detail is dropped. */
  record(key: string, podUid: string, at: number, o: ScheduleOutcome): void {
    const slot = this.ring[this.next];
    const owned = slot?.buffers === o.buffers;
    if (owned) this.next = (this.next + 1) % this.capacity;
    const s: Summary = {
      at, podUid, evaluated: o.evaluated, total: o.numAllNodes, feasible: o.feasible, message: o.message, slot, seq: owned ? slot.seq : -2, scored: o.scored,
      nodesBySlot: o.nodesBySlot, slotEpoch: o.slotEpoch,
    };
    if (o.node) {
      s.nodeName = o.node.name;
      s.chosen = { node: o.node.name };
      if (o.scored) {
        const scores = new Float64Array(this.scorers.length);
        for (let k = 0; k < scores.length; k++) scores[k] = o.buffers.scoreAt(k, o.chosenIndex);
        s.chosen.scores = scores;
        s.chosen.total = o.buffers.totalAt(o.chosenIndex);
      }
    }
    this.summaries.set(key, s);
  }

  private scoresOf(score: (k: number) => number): Record<string, number> {
    const out: Record<string, number> = {};
    for (let k = 0; k < this.scorers.length; k++) out[this.scorers[k].plugin.name] = score(k);
    return out;
  }

  private chosenVerdict(c: ChosenScores): SchedulingNodeVerdict {
    const v: SchedulingNodeVerdict = { node: c.node };
    if (c.scores) {
      const scores = c.scores;
      v.scores = this.scoresOf((k) => scores[k]);
      v.total = c.total;
    }
    return v;
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
    // A node slot reused since (a node removed, another added) could misname nodes: keep only the summary.
    if (!s.slot || s.slot.seq !== s.seq || (this.snapshot && this.snapshot.slotEpoch !== s.slotEpoch)) {
      d.truncated = true;
      if (s.chosen) d.nodes.push(this.chosenVerdict(s.chosen));
      return d;
    }
    const b = s.slot.buffers;
    for (let i = 0; i < s.evaluated; i++) {
      const fi = b.feasibleIndexOf(i);
      const st = b.evalStatus[i];
      const name = s.nodesBySlot[b.evalSlot[i]].name;
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
