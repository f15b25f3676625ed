/**
 * The virtual time one scheduling cycle takes: 1 ms, plus 1 ms per 500
 * nodes the filters checked. On the default 4-node cluster that is 1 ms a
 * pod; at 5,000 nodes (500 sampled) 2 ms, 500 pods/s — above the 400 pods/s
 * floor real kube-scheduler must sustain at that size in the Kubernetes
 * scalability tests (ClusterLoader2 `scheduler-throughput`), which a slower
 * model would fail. An unschedulable pod checks every node: 11 ms at 5,000
 * nodes.
 */
export function cycleCostMs(evaluatedNodes: number): number {
  return 1 + Math.floor(evaluatedNodes / 500);
}
