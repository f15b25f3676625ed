import type { Node, Taint } from 'kubernetes-types/core/v1';
import { bytesOf, cpuMillis } from '../../../lib/quantity';
import type { Stored } from '../api/types';
import { HostPortInfo } from './hostPorts';
import { FLAG_DO_NOT_SCHEDULE_TAINTS, FLAG_HOSTNAME_LABEL, FLAG_PREFER_NO_SCHEDULE_TAINTS, FLAG_UNSCHEDULABLE, NodeTable } from './nodeTable';
import { isScalarResourceName } from './podResources';
import type { PodInfo } from './podInfo';
import { isDoNotScheduleTaint } from './tolerations';

export type NodeObject = Stored<Node>;

const NO_TAINTS: readonly Taint[] = Object.freeze([]);
const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * `framework.NodeInfo`: one node with the running totals the filters and
 * scores read — allocatable, requested (real and non-zero), pods, host
 * ports, taints. The numbers live in the cache's `NodeTable` at `index`
 * (hot loops read the table); the accessors here are for everything else.
 */
export class NodeInfo {
  name: string;
  node: NodeObject;
  labels: Readonly<Record<string, string>> = NO_LABELS;
  /** `kubernetes.io/hostname` and `topology.kubernetes.io/zone`, read often enough to keep at hand. */
  hostnameLabel: string | undefined = undefined;
  zoneLabel: string | undefined = undefined;
  taints: readonly Taint[] = NO_TAINTS;
  allocScalar: Map<string, number> | null = null;
  reqScalar: Map<string, number> | null = null;
  readonly pods: PodInfo[] = [];
  readonly podsWithAffinity: PodInfo[] = [];
  readonly podsWithRequiredAntiAffinity: PodInfo[] = [];
  usedPorts: HostPortInfo | null = null;
  /** Image names listed in `status.images`. */
  images: readonly string[] = [];

  /** Without a table the node gets a private one (throwaway views, e.g. for queueing hints). */
  constructor(
    node: NodeObject,
    readonly table: NodeTable = new NodeTable(1),
    readonly index = 0,
  ) {
    this.name = node.metadata.name;
    this.node = node;
    this.setNode(node);
  }

  get allocCpu(): number {
    return this.table.allocCpu[this.index];
  }
  get allocMemory(): number {
    return this.table.allocMemory[this.index];
  }
  get allocEphemeralStorage(): number {
    return this.table.allocEphemeralStorage[this.index];
  }
  get allocPods(): number {
    return this.table.allocPods[this.index];
  }
  get reqCpu(): number {
    return this.table.reqCpu[this.index];
  }
  get reqMemory(): number {
    return this.table.reqMemory[this.index];
  }
  get reqEphemeralStorage(): number {
    return this.table.reqEphemeralStorage[this.index];
  }
  get nonZeroCpu(): number {
    return this.table.nonZeroCpu[this.index];
  }
  get nonZeroMemory(): number {
    return this.table.nonZeroMemory[this.index];
  }
  get unschedulable(): boolean {
    return (this.table.flags[this.index] & FLAG_UNSCHEDULABLE) !== 0;
  }
  get hasDoNotScheduleTaints(): boolean {
    return (this.table.flags[this.index] & FLAG_DO_NOT_SCHEDULE_TAINTS) !== 0;
  }
  get hasPreferNoScheduleTaints(): boolean {
    return (this.table.flags[this.index] & FLAG_PREFER_NO_SCHEDULE_TAINTS) !== 0;
  }

  /** A label's value, or undefined (never a prototype property). */
  label(key: string): string | undefined {
    const v = this.labels[key];
    return typeof v === 'string' ? v : undefined;
  }

  /** `SetNode`: re-reads labels, taints, cordon and allocatable. */
  setNode(node: NodeObject): void {
    const t = this.table;
    const i = this.index;
    this.node = node;
    this.labels = node.metadata.labels ?? NO_LABELS;
    this.hostnameLabel = this.label('kubernetes.io/hostname');
    this.zoneLabel = this.label('topology.kubernetes.io/zone');
    this.taints = node.spec?.taints ?? NO_TAINTS;
    let flags = 0;
    if (node.spec?.unschedulable === true) flags |= FLAG_UNSCHEDULABLE;
    if (this.taints.some(isDoNotScheduleTaint)) flags |= FLAG_DO_NOT_SCHEDULE_TAINTS;
    if (this.taints.some((x) => x.effect === 'PreferNoSchedule')) flags |= FLAG_PREFER_NO_SCHEDULE_TAINTS;
    if (this.hostnameLabel !== undefined) flags |= FLAG_HOSTNAME_LABEL;
    t.setFlags(i, flags);
    t.zoneId[i] = this.zoneLabel === undefined ? -1 : t.internZone(this.zoneLabel);
    const a = (node.status?.allocatable ?? {}) as Record<string, string | number>;
    t.allocCpu[i] = cpuMillis(a.cpu);
    t.allocMemory[i] = bytesOf(a.memory);
    t.allocEphemeralStorage[i] = bytesOf(a['ephemeral-storage']);
    t.allocPods[i] = bytesOf(a.pods);
    t.refreshFree(i);
    this.allocScalar = null;
    for (const k in a) if (isScalarResourceName(k)) (this.allocScalar ??= new Map()).set(k, bytesOf(a[k]));
    this.setImages(node);
  }

  /** Takes a new version of the node whose labels, taints, cordon and allocatable are the same: only `status.images` is re-read. */
  setImages(node: NodeObject): void {
    this.node = node;
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
    const t = this.table;
    const i = this.index;
    t.podCount[i] = this.pods.length;
    t.reqCpu[i] += sign * r.cpu;
    t.reqMemory[i] += sign * r.memory;
    t.reqEphemeralStorage[i] += sign * r.ephemeralStorage;
    t.nonZeroCpu[i] += sign * r.nonZeroCpu;
    t.nonZeroMemory[i] += sign * r.nonZeroMemory;
    t.refreshFree(i);
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
