import { createSwarm, type Swarm } from '../../sim/swarm/index';

/** What the swarm follows: the playground's clock (the Kubernetes cluster's). */
export interface ClockSource {
  readonly seed: number;
  readonly startTime: number;
  now(): number;
}

const swarms = new WeakMap<ClockSource, Swarm>();

/**
 * The swarm beside a cluster: created the first time it is asked for (the
 * default swarm the first `docker` command meets), started at the cluster's
 * start time and seeded from its seed, and brought up to the cluster's
 * virtual time on every call — the swarm shares the playground's one clock.
 */
export function swarmFor(clock: ClockSource): Swarm {
  let swarm = swarms.get(clock);
  if (!swarm) {
    swarm = createSwarm({ seed: clock.seed, startTime: clock.startTime });
    swarms.set(clock, swarm);
  }
  if (swarm.now() < clock.now()) swarm.advanceTo(clock.now());
  return swarm;
}

/** The swarm if a `docker` command already made one (brought up to time), else undefined. */
export function existingSwarm(clock: ClockSource): Swarm | undefined {
  return swarms.has(clock) ? swarmFor(clock) : undefined;
}
