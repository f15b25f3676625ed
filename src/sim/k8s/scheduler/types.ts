/** Why a pod went where it did: the last scheduling attempt, node by node. */
export interface SchedulingDecision {
  /** Virtual time of the attempt. */
  at: number;
  podUid: string;
  /** Chosen node, or undefined when the pod stayed Pending. */
  nodeName?: string;
  /** Nodes examined (the scheduler samples large clusters). */
  evaluatedNodes: number;
  totalNodes: number;
  /** Per evaluated node: the first failing filter and its reasons, or the per-plugin scores. */
  nodes: SchedulingNodeVerdict[];
  /** The FailedScheduling message when unschedulable. */
  message?: string;
  /** Nodes that passed every filter (scores are computed only when there are two or more). */
  feasibleNodes?: number;
  /**
   * True when the per-node detail was dropped to bound memory (only the most
   * recent decisions keep it): `nodes` then holds just the chosen node.
   */
  truncated?: boolean;
  /** Weight of each score plugin in `total` (Σ score × weight). */
  weights?: Record<string, number>;
  /**
   * DefaultPreemption made room: the node the pod was nominated to, the pods
   * evicted for it (`namespace/name`, most important first) with their
   * priorities, and the preemptor's own priority (kept: victims soon vanish).
   */
  preemption?: { nominatedNode: string; victims: string[]; victimPriorities: number[]; priority: number };
}

export interface SchedulingNodeVerdict {
  node: string;
  /** Undefined when the node passed every filter. */
  failedPlugin?: string;
  reasons?: string[];
  /** Plugin name → normalised score (0–100), before weights. */
  scores?: Record<string, number>;
  /** Σ score × weight. */
  total?: number;
}
