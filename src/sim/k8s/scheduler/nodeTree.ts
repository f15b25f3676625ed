import type { NodeInfo } from './nodeInfo';

/** `utilnode.GetZoneKey`: region and zone (new or beta labels), '' when neither is set. */
export function zoneKey(labels: Readonly<Record<string, string>>): string {
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}

/**
 * `nodeTree`: nodes grouped by zone, listed zone by zone in turn (first node
 * of every zone, then the second, …) so that sampling a prefix of the list
 * spreads over zones. Zones keep the order in which they first appeared.
 */
export class NodeTree {
  private readonly zones = new Map<string, NodeInfo[]>();
  private readonly zoneOf = new Map<NodeInfo, string>();
  private cached: NodeInfo[] | null = [];
  private count = 0;

  add(n: NodeInfo): void {
    const z = zoneKey(n.labels);
    let list = this.zones.get(z);
    if (!list) this.zones.set(z, (list = []));
    list.push(n);
    this.zoneOf.set(n, z);
    this.count++;
    this.cached = null;
  }

  remove(n: NodeInfo): void {
    const z = this.zoneOf.get(n);
    if (z === undefined) return;
    const list = this.zones.get(z)!;
    list.splice(list.indexOf(n), 1);
    if (list.length === 0) this.zones.delete(z);
    this.zoneOf.delete(n);
    this.count--;
    this.cached = null;
  }

  /** Re-files a node whose zone labels may have changed. */
  update(n: NodeInfo): void {
    const z = this.zoneOf.get(n);
    if (z === undefined || z === zoneKey(n.labels)) return;
    this.remove(n);
    this.add(n);
  }

  has(n: NodeInfo): boolean {
    return this.zoneOf.has(n);
  }

  get size(): number {
    return this.count;
  }

  list(): NodeInfo[] {
    if (this.cached) return this.cached;
    const out: NodeInfo[] = [];
    const lists = [...this.zones.values()];
    for (let i = 0; out.length < this.count; i++) for (const l of lists) if (i < l.length) out.push(l[i]);
    this.cached = out;
    return out;
  }
}
