import type { Node, Taint } from 'kubernetes-types/core/v1';
import { bytesOf, cpuMillis } from '../../../lib/quantity';
import type { Stored } from '../api/types';
import { HostPortInfo } from './hostPorts';
import { isScalarResourceName } from './podResources';
import type { PodInfo } from './podInfo';
import { isDoNotScheduleTaint } from './tolerations';

export type NodeObject = Stored<Node>;

const NO_TAINTS: readonly Taint[] = Object.freeze([]);
const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * `framework.NodeInfo`: one node with the running totals the filters and
 * scores read — allocatable, requested (real and non-zero), pods, host
 * ports, taints. Kept up to date incrementally by the scheduler cache, so a
 * node check is a handful of number comparisons.
 */
export class NodeInfo {
  /** Slot in the cache's per-node arrays (stable while the node exists). */
  index = -1;
  name: string;
  node: NodeObject;
  labels: Readonly<Record<string, string>> = NO_LABELS;
  taints: readonly Taint[] = NO_TAINTS;
  /** Has a NoSchedule or NoExecute taint (the TaintToleration filter only looks then). */
  hasDoNotScheduleTaints = false;
  hasPreferNoScheduleTaints = false;
  unschedulable = false;
  allocCpu = 0;
  allocMemory = 0;
  allocEphemeralStorage = 0;
  allocPods = 0;
  allocScalar: Map<string, number> | null = null;
  reqCpu = 0;
  reqMemory = 0;
  reqEphemeralStorage = 0;
  reqScalar: Map<string, number> | null = null;
  nonZeroCpu = 0;
  nonZeroMemory = 0;
  readonly pods: PodInfo[] = [];
  readonly podsWithAffinity: PodInfo[] = [];
  readonly podsWithRequiredAntiAffinity: PodInfo[] = [];
  usedPorts: HostPortInfo | null = null;
  /** Image names listed in `status.images`. */
  images: readonly string[] = [];

  constructor(node: NodeObject) {
    this.name = node.metadata.name;
    this.node = node;
    this.setNode(node);
  }

  /** `SetNode`: re-reads labels, taints, cordon and allocatable. */
  setNode(node: NodeObject): void {
    this.node = node;
    this.labels = node.metadata.labels ?? NO_LABELS;
    this.taints = node.spec?.taints ?? NO_TAINTS;
    this.hasDoNotScheduleTaints = this.taints.some(isDoNotScheduleTaint);
    this.hasPreferNoScheduleTaints = this.taints.some((t) => t.effect === 'PreferNoSchedule');
    this.unschedulable = node.spec?.unschedulable === true;
    const a = (node.status?.allocatable ?? {}) as Record<string, string | number>;
    this.allocCpu = cpuMillis(a.cpu);
    this.allocMemory = bytesOf(a.memory);
    this.allocEphemeralStorage = bytesOf(a['ephemeral-storage']);
    this.allocPods = bytesOf(a.pods);
    this.allocScalar = null;
    for (const k in a) if (isScalarResourceName(k)) (this.allocScalar ??= new Map()).set(k, bytesOf(a[k]));
    const images: string[] = [];
    for (const img of node.status?.images ?? []) for (const n of img.names ?? []) images.push(n);
    this.images = images;
  }

  addPod(p: PodInfo): void {
    this.pods.push(p);
    if (p.hasAffinity) this.podsWithAffinity.push(p);
    if (p.hasRequiredAntiAffinity) this.podsWithRequiredAntiAffinity.push(p);
    this.update(p, 1);
  }

  removePod(p: PodInfo): boolean {
    if (!removeFrom(this.pods, p)) return false;
    if (p.hasAffinity) removeFrom(this.podsWithAffinity, p);
    if (p.hasRequiredAntiAffinity) removeFrom(this.podsWithRequiredAntiAffinity, p);
    this.update(p, -1);
    return true;
  }

  private update(p: PodInfo, sign: 1 | -1): void {
    const r = p.res;
    this.reqCpu += sign * r.cpu;
    this.reqMemory += sign * r.memory;
    this.reqEphemeralStorage += sign * r.ephemeralStorage;
    this.nonZeroCpu += sign * r.nonZeroCpu;
    this.nonZeroMemory += sign * r.nonZeroMemory;
    if (r.scalar) {
      this.reqScalar ??= new Map();
      for (const [k, v] of r.scalar) this.reqScalar.set(k, (this.reqScalar.get(k) ?? 0) + sign * v);
    }
    if (p.hostPorts.length > 0) {
      this.usedPorts ??= new HostPortInfo();
      for (const hp of p.hostPorts) {
        if (sign > 0) this.usedPorts.add(hp);
        else this.usedPorts.remove(hp);
      }
    }
  }
}

function removeFrom(list: PodInfo[], p: PodInfo): boolean {
  const i = list.indexOf(p);
  if (i < 0) return false;
  list[i] = list[list.length - 1];
  list.pop();
  return true;
}
