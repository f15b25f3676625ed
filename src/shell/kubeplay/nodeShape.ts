import type { Taint } from 'kubernetes-types/core/v1';
import type { KubeObject, NodeShapeResult } from '../../sim/k8s/index';
import { finished } from '../execution';
import type { Execution, OutputSink, ShellEnvironment } from '../types';

export const NODE_ADD_USAGE = 'kubeplay node add [NAME] [--cpu 4] [--memory 8Gi] [--max-pods 110] [--zone ZONE] [--label KEY=VALUE]… [--taint KEY[=VALUE]:EFFECT]…';
export const NODE_SET_USAGE = 'kubeplay node set NAME [--cpu 4] [--memory 8Gi] [--max-pods 110]';

interface Parsed {
  positional: string[];
  cpu?: string;
  memory?: string;
  maxPods?: number;
  zone?: string;
  labels: Record<string, string>;
  taints: Taint[];
}

/** `key=value:Effect` or `key:Effect`, as `kubectl taint` writes a taint. */
export function parseTaint(text: string): Taint | string {
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return `invalid taint "${text}": expected KEY[=VALUE]:EFFECT, e.g. dedicated=gpu:NoSchedule`;
  const effect = text.slice(colon + 1);
  const kv = text.slice(0, colon);
  const eq = kv.indexOf('=');
  const taint: Taint = eq < 0 ? { key: kv, effect } : { key: kv.slice(0, eq), value: kv.slice(eq + 1), effect };
  return taint;
}

function parseFlags(args: readonly string[], allowed: readonly string[]): Parsed | string {
  const out: Parsed = { positional: [], labels: {}, taints: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (!allowed.includes(flag)) return `unknown flag: --${flag}`;
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') return `flag needs a value: --${flag}`;
    if (flag === 'cpu') out.cpu = value;
    else if (flag === 'memory') out.memory = value;
    else if (flag === 'zone') out.zone = value;
    else if (flag === 'max-pods') {
      if (!/^\d+$/.test(value)) return `invalid --max-pods "${value}": a whole number`;
      out.maxPods = Number(value);
    } else if (flag === 'label') {
      const k = value.indexOf('=');
      if (k <= 0) return `invalid label "${value}": expected KEY=VALUE, e.g. disk=ssd`;
      out.labels[value.slice(0, k)] = value.slice(k + 1);
    } else if (flag === 'taint') {
      const t = parseTaint(value);
      if (typeof t === 'string') return t;
      out.taints.push(t);
    }
  }
  return out;
}

/** Prints a cluster-shape result; returns the exit status. */
function reportShape(r: NodeShapeResult, sink: OutputSink, done: (name: string) => string): Execution {
  switch (r.type) {
    case 'added':
    case 'removed':
    case 'resized':
      sink.stdout(`${done(r.name)}\n`);
      return finished(0);
    case 'unchanged':
      sink.stdout(`node/${r.name} unchanged\n`);
      return finished(0);
    case 'notFound':
      sink.stderr(`Error from server (NotFound): nodes "${r.name}" not found\n`);
      return finished(1);
    case 'exists':
      sink.stderr(`Error from server (AlreadyExists): nodes "${r.name}" already exists\n`);
      return finished(1);
    case 'invalid':
      sink.stderr(`kubeplay: ${r.message}\n`);
      return finished(1);
    case 'notSimulated':
      sink.stderr(`kubeplay: not simulated: ${r.reason}\n`);
      return finished(1);
  }
}

function sizeText(env: ShellEnvironment, name: string): string {
  const node = env.cluster.client().get<KubeObject & { status?: { capacity?: Record<string, string> } }>('nodes', undefined, name);
  const cap = node?.status?.capacity ?? {};
  const mem = cap.memory?.endsWith('Ki') && Number(cap.memory.slice(0, -2)) % (1024 * 1024) === 0 ? `${Number(cap.memory.slice(0, -2)) / (1024 * 1024)}Gi` : cap.memory;
  return `${cap.cpu} CPU, ${mem} memory, ${cap.pods} pods`;
}

/**
 * `kubeplay node add [NAME] [flags]`: a worker joins the cluster as after
 * `kubeadm join` (the kubelet registers the Node; DaemonSets and the
 * scheduler use it). Default name: the next `worker-N`; default size: the
 * cluster's workers'.
 */
export function runNodeAdd(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution {
  const p = parseFlags(args, ['cpu', 'memory', 'max-pods', 'zone', 'label', 'taint']);
  if (typeof p === 'string' || p.positional.length > 1) {
    sink.stderr(`kubeplay: ${typeof p === 'string' ? p : 'expected at most one NAME'}\nusage: ${NODE_ADD_USAGE}\n`);
    return finished(1);
  }
  const name = p.positional[0]?.replace(/^nodes?\//, '');
  const r = env.cluster.addNode({ name, cpu: p.cpu, memory: p.memory, maxPods: p.maxPods, zone: p.zone, labels: p.labels, taints: p.taints });
  return reportShape(r, sink, (n) => `node/${n} added (${sizeText(env, n)}${p.zone ? `, zone ${p.zone}` : ''})`);
}

/**
 * `kubeplay node remove NAME`: the machine is gone for good and its Node
 * object deleted (what `kubectl delete node` after a decommission does); the
 * pod garbage collector deletes the pods still bound to it 40–60 s later.
 * `kubectl drain NAME` first moves them gracefully.
 */
export function runNodeRemove(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution {
  if (args.length !== 1 || args[0].startsWith('-')) {
    sink.stderr('kubeplay: usage: kubeplay node remove NAME\n');
    return finished(1);
  }
  const name = args[0].replace(/^nodes?\//, '');
  const bound = env.cluster.client().list('pods', { fieldSelector: { 'spec.nodeName': name } }).length;
  const r = env.cluster.removeNode(name);
  const tail = bound === 0 ? '' : ` (${bound} pod${bound === 1 ? '' : 's'} still bound to it: the pod garbage collector deletes ${bound === 1 ? 'it' : 'them'} within a minute)`;
  return reportShape(r, sink, (n) => `node/${n} removed${tail}`);
}

/** `kubeplay node set NAME --cpu/--memory/--max-pods`: the machine is resized; its kubelet reports the new capacity. */
export function runNodeSet(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution {
  const p = parseFlags(args, ['cpu', 'memory', 'max-pods']);
  if (typeof p === 'string' || p.positional.length !== 1 || (p.cpu === undefined && p.memory === undefined && p.maxPods === undefined)) {
    const problem = typeof p === 'string' ? p : p.positional.length !== 1 ? 'expected one NAME' : 'nothing to set: give --cpu, --memory or --max-pods (labels and taints: kubectl label node, kubectl taint node)';
    sink.stderr(`kubeplay: ${problem}\nusage: ${NODE_SET_USAGE}\n`);
    return finished(1);
  }
  const name = p.positional[0].replace(/^nodes?\//, '');
  const r = env.cluster.resizeNode(name, { cpu: p.cpu, memory: p.memory, maxPods: p.maxPods });
  return reportShape(r, sink, (n) => `node/${n} resized (${sizeText(env, n)})`);
}
