import type { Rng } from '../../../lib/rng';
import { CycleBuffers } from './cycleBuffers';
import { CycleState } from './cycleState';
import { fusedScore, fusedScoreApplies } from './defaultProfileKernel';
import { FeasibleNodeFinder } from './feasibleNodeFinder';
import { failedSchedulingMessage, NO_NODES_AVAILABLE, preFilterDiagnosis, type Diagnosis } from './fitError';
import type { NodeInfo } from './nodeInfo';
import type { NodeLoad, PodNominator } from './nominator';
import type { SchedulerPlugin } from './plugin';
import { FILTER_PLUGINS, SCORE_PLUGINS, type WeightedScorePlugin } from './plugins/index';
import type { PodInfo } from './podInfo';
import type { SchedulingSnapshot } from './schedulingSnapshot';
import { unresolvable, type Status } from './status';

/**
 * One scheduling cycle's result. The per-node detail lives in `buffers`
 * (the first `evaluated` / `feasible` entries), valid until those buffers
 * are handed to another cycle.
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
  unschedulablePlugins: ReadonlySet<string>;
  diagnosis?: Diagnosis;
  /** FailedScheduling text (also the PodScheduled condition message). */
  message?: string;
  /** Where the next cycle starts its round-robin walk (`nextStartNodeIndex`). */
  nextStartIndex: number;
  buffers: CycleBuffers;
  /** NodeInfo by table slot, to resolve `buffers.feasibleIndex` and `evalSlot`. */
  nodesBySlot: readonly NodeInfo[];
  /** The snapshot's `slotEpoch` when the buffers were written. */
  slotEpoch: number;
  /** Whether scores were computed (more than one feasible node). */
  scored: boolean;
  /** Per score plugin: skipped this cycle (PreScore said Skip; scores are 0). Valid until the next cycle. */
  skipped: boolean[];
}

const NO_PLUGINS: ReadonlySet<string> = new Set();

/** The nominated loads by the node's table slot (nodes the snapshot no longer has are left out). */
function loadsBySlot(loads: Map<string, NodeLoad>, snapshot: SchedulingSnapshot): Map<number, NodeLoad> | undefined {
  let out: Map<number, NodeLoad> | undefined;
  for (const n of snapshot.nodes) {
    const l = loads.get(n.name);
    if (l) (out ??= new Map()).set(n.index, l);
  }
  return out;
}

/**
 * The scheduling framework for the default profile (`schedulePod`):
 * PreFilter, filters over a round-robin sample of nodes (`numFeasibleNodesToFind`),
 * then PreScore, Score, NormalizeScore, weights, and `selectHost` (ties broken
 * by reservoir sampling with the seeded RNG). Pure: reads only the snapshot.
 */
export class SchedulingFramework {
  private readonly finder: FeasibleNodeFinder;
  private readonly ownBuffers: CycleBuffers;
  /** Feasible indexes sharing the best total (scratch). */
  private ties = new Int32Array(16);
  /** Filters to run this cycle, and score plugins PreScore skipped (scratch, reused every cycle). */
  private readonly active: SchedulerPlugin[] = [];
  private readonly skipped: boolean[];

  /** The scheduling queue's nominated pods (set by the scheduler; a bare framework has none). */
  nominator: PodNominator | undefined = undefined;

  /** The default profile gets fused fast paths for its common case. */
  private readonly defaultProfile: boolean;

  constructor(
    readonly filters: readonly SchedulerPlugin[] = FILTER_PLUGINS,
    readonly scorers: readonly WeightedScorePlugin[] = SCORE_PLUGINS,
  ) {
    this.ownBuffers = new CycleBuffers(scorers.length);
    this.skipped = scorers.map(() => false);
    this.defaultProfile = filters === FILTER_PLUGINS && scorers === SCORE_PLUGINS;
    this.finder = new FeasibleNodeFinder(this.defaultProfile);
  }

  /** Schedules one pod. `buffers` receive the per-node detail (default: the framework's own, reused every cycle). */
  schedulePod(pod: PodInfo, snapshot: SchedulingSnapshot, rng: Pick<Rng, 'int'>, startIndex: number, buffers: CycleBuffers = this.ownBuffers): ScheduleOutcome {
    const all = snapshot.nodes;
    // Every field from the start (setting one later would give the object a second, out-of-line property store).
    const out: ScheduleOutcome = {
      kind: 'noNodes', node: undefined, chosenIndex: -1, numAllNodes: all.length, evaluated: 0, feasible: 0, unschedulablePlugins: NO_PLUGINS, diagnosis: undefined, message: undefined,
      nextStartIndex: startIndex, buffers, nodesBySlot: snapshot.bySlot, slotEpoch: snapshot.slotEpoch, scored: false, skipped: this.skipped.fill(false),
    };
    if (all.length === 0) {
      out.message = NO_NODES_AVAILABLE;
      return out;
    }
    out.kind = 'unschedulable';
    const state = new CycleState(pod, snapshot);

    // PreFilter: plugins may skip their Filter, narrow the node set, or reject the pod outright.
    // Why: `length = 0` would drop the array's storage and the pushes below allocate it again every cycle.
    const active = this.active;
    let activeCount = 0;
    let allowed: Set<string> | undefined;
    let narrowing: string[] | undefined;
    for (let f = 0; f < this.filters.length; f++) {
      const p = this.filters[f];
      const r = p.preFilter?.(state);
      if (r === 'skip') continue;
      if (r && 'status' in r) {
        out.unschedulablePlugins = new Set([p.name]);
        out.diagnosis = preFilterDiagnosis(r.status);
        out.message = failedSchedulingMessage(all.length, out.diagnosis, pod.pod.spec?.preemptionPolicy);
        return out;
      }
      if (r && 'nodeNames' in r) {
        (narrowing ??= []).push(p.name);
        allowed = allowed ? new Set([...allowed].filter((n) => r.nodeNames.has(n))) : new Set(r.nodeNames);
        if (allowed.size === 0) {
          const msg = narrowing.length === 1 ? `node(s) didn't satisfy plugin ${narrowing[0]}` : `node(s) didn't satisfy plugin(s) [${narrowing.join(' ')}] simultaneously`;
          out.diagnosis = preFilterDiagnosis(unresolvable(p.name, msg));
          out.message = failedSchedulingMessage(all.length, out.diagnosis, pod.pod.spec?.preemptionPolicy);
          return out;
        }
      }
      if (p.filter) active[activeCount++] = p;
    }
    if (active.length !== activeCount) active.length = activeCount;
    const pinned = allowed;
    const slots = pinned ? Int32Array.from(all.filter((n) => pinned.has(n.name)), (n) => n.index) : snapshot.nodeIndexes;

    const loads = this.nominator?.loadsFor(pod);
    if (loads) state.nominated = loadsBySlot(loads, snapshot);
    // evaluateNominatedNode: a preemptor tries the node it was nominated to first; if that node fits, it is the one.
    const nominatedTo = this.nominator?.nodeOf(pod.key);
    const target = nominatedTo === undefined || (pinned && !pinned.has(nominatedTo)) ? undefined : snapshot.nodes.find((n) => n.name === nominatedTo);
    if (target) {
      this.finder.find(state, active, Int32Array.of(target.index), 0, out, buffers);
      if (out.feasible === 1) {
        out.kind = 'scheduled';
        out.node = target;
        out.chosenIndex = 0;
        return out;
      }
      out.unschedulablePlugins = NO_PLUGINS;
    }
    this.finder.find(state, active, slots, startIndex, out, buffers);
    out.nextStartIndex = (startIndex + out.evaluated) % all.length;
    if (out.feasible === 0) {
      const statuses: Status[] = [];
      for (let i = 0; i < out.evaluated; i++) statuses.push(buffers.evalStatus[i]!);
      out.diagnosis = { nodeStatuses: statuses };
      if (allowed) out.diagnosis.absentStatus = unresolvable('', `node(s) didn't satisfy plugin(s) [${[...(narrowing ?? [])].sort().join(' ')}]`);
      out.message = failedSchedulingMessage(all.length, out.diagnosis, pod.pod.spec?.preemptionPolicy);
      return out;
    }
    out.kind = 'scheduled';
    if (out.feasible === 1) {
      out.node = snapshot.bySlot[buffers.feasibleIndex[0]];
      out.chosenIndex = 0;
      return out;
    }
    // Without a narrowed node set the evaluated nodes are one window of the node list from the start.
    out.chosenIndex = this.scoreNodes(state, out, buffers, rng, buffers.window !== null ? buffers.windowStart : -1);
    out.node = snapshot.bySlot[buffers.feasibleIndex[out.chosenIndex]];
    return out;
  }

  /**
   * `prioritizeNodes` + `selectHost`: PreScore, Score, NormalizeScore per
   * plugin, Σ score × weight, and the winner (ties drawn uniformly). Returns
   * the winner's index among the feasible nodes. `window`: the list
   * position of the first evaluated node when the evaluated nodes are
   * consecutive in the node list, else -1.
   */
  private scoreNodes(state: CycleState, out: ScheduleOutcome, b: CycleBuffers, rng: Pick<Rng, 'int'>, window: number): number {
    const n = out.feasible;
    b.countSpread = -1;
    const nodes = state.snapshot.bySlot;
    const idx = b.feasibleIndex;
    out.scored = true;
    for (let k = 0; k < this.scorers.length; k++) {
      const { plugin } = this.scorers[k];
      if (plugin.preScore && !plugin.preScore(state, nodes, idx, n)) out.skipped[k] = true;
    }
    const ties = this.ties.length >= n ? this.ties : (this.ties = new Int32Array(Math.max(n, this.ties.length * 2)));
    if (this.defaultProfile && fusedScoreApplies(state, out.skipped)) {
      return fusedScore(state, b, n, out.skipped, ties, rng, window, out.evaluated);
    }
    // Uniform scores add to every node alike: summed once (`base`), not node by node.
    let base = 0;
    const perNode: number[] = [];
    for (let k = 0; k < this.scorers.length; k++) {
      const { plugin, weight } = this.scorers[k];
      if (out.skipped[k]) {
        b.uniform[k] = 0;
        continue;
      }
      const uniform = plugin.score!(state, nodes, idx, n, b.scores[k]);
      if (typeof uniform === 'number') {
        b.uniform[k] = uniform;
        base += uniform * weight;
        continue;
      }
      b.uniform[k] = Number.NaN;
      plugin.normalizeScore?.(state, nodes, idx, n, b.scores[k]);
      perNode.push(k);
    }
    b.base = base;
    const totals = b.totals;
    if (perNode.length === 0) {
      totals.fill(0, 0, n);
      return n === 1 ? 0 : rng.int(n);
    }
    // One pass: weighted sum, best total, and the nodes sharing it.
    // Up to three plugins are summed in this pass; any further ones are added first.
    const lastThree = perNode.slice(-3);
    for (let p = 0; p < perNode.length - 3; p++) {
      const buf = b.scores[perNode[p]];
      const w = this.scorers[perNode[p]].weight;
      if (p === 0) for (let i = 0; i < n; i++) totals[i] = buf[i] * w;
      else for (let i = 0; i < n; i++) totals[i] += buf[i] * w;
    }
    const t0 = perNode.length > 3 ? totals : null;
    const s0 = b.scores[lastThree[0]];
    const w0 = this.scorers[lastThree[0]].weight;
    const s1 = lastThree.length > 1 ? b.scores[lastThree[1]] : s0;
    const w1 = lastThree.length > 1 ? this.scorers[lastThree[1]].weight : 0;
    const s2 = lastThree.length > 2 ? b.scores[lastThree[2]] : s0;
    const w2 = lastThree.length > 2 ? this.scorers[lastThree[2]].weight : 0;
    let max = -Infinity;
    let nTies = 0;
    for (let i = 0; i < n; i++) {
      const t = (t0 === null ? 0 : t0[i]) + s0[i] * w0 + s1[i] * w1 + s2[i] * w2;
      totals[i] = t;
      if (t > max) {
        max = t;
        nTies = 0;
      }
      if (t === max) ties[nTies++] = i;
    }
    return nTies === 1 ? ties[0] : ties[rng.int(nTies)];
  }
}

/**
 * `selectHost`: the highest total; ties broken uniformly at random. Upstream
 * draws once per tie (reservoir sampling); one draw among the tied nodes
 * gives the same distribution with a single call to the generator.
 */
export function selectHost(totals: Float64Array, count: number, rng: Pick<Rng, 'int'>): number {
  let max = totals[0];
  let ties = 1;
  for (let i = 1; i < count; i++) {
    const t = totals[i];
    if (t > max) {
      max = t;
      ties = 1;
    } else if (t === max) ties++;
  }
  let k = ties === 1 ? 0 : rng.int(ties);
  for (let i = 0; i < count; i++) if (totals[i] === max && k-- === 0) return i;
  return 0;
}
