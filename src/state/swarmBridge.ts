import type { Cluster } from '../sim/k8s/index';
import type { Swarm } from '../sim/swarm/index';
import type { SwarmHost, SwarmSnapshot } from './types';

/**
 * Keeps the swarm beside the live cluster at the playground's virtual time
 * and hands out snapshots of it when it changed. The swarm is the shell's
 * (`swarmFor`): the one `docker` commands meet. It exists once a command made
 * it, or once a view asks for it (`want`): the default swarm, seeded from the
 * cluster's seed and started at the cluster's start time, then caught up to
 * now — the same swarm, to the byte, whenever it is first asked for, so a
 * view that shows it early changes nothing a replay would see.
 */
export class SwarmBridge {
  private host: SwarmHost | undefined;
  private cluster: Cluster | undefined;
  private swarm: Swarm | undefined;
  private unwatch: () => void = () => {};
  private changed = true;
  private version = 0;
  private stopped = '';
  private leader = true;
  private outside = '';
  /** Settles when the swarm's code has loaded (or at once when there is none). */
  readonly ready: Promise<void>;

  constructor(load: (() => Promise<SwarmHost>) | undefined) {
    this.ready = load
      ? load().then(
          (host) => {
            this.host = host;
          },
          () => {},
        )
      : Promise.resolve();
  }

  /**
   * The swarm's snapshot when it changed since the last call (or `force`),
   * `null` when there is no swarm (any more: a new cluster has none yet),
   * undefined when nothing changed. `want`: make the default swarm if there
   * is none.
   */
  take(cluster: Cluster | undefined, want: boolean, force = false): SwarmSnapshot | null | undefined {
    if (!this.host || !cluster) return undefined;
    if (cluster !== this.cluster) {
      this.unwatch();
      this.unwatch = () => {};
      this.cluster = cluster;
      this.swarm = undefined;
      force = true;
    }
    const swarm = want ? this.host.swarmFor(cluster) : this.host.existingSwarm(cluster);
    if (!swarm) return force ? null : undefined;
    if (swarm !== this.swarm) {
      this.swarm = swarm;
      this.unwatch = swarm.watch(() => {
        this.changed = true;
      });
      force = true;
    }
    // Powering a machine off writes nothing at once, and losing the leader may not either: compare them too.
    const nodes = swarm.nodes();
    const stopped = nodes.filter((n) => swarm.isNodeStopped(n.id)).map((n) => n.id);
    const leader = swarm.hasLeader();
    const stoppedKey = stopped.join(',');
    // A machine added (`kubeplay machine add`) writes nothing to the swarm's store either.
    const members = new Set(nodes.map((n) => n.description.hostname));
    const outside = swarm.membership.outside().filter((h) => !members.has(h));
    const outsideKey = outside.join(',');
    if (!force && !this.changed && stoppedKey === this.stopped && leader === this.leader && outsideKey === this.outside) return undefined;
    this.changed = false;
    this.stopped = stoppedKey;
    this.leader = leader;
    this.outside = outsideKey;
    return {
      now: swarm.now(),
      nodes,
      services: swarm.services(),
      tasks: swarm.tasks(),
      stoppedNodes: stopped,
      hasLeader: leader,
      localNodeId: swarm.localNodeId(),
      outside,
      version: ++this.version,
    };
  }

  /** The live swarm (brought up to time), if there is one. */
  current(cluster: Cluster | undefined): Swarm | undefined {
    return this.host && cluster ? this.host.existingSwarm(cluster) : undefined;
  }
}
