import type { SchedulerPlugin } from '../plugin';
import { balancedAllocation } from './balancedAllocation';
import { imageLocality } from './imageLocality';
import { interPodAffinity } from './interPodAffinity';
import { nodeAffinity } from './nodeAffinity';
import { nodeName } from './nodeName';
import { nodePorts } from './nodePorts';
import { nodeResourcesFit } from './nodeResourcesFit';
import { nodeUnschedulable } from './nodeUnschedulable';
import { podTopologySpread } from './podTopologySpread';
import { taintToleration } from './taintToleration';
import { volumeBinding } from './volumeBinding';

/**
 * The default profile (`default_plugins.go`, v1.32), minus the volume and
 * DRA plugins (no volumes are simulated) and the queue/bind plugins (the
 * controller plays those parts). Filters run in this order; a node's first
 * failing filter is its verdict.
 */
export const FILTER_PLUGINS: readonly SchedulerPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  volumeBinding,
  podTopologySpread,
  interPodAffinity,
];

export interface WeightedScorePlugin {
  plugin: SchedulerPlugin;
  weight: number;
}

/** Score plugins with their default weights, in profile order. Total = Σ score × weight. */
export const SCORE_PLUGINS: readonly WeightedScorePlugin[] = [
  { plugin: taintToleration, weight: 3 },
  { plugin: nodeAffinity, weight: 2 },
  { plugin: nodeResourcesFit, weight: 1 },
  { plugin: podTopologySpread, weight: 2 },
  { plugin: interPodAffinity, weight: 2 },
  { plugin: balancedAllocation, weight: 1 },
  { plugin: imageLocality, weight: 1 },
];
