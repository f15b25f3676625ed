import type { PodInfo } from './podInfo';

/**
 * Requests to add to a node's when a pod is checked against it (negative
 * where pods are taken off): what the pods nominated to it ask for
 * (`addNominatedPods`), less preemption's victims.
 */
export interface NodeLoad {
  pods: number;
  cpu: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended resources, when a nominated pod asks for any. */
  scalar: Map<string, number> | null;
  /** The nominated pods themselves (NodePorts counts their host ports as bound; InterPodAffinity and PodTopologySpread add them: their `AddPod` extensions). */
  nominatedPods?: PodInfo[];
}

/**
 * The scheduling queue's `PodNominator`: pending pods with a
 * `status.nominatedNodeName` (a preemption made room for them there), by
 * node. While a preemptor waits for its victims to go, other pods of the
 * same or lower priority are filtered as if it already ran on that node, so
 * they do not take the room made for it (nor the host ports it will bind);
 * higher-priority pods are not held back by it. Empty in the common case: every read returns at once.
 */
export class PodNominator {
  private readonly byKey = new Map<string, { node: string; info: PodInfo }>();

  get size(): number {
    return this.byKey.size;
  }

  /** The pod's nomination (`AddNominatedPod`), replacing any earlier one. */
  set(key: string, node: string, info: PodInfo): void {
    this.byKey.set(key, { node, info });
  }

  /** `DeleteNominatedPodIfExists`: the pod was bound, assumed, deleted or lost its nomination. */
  delete(key: string): void {
    if (this.byKey.size > 0) this.byKey.delete(key);
  }

  /** The node `key` is nominated to, if any. */
  nodeOf(key: string): string | undefined {
    return this.byKey.size === 0 ? undefined : this.byKey.get(key)?.node;
  }

  /** The pods nominated to `node` with a priority below `priority` (they lose the nomination when a preemption there makes room for a more important pod). */
  lowerPriorityOn(node: string, priority: number): string[] {
    const out: string[] = [];
    for (const [key, n] of this.byKey) if (n.node === node && n.info.priority < priority) out.push(key);
    return out;
  }

  /**
   * What the pods nominated to each node add for `pod`'s filters: those of
   * the same or a higher priority, `pod` itself aside. Undefined when there
   * are none.
   */
  loadsFor(pod: PodInfo): Map<string, NodeLoad> | undefined {
    if (this.byKey.size === 0) return undefined;
    let loads: Map<string, NodeLoad> | undefined;
    for (const [key, n] of this.byKey) {
      const p = n.info;
      if (key === pod.key || p.uid === pod.uid || p.priority < pod.priority) continue;
      loads ??= new Map();
      let l = loads.get(n.node);
      if (!l) loads.set(n.node, (l = { pods: 0, cpu: 0, memory: 0, ephemeralStorage: 0, scalar: null }));
      l.pods++;
      l.cpu += p.res.cpu;
      l.memory += p.res.memory;
      l.ephemeralStorage += p.res.ephemeralStorage;
      if (p.res.scalar) for (const [name, q] of p.res.scalar) (l.scalar ??= new Map()).set(name, (l.scalar.get(name) ?? 0) + q);
      (l.nominatedPods ??= []).push(p);
    }
    return loads;
  }
}
