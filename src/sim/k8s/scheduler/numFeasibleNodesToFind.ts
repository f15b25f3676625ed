/** `minFeasibleNodesToFind`: below this many nodes every node is checked. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** `minFeasibleNodesPercentageToFind`: the adaptive percentage never drops below this. */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * `numFeasibleNodesToFind`: how many feasible nodes to find before filtering
 * stops. With `percentageOfNodesToScore` 0 (the default) the percentage is
 * `max(50 − N/125, 5)` (integer division); never fewer than 100 nodes.
 * @example numFeasibleNodesToFind(5000) // 500
 */
export function numFeasibleNodesToFind(numAllNodes: number, percentageOfNodesToScore = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  return numNodes < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : numNodes;
}
