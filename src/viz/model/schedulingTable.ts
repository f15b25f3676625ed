import type { SchedulingDecision } from '../../sim/k8s/index';
import { naturalCompare } from './naturalOrder';

/** The scheduler's filter plugins, in the order the default profile runs them. */
export const FILTER_PLUGINS = ['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity'] as const;

/** One node's row: each filter's verdict (until the first that failed), then the scores. */
export interface SchedulingRow {
  readonly node: string;
  readonly outcome: 'chosen' | 'feasible' | 'filtered';
  /** Filter plugins in order: passed, failed (with reasons), or not run (after the failure). */
  readonly filters: readonly { readonly plugin: string; readonly verdict: 'pass' | 'fail' | 'skipped'; readonly reasons: readonly string[] }[];
  /** Score plugins: normalised score (0–100), weight, and their product. */
  readonly scores: readonly { readonly plugin: string; readonly score: number; readonly weight: number; readonly weighted: number }[];
  readonly total: number | undefined;
}

export interface SchedulingTable {
  readonly nodeName: string | undefined;
  readonly evaluated: number;
  readonly total: number;
  readonly feasible: number | undefined;
  readonly rows: readonly SchedulingRow[];
  /** Score plugins that appear in any row, in the order of their weights. */
  readonly scorePlugins: readonly string[];
  readonly message: string | undefined;
  /** For a pod that fits nowhere: what would make it fit, one line per reason. */
  readonly hints: readonly string[];
  readonly truncated: boolean;
}

/**
 * Turns the scheduler's last decision into the "Why this node?" table: every
 * evaluated node with each filter plugin's verdict and reason, each score
 * plugin's score and weight, the winner first; for a pod that stayed
 * Pending, what would make it fit.
 */
export function schedulingTable(decision: SchedulingDecision): SchedulingTable {
  const weights = decision.weights ?? {};
  const scorePlugins = Object.keys(weights);
  const rows = decision.nodes.map((v): SchedulingRow => {
    const failedAt = v.failedPlugin ? FILTER_PLUGINS.indexOf(v.failedPlugin as (typeof FILTER_PLUGINS)[number]) : -1;
    const filters: { plugin: string; verdict: 'pass' | 'fail' | 'skipped'; reasons: readonly string[] }[] = FILTER_PLUGINS.map((plugin, i) => {
      if (v.failedPlugin === plugin) return { plugin, verdict: 'fail' as const, reasons: v.reasons ?? [] };
      if (failedAt !== -1 && i > failedAt) return { plugin, verdict: 'skipped' as const, reasons: [] };
      return { plugin, verdict: 'pass' as const, reasons: [] };
    });
    // A filter the table does not know (a newer plugin): still show its verdict.
    if (v.failedPlugin && failedAt === -1) filters.push({ plugin: v.failedPlugin, verdict: 'fail', reasons: v.reasons ?? [] });
    const scores = Object.entries(v.scores ?? {}).map(([plugin, score]) => ({ plugin, score, weight: weights[plugin] ?? 1, weighted: score * (weights[plugin] ?? 1) }));
    for (const s of scores) if (!scorePlugins.includes(s.plugin)) scorePlugins.push(s.plugin);
    const outcome = v.node === decision.nodeName ? 'chosen' : v.failedPlugin ? 'filtered' : 'feasible';
    return { node: v.node, outcome, filters, scores, total: v.total };
  });
  const rank = { chosen: 0, feasible: 1, filtered: 2 } as const;
  rows.sort((a, b) => rank[a.outcome] - rank[b.outcome] || (b.total ?? -1) - (a.total ?? -1) || naturalCompare(a.node, b.node));
  return {
    nodeName: decision.nodeName,
    evaluated: decision.evaluatedNodes,
    total: decision.totalNodes,
    feasible: decision.feasibleNodes,
    rows,
    scorePlugins,
    message: decision.message,
    hints: decision.nodeName ? [] : fitHints(decision),
    truncated: decision.truncated === true,
  };
}

/** What would make a Pending pod fit, grouped by the reason nodes turned it down. */
export function fitHints(decision: SchedulingDecision): string[] {
  const byReason = new Map<string, { plugin: string; nodes: string[] }>();
  for (const v of decision.nodes) {
    if (!v.failedPlugin) continue;
    for (const reason of v.reasons?.length ? v.reasons : [v.failedPlugin]) {
      const entry = byReason.get(reason) ?? { plugin: v.failedPlugin, nodes: [] };
      entry.nodes.push(v.node);
      byReason.set(reason, entry);
    }
  }
  const out: string[] = [];
  for (const [reason, { plugin, nodes }] of byReason) {
    const where = nodes.length <= 3 ? nodes.join(', ') : `${nodes.length} nodes`;
    out.push(`${where}: ${reason} — ${advice(plugin, reason, nodes)}`);
  }
  return out;
}

function advice(plugin: string, reason: string, nodes: readonly string[]): string {
  const one = nodes.length === 1 ? nodes[0] : 'NODE';
  switch (plugin) {
    case 'NodeResourcesFit':
      if (/Too many pods/i.test(reason)) return 'the node is full: add a node or remove pods';
      return 'lower the pod\'s resource requests, free capacity by scaling something down, or add a node with more capacity';
    case 'TaintToleration': {
      const taint = /\{([^:}]+):/.exec(reason)?.[1];
      return taint ? `add a toleration for ${taint} to the pod, or remove the taint (kubectl taint nodes ${one} ${taint}-)` : 'add a matching toleration to the pod, or remove the taint';
    }
    case 'NodeUnschedulable':
      return `the node is cordoned: kubectl uncordon ${one}`;
    case 'NodeAffinity':
      return 'change the pod\'s nodeSelector or node affinity, or label a node to match (kubectl label nodes NODE KEY=VALUE)';
    case 'NodeName':
      return 'spec.nodeName asks for another node';
    case 'NodePorts':
      return 'another pod on the node uses the same hostPort: pick another port or drop hostPort';
    case 'PodTopologySpread':
      return 'placing it here would break a topologySpreadConstraint: relax maxSkew or whenUnsatisfiable, or add nodes in the missing topology domain';
    case 'InterPodAffinity':
      return 'a pod affinity or anti-affinity rule rules the node out: relax the rule or run the pods it needs';
    default:
      return 'the node does not pass this filter';
  }
}
