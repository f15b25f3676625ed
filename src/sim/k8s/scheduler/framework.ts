import type { Rng } from '../../../lib/rng';
import { CycleState } from './cycleState';
import { failedSchedulingMessage, NO_NODES_AVAILABLE, preFilterDiagnosis, type Diagnosis } from './fitError';
import type { NodeInfo } from './nodeInfo';
import { numFeasibleNodesToFind } from './numFeasibleNodesToFind';
import type { SchedulerPlugin } from './plugin';
import { FILTER_PLUGINS, SCORE_PLUGINS, type WeightedScorePlugin } from './plugins/index';
import type { PodInfo } from './podInfo';
import type { SchedulingSnapshot } from './schedulingSnapshot';
import { unresolvable, type Status } from './status';

/**
 * One scheduling cycle's result. The per-node arrays are the framework's
 * reusable buffers: valid until its next `schedulePod` call (copy what you keep).
 */
export interface ScheduleOutcome {
  kind: 'scheduled' | 'unschedulable' | 'noNodes';
  node?: NodeInfo;
  /** Index of `node` among the feasible nodes. */
  chosenIndex: number;
  numAllNodes: number;
  /** Nodes checked by the filters (feasible + rejected). */
  evaluated: number;
  feasible: number;
  /** Plugins that rejected the pod on some node (for requeueing on cluster events). */
  unschedulablePlugins: Set<string>;
  diagnosis?: Diagnosis;
  /** FailedScheduling text (also the PodScheduled condition message). */
  message?: string;
  /** Where the next cycle starts its round-robin walk (`nextStartNodeIndex`). */
  nextStartIndex: number;
  evalNodes: readonly NodeInfo[];
  /** Rejection per evaluated node (undefined when it passed). */
  evalStatus: readonly (Status | undefined)[];
  /** Per evaluated node: its index among the feasible nodes, or -1. */
  evalFeasibleIndex: Int32Array;
  feasibleNodes: readonly NodeInfo[];
  /** Whether scores were computed (more than one feasible node). */
  scored: boolean;
  /** Per score plugin (SCORE_PLUGINS order): normalised scores of the feasible nodes, before weights. */
  scores: readonly Float64Array[];
  /** Per score plugin: skipped this cycle (PreScore said Skip; scores are 0). */
  skipped: readonly boolean[];
  totals: Float64Array;
}

/**
 * The scheduling framework for the default profile (`schedulePod`):
 * PreFilter, filters over a round-robin sample of nodes (`numFeasibleNodesToFind`),
 * then PreScore, Score, NormalizeScore, weights, and `selectHost` (ties broken
 * by reservoir sampling with the seeded RNG). Pure: reads only the snapshot.
 */
export class SchedulingFramework {
  private evalNodes: NodeInfo[] = [];
  private evalStatus: (Status | undefined)[] = [];
  private evalFeasibleIndex = new Int32Array(16);
  private feasibleNodes: NodeInfo[] = [];
  private cand: NodeInfo[] = [];
  private candIdx = new Int32Array(16);
  private statusBuf: (Status | undefined)[] = [];
  private scores: Float64Array[];
  private totals = new Float64Array(16);

  constructor(
    readonly filters: readonly SchedulerPlugin[] = FILTER_PLUGINS,
    readonly scorers: readonly WeightedScorePlugin[] = SCORE_PLUGINS,
  ) {
    this.scores = scorers.map(() => new Float64Array(16));
  }

  private ensure(n: number): void {
    if (this.evalFeasibleIndex.length >= n) return;
    const cap = Math.max(n, this.evalFeasibleIndex.length * 2);
    this.evalFeasibleIndex = new Int32Array(cap);
    this.candIdx = new Int32Array(cap);
    this.totals = new Float64Array(cap);
    this.scores = this.scores.map(() => new Float64Array(cap));
  }

  schedulePod(pod: PodInfo, snapshot: SchedulingSnapshot, rng: Pick<Rng, 'int'>, startIndex: number): ScheduleOutcome {
    const all = snapshot.nodes;
    const out: ScheduleOutcome = {
      kind: 'noNodes', chosenIndex: -1, numAllNodes: all.length, evaluated: 0, feasible: 0, unschedulablePlugins: new Set(), nextStartIndex: startIndex,
      evalNodes: this.evalNodes, evalStatus: this.evalStatus, evalFeasibleIndex: this.evalFeasibleIndex, feasibleNodes: this.feasibleNodes,
      scored: false, scores: this.scores, skipped: this.scorers.map(() => false), totals: this.totals,
    };
    if (all.length === 0) {
      out.message = NO_NODES_AVAILABLE;
      return out;
    }
    out.kind = 'unschedulable';
    const state = new CycleState(pod, snapshot);

    // PreFilter: plugins may skip their Filter, narrow the node set, or reject the pod outright.
    const active: SchedulerPlugin[] = [];
    let allowed: Set<string> | undefined;
    const narrowing: string[] = [];
    for (const p of this.filters) {
      const r = p.preFilter?.(state);
      if (r === 'skip') continue;
      if (r && 'status' in r) {
        out.unschedulablePlugins.add(p.name);
        out.diagnosis = preFilterDiagnosis(r.status);
        out.message = failedSchedulingMessage(all.length, out.diagnosis, pod.pod.spec?.preemptionPolicy);
        return out;
      }
      if (r && 'nodeNames' in r) {
        narrowing.push(p.name);
        allowed = allowed ? new Set([...allowed].filter((n) => r.nodeNames.has(n))) : new Set(r.nodeNames);
        if (allowed.size === 0) {
          const msg = narrowing.length === 1 ? `node(s) didn't satisfy plugin ${narrowing[0]}` : `node(s) didn't satisfy plugin(s) [${narrowing.join(' ')}] simultaneously`;
          out.diagnosis = preFilterDiagnosis(unresolvable(p.name, msg));
          out.message = failedSchedulingMessage(all.length, out.diagnosis, pod.pod.spec?.preemptionPolicy);
          return out;
        }
      }
      if (p.filter) active.push(p);
    }
    const pinned = allowed;
    const nodes = pinned ? all.filter((n) => pinned.has(n.name)) : all;

    this.filterNodes(state, active, nodes, startIndex, out);
    out.nextStartIndex = (startIndex + out.evaluated) % all.length;
    if (out.feasible === 0) {
      const statuses: Status[] = [];
      for (let i = 0; i < out.evaluated; i++) statuses.push(this.evalStatus[i]!);
      out.diagnosis = { nodeStatuses: statuses };
      if (allowed) out.diagnosis.absentStatus = unresolvable('', `node(s) didn't satisfy plugin(s) [${[...narrowing].sort().join(' ')}]`);
      out.message = failedSchedulingMessage(all.length, out.diagnosis, pod.pod.spec?.preemptionPolicy);
      return out;
    }
    out.kind = 'scheduled';
    if (out.feasible === 1) {
      out.node = this.feasibleNodes[0];
      out.chosenIndex = 0;
      return out;
    }
    this.scoreNodes(state, out);
    out.chosenIndex = selectHost(this.totals, out.feasible, rng);
    out.node = this.feasibleNodes[out.chosenIndex];
    return out;
  }

  /** `findNodesThatPassFilters`: checks nodes in round-robin order until enough feasible ones are found. */
  private filterNodes(state: CycleState, active: SchedulerPlugin[], nodes: readonly NodeInfo[], startIndex: number, out: ScheduleOutcome): void {
    const numNodes = nodes.length;
    const numToFind = numFeasibleNodesToFind(numNodes);
    this.ensure(numNodes + 1);
    const { cand, candIdx, evalNodes, evalStatus, statusBuf } = this;
    let found = 0;
    let processed = 0;
    // Chunks of exactly the number still needed: the same nodes get checked as one by one.
    while (found < numToFind && processed < numNodes) {
      const m = Math.min(numToFind - found, numNodes - processed);
      for (let j = 0; j < m; j++) {
        const node = nodes[(startIndex + processed + j) % numNodes];
        const e = processed + j;
        cand[j] = node;
        candIdx[j] = e;
        evalNodes[e] = node;
        evalStatus[e] = undefined;
        this.evalFeasibleIndex[e] = -1;
      }
      processed += m;
      let live = m;
      for (const p of active) {
        p.filter!(state, cand, live, statusBuf);
        let w = 0;
        for (let j = 0; j < live; j++) {
          const s = statusBuf[j];
          if (s) {
            evalStatus[candIdx[j]] = s;
            out.unschedulablePlugins.add(s.plugin);
          } else {
            cand[w] = cand[j];
            candIdx[w] = candIdx[j];
            w++;
          }
        }
        live = w;
        if (live === 0) break;
      }
      for (let j = 0; j < live; j++) {
        this.feasibleNodes[found] = cand[j];
        this.evalFeasibleIndex[candIdx[j]] = found;
        found++;
      }
    }
    evalNodes.length = processed;
    evalStatus.length = processed;
    this.feasibleNodes.length = found;
    cand.length = 0;
    out.evaluated = processed;
    out.feasible = found;
  }

  /** `prioritizeNodes`: PreScore, Score, NormalizeScore per plugin, then Σ score × weight. */
  private scoreNodes(state: CycleState, out: ScheduleOutcome): void {
    const n = out.feasible;
    const nodes = this.feasibleNodes;
    const totals = this.totals;
    totals.fill(0, 0, n);
    out.scored = true;
    const skipped = out.skipped as boolean[];
    for (let k = 0; k < this.scorers.length; k++) {
      const { plugin, weight } = this.scorers[k];
      const buf = this.scores[k];
      if (plugin.preScore && !plugin.preScore(state, nodes, n)) {
        skipped[k] = true;
        buf.fill(0, 0, n);
        continue;
      }
      plugin.score!(state, nodes, n, buf);
      plugin.normalizeScore?.(state, nodes, n, buf);
      for (let i = 0; i < n; i++) totals[i] += buf[i] * weight;
    }
  }
}

/** `selectHost`: the highest total; ties broken uniformly at random (reservoir sampling). */
export function selectHost(totals: Float64Array, count: number, rng: Pick<Rng, 'int'>): number {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < count; i++) {
    if (totals[i] > totals[best]) {
      best = i;
      ties = 1;
    } else if (totals[i] === totals[best]) {
      ties++;
      if (rng.int(ties) === 0) best = i;
    }
  }
  return best;
}
