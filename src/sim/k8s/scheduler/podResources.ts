import type { PodSpec } from 'kubernetes-types/core/v1';
import { bytesOf, cpuMillis } from '../../../lib/quantity';

/** CPU a container without a CPU request counts for in scoring (`DefaultMilliCPURequest`). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** Memory a container without a memory request counts for in scoring (`DefaultMemoryRequest`, 200 MiB). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** What a pod asks of a node: real requests (filtering) and "non-zero" ones (scoring). Shared between pods: never written. */
export interface PodResources {
  /** Millicores. */
  readonly cpu: number;
  /** Bytes. */
  readonly memory: number;
  readonly ephemeralStorage: number;
  /** Extended resources, hugepages, attachable volumes (`IsScalarResourceName`). */
  readonly scalar: ReadonlyMap<string, number> | null;
  /** CPU with 100m for every container that sets no CPU request. */
  readonly nonZeroCpu: number;
  /** Memory with 200Mi for every container that sets no memory request. */
  readonly nonZeroMemory: number;
}

type Requests = Record<string, string | number> | undefined;

/** `schedutil.IsScalarResourceName`: extended (domain-prefixed), `hugepages-*`, `attachable-volumes-*`. */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true;
  return name.includes('/') && !name.startsWith('requests.');
}

/** Parsed quantities by their text: cpu in millicores, anything else in whole units (no key string built per lookup). */
const parsedCpu = new Map<string | number, number>();
const parsedBytes = new Map<string | number, number>();

/** cpu in millicores, anything else in whole units; memoised (the same few strings recur for every pod). */
function valueOf(name: string, q: string | number): number {
  const cpu = name === 'cpu';
  const parsed = cpu ? parsedCpu : parsedBytes;
  let v = parsed.get(q);
  if (v === undefined) {
    v = cpu ? cpuMillis(q) : bytesOf(q);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(q, v);
  }
  return v;
}

const TRACKED = ['cpu', 'memory', 'ephemeral-storage'];

/** A resource list as numbers (cpu in millicores), keeping only what the scheduler tracks. */
function toList(reqs: Requests, nonZero: boolean): Map<string, number> {
  const out = new Map<string, number>();
  if (reqs) {
    for (const name in reqs) {
      if (TRACKED.includes(name) || isScalarResourceName(name)) out.set(name, valueOf(name, reqs[name]));
    }
  }
  if (nonZero) {
    // applyNonMissing: only a request that is absent (not one set to 0) gets the default.
    if (!reqs || !('cpu' in reqs)) out.set('cpu', DEFAULT_MILLI_CPU_REQUEST);
    if (!reqs || !('memory' in reqs)) out.set('memory', DEFAULT_MEMORY_REQUEST);
  }
  return out;
}

function addTo(acc: Map<string, number>, list: ReadonlyMap<string, number>): void {
  for (const [k, v] of list) acc.set(k, (acc.get(k) ?? 0) + v);
}

function maxInto(acc: Map<string, number>, list: ReadonlyMap<string, number>): void {
  for (const [k, v] of list) if (!acc.has(k) || v > acc.get(k)!) acc.set(k, v);
}

/**
 * `resourcehelper.PodRequests` (`AggregateContainerRequests` + overhead):
 * app containers summed; each init container needs its own request plus the
 * sidecars (restartPolicy Always) started before it, and the pod needs the
 * max of that and the sum; sidecars also add to the sum; overhead on top.
 */
function podRequests(spec: PodSpec, nonZero: boolean): Map<string, number> {
  const reqs = new Map<string, number>();
  for (const c of spec.containers ?? []) addTo(reqs, toList(c.resources?.requests, nonZero));
  const sidecars = new Map<string, number>();
  const initMax = new Map<string, number>();
  for (const c of spec.initContainers ?? []) {
    const own = toList(c.resources?.requests, nonZero);
    if (c.restartPolicy === 'Always') {
      addTo(reqs, own);
      addTo(sidecars, own);
      maxInto(initMax, sidecars);
    } else {
      const tmp = new Map(own);
      addTo(tmp, sidecars);
      maxInto(initMax, tmp);
    }
  }
  maxInto(reqs, initMax);
  if (spec.overhead) addTo(reqs, toList(spec.overhead, false));
  return reqs;
}

/** The last result of `simplePod` (shared by every pod asking the same). */
let lastSimple: PodResources = { cpu: -1, memory: -1, ephemeralStorage: 0, scalar: null, nonZeroCpu: -1, nonZeroMemory: -1 };

/**
 * The requests object of the one container `lastSimple` was computed from (undefined: none). Pods of a
 * workload share their containers' requests object, and stored objects are never written: the same object
 * gives the same answer without reading it again.
 */
let lastRequests: object | undefined;

/** The common pod: app containers requesting at most cpu and memory; no init containers, no overhead. */
function simplePod(spec: PodSpec): PodResources | undefined {
  if (spec.initContainers?.length || spec.overhead) return undefined;
  const only = spec.containers?.length === 1 ? spec.containers[0].resources?.requests : undefined;
  if (only !== undefined && only === lastRequests) return lastSimple;
  let cpu = 0;
  let memory = 0;
  let nonZeroCpu = 0;
  let nonZeroMemory = 0;
  for (const c of spec.containers ?? []) {
    const r = c.resources?.requests as Requests;
    let n = 0;
    if (r) {
      for (const k in r) {
        if (k !== 'cpu' && k !== 'memory') return undefined;
        n++;
      }
    }
    if (n === 0 || r!.cpu === undefined) nonZeroCpu += DEFAULT_MILLI_CPU_REQUEST;
    else {
      const v = valueOf('cpu', r!.cpu);
      cpu += v;
      nonZeroCpu += v;
    }
    if (n === 0 || r!.memory === undefined) nonZeroMemory += DEFAULT_MEMORY_REQUEST;
    else {
      const v = valueOf('memory', r!.memory);
      memory += v;
      nonZeroMemory += v;
    }
  }
  // Why: pods of one workload ask the same; they share one (never written) object instead of one each.
  const l = lastSimple;
  lastRequests = only;
  if (l.cpu === cpu && l.memory === memory && l.nonZeroCpu === nonZeroCpu && l.nonZeroMemory === nonZeroMemory) return l;
  return (lastSimple = { cpu, memory, ephemeralStorage: 0, scalar: null, nonZeroCpu, nonZeroMemory });
}


/** `computePodResourceRequest` and `calculateResource`: the pod's requests, real and non-zero. */
export function computePodResources(spec: PodSpec | undefined): PodResources {
  if (!spec) return { cpu: 0, memory: 0, ephemeralStorage: 0, scalar: null, nonZeroCpu: 0, nonZeroMemory: 0 };
  const simple = simplePod(spec);
  if (simple) return simple;
  const real = podRequests(spec, false);
  const nonZero = podRequests(spec, true);
  let scalar: Map<string, number> | null = null;
  for (const [k, v] of real) {
    if (TRACKED.includes(k)) continue;
    (scalar ??= new Map()).set(k, v);
  }
  return {
    cpu: real.get('cpu') ?? 0,
    memory: real.get('memory') ?? 0,
    ephemeralStorage: real.get('ephemeral-storage') ?? 0,
    scalar,
    nonZeroCpu: nonZero.get('cpu') ?? 0,
    nonZeroMemory: nonZero.get('memory') ?? 0,
  };
}
