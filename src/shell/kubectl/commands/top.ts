import { goDuration } from '../../../lib/duration';
import { parseTimestamp, type KubeObject, type NodeMetrics, type PodMetrics, type Selector } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { fieldSelector, labelSelector, listObjects, parseFieldSelector, type FieldRequirement } from '../common';
import { err, type KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { examples, longDesc } from '../text';
import { defaultSubCommandRun } from './parent';

const MiB = 1024 * 1024;

/** Parsed only: how kubectl encodes its Metrics API requests, which the playground makes in memory. */
const protocolBuffersFlag: FlagSpec = { name: 'use-protocol-buffers', type: 'bool', default: 'true', usage: 'Enables using protocol-buffers to access Metrics API.' };

/** `kubectl top` (kubectl `pkg/cmd/top/top.go`). */
export const topCommand: CommandSpec = {
  path: ['top'],
  flagsInUseLine: true,
  use: 'top',
  short: 'Display resource (CPU/memory) usage',
  long: longDesc(`
    Display resource (CPU/memory) usage.

    The top command allows you to see the resource consumption for nodes or pods.

    This command requires Metrics Server to be correctly configured and working on the server.`),
  flags: [],
  run: defaultSubCommandRun,
};

const sortFlag = { name: 'sort-by', type: 'string' as const, usage: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'." };

/** `kubectl top pod` (kubectl `pkg/cmd/top/top_pod.go`). */
export const topPodCommand: CommandSpec = {
  path: ['top', 'pod'],
  aliases: ['pods', 'po'],
  use: 'pod [NAME | -l label]',
  short: 'Display resource (CPU/memory) usage of pods',
  long: longDesc(`
    Display resource (CPU/memory) usage of pods.

    The 'top pod' command allows you to see the resource consumption of pods.

    Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.`),
  example: examples(`
    # Show metrics for all pods in the default namespace
    kubectl top pod

    # Show metrics for all pods in the given namespace
    kubectl top pod --namespace=NAMESPACE

    # Show metrics for a given pod and its containers
    kubectl top pod POD_NAME --containers

    # Show metrics for the pods defined by label name=myLabel
    kubectl top pod -l name=myLabel`),
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', default: 'false', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'containers', type: 'bool', default: 'false', usage: 'If present, print usage of containers within a pod.' },
    { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'no-headers', type: 'bool', default: 'false', usage: 'If present, print output without headers.' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { ...sortFlag, usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: 'sum', type: 'bool', default: 'false', usage: 'Print the sum of the resource usage' },
    protocolBuffersFlag,
  ],
  run: runTopPod,
};

/** `kubectl top node` (kubectl `pkg/cmd/top/top_node.go`). */
export const topNodeCommand: CommandSpec = {
  path: ['top', 'node'],
  aliases: ['nodes', 'no'],
  use: 'node [NAME | -l label]',
  short: 'Display resource (CPU/memory) usage of nodes',
  long: longDesc(`
    Display resource (CPU/memory) usage of nodes.

    The top-node command allows you to see the resource consumption of nodes.`),
  example: examples(`
    # Show metrics for all nodes
    kubectl top node

    # Show metrics for a given node
    kubectl top node NODE_NAME`),
  flags: [
    { name: 'no-headers', type: 'bool', default: 'false', usage: 'If present, print output without headers' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'show-capacity', type: 'bool', default: 'false', usage: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' },
    sortFlag,
    protocolBuffersFlag,
  ],
  run: runTopNode,
};

/** A tabwriter table as kubectl top prints it: 3-space padding, every cell (even the last) padded. */
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i].length))) ?? [];
  return rows.map((r) => `${r.map((c, i) => c.padEnd(widths[i] + 3)).join('')}\n`).join('');
}

const cpu = (m: number) => `${m}m`;
const mem = (b: number) => `${Math.floor(b / MiB)}Mi`;

function sortFlagValue(ctx: CommandContext): 'cpu' | 'memory' | '' | Error {
  const v = ctx.flags.string('sort-by');
  if (v === '' || v === 'cpu' || v === 'memory') return v;
  return new Error(`--sort-by accepts only cpu or memory`);
}

function runTopPod(ctx: CommandContext): CommandResult {
  const sortBy = sortFlagValue(ctx);
  if (sortBy instanceof Error) return err.message(`error: ${sortBy.message}`);
  const all = ctx.flags.bool('all-namespaces');
  const sel = labelSelector(ctx);
  if (sel && 'type' in sel) return sel;
  const name = ctx.args[0];
  if (ctx.args.length > 1) return err.usage(ctx.commandPath, 'error: expected at most one pod name');
  const fields = parseFieldSelector(ctx.flags.string('field-selector'));
  if (name && (sel || ctx.flags.string('field-selector'))) return err.message('error: only one of NAME or selector can be provided');
  if (!Array.isArray(fields)) return fields;
  const ns = all ? undefined : ctx.namespace;
  if (name) {
    const pod = ctx.client.get('pods', ctx.namespace, name);
    if (!pod) return err.status({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `pods "${name}" not found`, metadata: {} });
  }
  const r = ctx.cluster.podMetrics(ns);
  if (!r.ok) return err.message(`error: ${r.message}`);
  let items: PodMetrics[] = r.items;
  if (name) {
    items = items.filter((p) => p.name === name);
    // metrics-server answers a pod it has no metrics for yet as not found.
    if (items.length === 0) return err.status({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `podmetrics.metrics.k8s.io "${ctx.namespace}/${name}" not found`, metadata: {} });
  } else if (sel) {
    const wanted = new Set(ctx.client.list<KubeObject>('pods', { namespace: ns, labelSelector: sel as Selector }).map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
    items = items.filter((p) => wanted.has(`${p.namespace}/${p.name}`));
  }
  items = items.filter((p) => metricsMatch(p, fields));
  if (items.length === 0) {
    const empty = verifyEmptyMetrics(ctx, sel as Selector | undefined);
    if (empty !== undefined) return empty;
    ctx.errOut(all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const podCpu = (p: PodMetrics) => p.containers.reduce((a, c) => a + c.cpuMilli, 0);
  const podMem = (p: PodMetrics) => p.containers.reduce((a, c) => a + c.memoryBytes, 0);
  if (sortBy === 'cpu') items = [...items].sort((a, b) => podCpu(b) - podCpu(a));
  if (sortBy === 'memory') items = [...items].sort((a, b) => podMem(b) - podMem(a));
  const containers = ctx.flags.bool('containers');
  const rows: string[][] = [];
  if (!ctx.flags.bool('no-headers')) rows.push([...(all ? ['NAMESPACE'] : []), ...(containers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)']);
  for (const p of items) {
    if (containers) for (const c of p.containers) rows.push([...(all ? [p.namespace] : []), p.name, c.name, cpu(c.cpuMilli), mem(c.memoryBytes)]);
    else rows.push([...(all ? [p.namespace] : []), p.name, cpu(podCpu(p)), mem(podMem(p))]);
  }
  if (ctx.flags.bool('sum')) {
    const lead = (all ? 1 : 0) + (containers ? 2 : 1);
    rows.push([...Array<string>(lead).fill(''), '________', '________']);
    rows.push([...Array<string>(lead).fill(''), cpu(items.reduce((a, p) => a + podCpu(p), 0)), mem(items.reduce((a, p) => a + podMem(p), 0))]);
  }
  ctx.out(table(rows));
  return 0;
}

/** metrics-server's field selection of PodMetrics: by name and namespace only (any other field reads as empty). */
function metricsMatch(p: PodMetrics, fields: readonly FieldRequirement[]): boolean {
  return fields.every((f) => ((f.field === 'metadata.name' ? p.name : f.field === 'metadata.namespace' ? p.namespace : '') === f.value) !== f.negate);
}

/** Metrics must wait for pods this new (kubectl's metricsCreationDelay). */
const METRICS_CREATION_DELAY_MS = 120_000;

/**
 * `verifyEmptyMetrics`: why no metrics came back. kubectl asks the API
 * server for the pods the same selectors pick, in the command's namespace
 * (even with -A): none is fine; one older than two minutes has lost its
 * metrics; younger ones are not measured yet.
 */
function verifyEmptyMetrics(ctx: CommandContext, sel: Selector | undefined): KubectlError | undefined {
  const info = ctx.cluster.resources.byName('pods')!;
  const fields = fieldSelector(ctx, info, false);
  if (!Array.isArray(fields)) return fields;
  const pods = listObjects(ctx, info, { selector: sel, fields });
  if (pods.length === 0) return undefined;
  const now = ctx.cluster.now();
  for (const pod of pods) {
    const age = now - (parseTimestamp(pod.metadata.creationTimestamp) ?? now);
    if (age > METRICS_CREATION_DELAY_MS) return err.message(`error: Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${goDuration(age)}`);
  }
  return err.message('error: metrics not available yet');
}

function runTopNode(ctx: CommandContext): CommandResult {
  const sortBy = sortFlagValue(ctx);
  if (sortBy instanceof Error) return err.message(`error: ${sortBy.message}`);
  const sel = labelSelector(ctx);
  if (sel && 'type' in sel) return sel;
  const name = ctx.args[0];
  if (name && !ctx.client.get('nodes', undefined, name)) {
    return err.status({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `nodes "${name}" not found`, metadata: {} });
  }
  const r = ctx.cluster.nodeMetrics();
  if (!r.ok) return err.message(`error: ${r.message}`);
  let items: NodeMetrics[] = r.items;
  if (name) items = items.filter((n) => n.name === name);
  else if (sel) {
    const wanted = new Set(ctx.client.list<KubeObject>('nodes', { labelSelector: sel as Selector }).map((n) => n.metadata.name));
    items = items.filter((n) => wanted.has(n.name));
  }
  if (name && items.length === 0) return err.message('error: metrics not available yet');
  if (sortBy === 'cpu') items = [...items].sort((a, b) => b.cpuMilli - a.cpuMilli);
  if (sortBy === 'memory') items = [...items].sort((a, b) => b.memoryBytes - a.memoryBytes);
  const capacity = ctx.flags.bool('show-capacity');
  const rows: string[][] = [];
  if (!ctx.flags.bool('no-headers')) rows.push(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
  for (const n of items) {
    const cpuOf = capacity ? n.capacityCpuMilli : n.allocatableCpuMilli;
    const memOf = capacity ? n.capacityMemoryBytes : n.allocatableMemoryBytes;
    rows.push([n.name, cpu(n.cpuMilli), `${Math.trunc((n.cpuMilli / Math.max(1, cpuOf)) * 100)}%`, mem(n.memoryBytes), `${Math.trunc((n.memoryBytes / Math.max(1, memOf)) * 100)}%`]);
  }
  // Nodes without metrics (a stopped node): kubectl lists them with <unknown>.
  if (!name && !sel) {
    const seen = new Set(items.map((n) => n.name));
    for (const n of ctx.client.list<KubeObject>('nodes')) if (!seen.has(n.metadata.name)) rows.push([n.metadata.name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  }
  ctx.out(table(rows));
  return 0;
}
