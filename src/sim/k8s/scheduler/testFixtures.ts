import type { Container, PodSpec, Taint } from 'kubernetes-types/core/v1';
import { createRng } from '../../../lib/rng';
import { SchedulingFramework, type ScheduleOutcome } from './framework';
import type { NodeObject } from './nodeInfo';
import { PodInfo, type PodObject } from './podInfo';
import { SchedulerCache } from './schedulerCache';
import type { Status } from './status';

/** Test helpers: terse Node and Pod objects and a cache built from them. */
export interface NodeOpts {
  cpu?: string;
  memory?: string;
  pods?: number;
  ephemeral?: string;
  extra?: Record<string, string>;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
}

export function node(name: string, o: NodeOpts = {}): NodeObject {
  const allocatable: Record<string, string> = { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: String(o.pods ?? 110), ...(o.ephemeral ? { 'ephemeral-storage': o.ephemeral } : {}), ...o.extra };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable, capacity: allocatable, images: o.images ?? [] },
  };
}

export interface PodOpts {
  namespace?: string;
  cpu?: string;
  memory?: string;
  labels?: Record<string, string>;
  nodeName?: string;
  spec?: Partial<PodSpec>;
  containers?: Container[];
  uid?: string;
}

let uid = 0;

export function pod(name: string, o: PodOpts = {}): PodObject {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  const containers = o.containers ?? [{ name: 'app', image: 'nginx:1.25', ...(o.cpu || o.memory ? { resources: { requests } } : {}) }];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'default', uid: o.uid ?? `uid-${++uid}`, labels: o.labels ?? {} },
    spec: { containers, schedulerName: 'default-scheduler', ...(o.nodeName ? { nodeName: o.nodeName } : {}), ...o.spec },
    status: { phase: 'Pending' },
  };
}

/** A cache with these nodes (in order) and these assigned pods. */
export function cacheWith(nodes: NodeObject[], pods: PodObject[] = []): SchedulerCache {
  const c = new SchedulerCache();
  for (const n of nodes) c.upsertNode(n);
  for (const p of pods) c.addPod(new PodInfo(p), p.spec!.nodeName!);
  return c;
}

/** One scheduling cycle for `p` against `cache`. */
export function scheduleIn(cache: SchedulerCache, p: PodObject, opts: { seed?: number; start?: number; framework?: SchedulingFramework } = {}): ScheduleOutcome {
  const fw = opts.framework ?? new SchedulingFramework();
  return fw.schedulePod(new PodInfo(p), cache, createRng(opts.seed ?? 1), opts.start ?? 0);
}

/** The normalised score of plugin `name` for every feasible node, by node name. */
export function scoresOf(o: ScheduleOutcome, name: string, fw = new SchedulingFramework()): Record<string, number> {
  const k = fw.scorers.findIndex((s) => s.plugin.name === name);
  const out: Record<string, number> = {};
  for (let i = 0; i < o.feasible; i++) out[o.nodesBySlot[o.buffers.feasibleIndex[i]].name] = o.buffers.scoreAt(k, i);
  return out;
}

/** The rejection of each evaluated node (undefined when it passed), in evaluation order. */
export function statusesOf(o: ScheduleOutcome): (Status | undefined)[] {
  return o.buffers.evalStatus.slice(0, o.evaluated).map((s, i) => (o.buffers.feasibleIndexOf(i) < 0 ? s : undefined));
}

/** Evaluated node names in order. */
export function evaluatedOf(o: ScheduleOutcome): string[] {
  return Array.from({ length: o.evaluated }, (_, i) => o.nodesBySlot[o.buffers.slotAt(i)].name);
}

/** Feasible node names in order. */
export function feasibleOf(o: ScheduleOutcome): string[] {
  return Array.from(o.buffers.feasibleIndex.subarray(0, o.feasible), (x) => o.nodesBySlot[x].name);
}

/** Weighted totals by node name. */
export function totalsOf(o: ScheduleOutcome): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < o.feasible; i++) out[o.nodesBySlot[o.buffers.feasibleIndex[i]].name] = o.buffers.totalAt(i);
  return out;
}
