import { parseConstraints, nodeMatches } from './constraints';
import type { SwarmNode, SwarmTask } from './types';

/** What the scheduler knows of a node (SwarmKit `NodeInfo`). */
export interface NodeInfo {
  node: SwarmNode;
  /** Live tasks of each service on the node. */
  tasksByService: Map<string, number>;
  total: number;
  available: { nanoCPUs: number; memoryBytes: number };
}

type Filter = { applies(t: SwarmTask): boolean; check(t: SwarmTask, n: NodeInfo): boolean; explain(nodes: number): string };

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many.replace('%d', String(n)));

/** SwarmKit's filter pipeline, in its order; a node is counted against the first filter it fails. */
const FILTERS: Filter[] = [
  {
    applies: () => true,
    check: (_t, n) => n.node.status.state === 'ready' && n.node.spec.availability === 'active',
    explain: (k) => plural(k, '1 node not available for new tasks', '%d nodes not available for new tasks'),
  },
  {
    applies: (t) => t.spec.resources.reservations.nanoCPUs > 0 || t.spec.resources.reservations.memoryBytes > 0,
    check: (t, n) => t.spec.resources.reservations.nanoCPUs <= n.available.nanoCPUs && t.spec.resources.reservations.memoryBytes <= n.available.memoryBytes,
    explain: (k) => plural(k, 'insufficient resources on 1 node', 'insufficient resources on %d nodes'),
  },
  {
    applies: (t) => t.spec.placement.constraints.length > 0,
    check: (t, n) => {
      const c = parseConstraints(t.spec.placement.constraints);
      return typeof c === 'string' ? true : nodeMatches(c, n.node);
    },
    explain: (k) => plural(k, 'scheduling constraints not satisfied on 1 node', 'scheduling constraints not satisfied on %d nodes'),
  },
  {
    applies: (t) => t.spec.ports.some((p) => p.publishMode === 'host' && p.publishedPort !== 0),
    check: () => true,
    explain: (k) => plural(k, 'host-mode port already in use on 1 node', 'host-mode port already in use on %d nodes'),
  },
  {
    applies: (t) => t.spec.placement.maxReplicas > 0,
    check: (t, n) => (n.tasksByService.get(t.serviceId) ?? 0) < t.spec.placement.maxReplicas,
    explain: () => 'max replicas per node limit exceed',
  },
];

/** The nodes a task may run on, or SwarmKit's `no suitable node (…)` explanation. */
export function eligibleNodes(task: SwarmTask, infos: readonly NodeInfo[], hostPortFree: (t: SwarmTask, n: NodeInfo) => boolean = () => true): NodeInfo[] | string {
  if (infos.length === 0) return 'no suitable node (no nodes in the cluster)';
  const failures = FILTERS.map(() => 0);
  const ok: NodeInfo[] = [];
  for (const n of infos) {
    let failed = -1;
    for (let i = 0; i < FILTERS.length; i++) {
      const f = FILTERS[i];
      if (!f.applies(task)) continue;
      const pass = i === 3 ? hostPortFree(task, n) : f.check(task, n);
      if (!pass) {
        failed = i;
        break;
      }
    }
    if (failed < 0) ok.push(n);
    else failures[failed]++;
  }
  if (ok.length > 0) return ok;
  const parts = FILTERS.map((f, i) => (failures[i] > 0 ? f.explain(failures[i]) : '')).filter(Boolean);
  return `no suitable node (${parts.join('; ')})`;
}

/**
 * The spread strategy: the node with the fewest tasks of this service, then
 * the fewest tasks overall, then (UNVERIFIED tie-break) the hostname order.
 */
export function pickSpread(task: SwarmTask, nodes: readonly NodeInfo[]): NodeInfo {
  let best = nodes[0];
  for (const n of nodes.slice(1)) {
    const a = n.tasksByService.get(task.serviceId) ?? 0;
    const b = best.tasksByService.get(task.serviceId) ?? 0;
    if (a < b || (a === b && n.total < best.total)) best = n;
  }
  return best;
}

/**
 * Placement preferences (`spread=node.labels.dc`): nodes are grouped by the
 * label's value (nodes without it form one more group); the task goes to the
 * group with the fewest tasks of the service, hierarchically, then spread
 * within the group.
 */
export function pickWithPreferences(task: SwarmTask, nodes: readonly NodeInfo[]): NodeInfo {
  let candidates = [...nodes];
  for (const pref of task.spec.placement.preferences) {
    const m = /^spread=(.+)$/.exec(pref);
    if (!m) continue;
    const key = m[1];
    if (!key.startsWith('node.labels.')) continue;
    const label = key.slice('node.labels.'.length);
    const groups = new Map<string, NodeInfo[]>();
    for (const n of candidates) {
      const v = n.node.spec.labels[label] ?? '\u0000';
      const g = groups.get(v);
      if (g) g.push(n);
      else groups.set(v, [n]);
    }
    let bestGroup: NodeInfo[] | undefined;
    let bestCount = Infinity;
    for (const v of [...groups.keys()].sort()) {
      const g = groups.get(v)!;
      const count = g.reduce((s, n) => s + (n.tasksByService.get(task.serviceId) ?? 0), 0);
      if (count < bestCount) {
        bestCount = count;
        bestGroup = g;
      }
    }
    candidates = bestGroup ?? candidates;
  }
  return pickSpread(task, candidates);
}
