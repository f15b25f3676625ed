/**
 * The HPA's replica calculation for a Resource metric with a Utilization
 * target (`replica_calculator.go`: GetResourceReplicas, groupPods,
 * GetResourceUtilizationRatio), as pure functions over plain pod facts.
 */

/** The tolerance around a ratio of 1 within which nothing changes (`--horizontal-pod-autoscaler-tolerance`). */
export const TOLERANCE = 0.1;
/** `--horizontal-pod-autoscaler-cpu-initialization-period`. */
export const CPU_INITIALIZATION_MS = 5 * 60_000;
/** `--horizontal-pod-autoscaler-initial-readiness-delay`. */
export const INITIAL_READINESS_DELAY_MS = 30_000;
/** The metric window metrics-server reports (a sample covers the 15 s before it). */
export const METRIC_WINDOW_MS = 15_000;

export interface PodFacts {
  name: string;
  phase: string;
  deleting: boolean;
  /** Sum of the containers' requests of the resource, in milli-units; undefined when a container has none. */
  request: number | undefined;
  /** Usage sample in milli-units, when metrics-server has one. */
  usage?: number;
  /** When the sample was taken. */
  sampleAt?: number;
  startTime?: number;
  ready?: { status: boolean; lastTransitionTime: number };
}

export type ReplicaResult =
  | { ok: true; replicas: number; utilization: number; rawUtilization: number; readyPodCount: number }
  | { ok: false; message: string };

/** `groupPods`: which pods count, which are ignored (not yet ready) and which lack metrics. */
export function groupPods(pods: readonly PodFacts[], resource: 'cpu' | 'memory', now: number): { ready: PodFacts[]; ignored: PodFacts[]; missing: PodFacts[] } {
  const ready: PodFacts[] = [];
  const ignored: PodFacts[] = [];
  const missing: PodFacts[] = [];
  for (const p of pods) {
    if (p.deleting || p.phase === 'Failed') continue;
    if (p.phase === 'Pending') {
      ignored.push(p);
      continue;
    }
    if (p.usage === undefined) {
      missing.push(p);
      continue;
    }
    if (resource === 'cpu') {
      if (!p.ready || p.startTime === undefined) {
        ignored.push(p);
        continue;
      }
      let unready: boolean;
      if (p.startTime + CPU_INITIALIZATION_MS > now) {
        // Still initializing: ignore when unready, or when the sample predates readiness plus one metric period.
        unready = !p.ready.status || (p.sampleAt ?? now) < p.ready.lastTransitionTime + METRIC_WINDOW_MS;
      } else {
        // After the initialization period: ignore pods that never became ready.
        unready = !p.ready.status && p.startTime + INITIAL_READINESS_DELAY_MS > p.ready.lastTransitionTime;
      }
      if (unready) {
        ignored.push(p);
        continue;
      }
    }
    ready.push(p);
  }
  return { ready, ignored, missing };
}

/** `GetResourceUtilizationRatio`: integer utilization (truncated) and its ratio to the target. */
export function utilizationRatio(pods: readonly PodFacts[], usage: (p: PodFacts) => number, target: number): { utilization: number; ratio: number } {
  let total = 0;
  let requests = 0;
  for (const p of pods) {
    total += usage(p);
    requests += p.request ?? 0;
  }
  const utilization = Math.trunc((total * 100) / requests);
  return { utilization, ratio: utilization / target };
}

/** `GetResourceReplicas` for a Utilization target (percent of request). */
export function resourceReplicas(currentReplicas: number, target: number, resource: 'cpu' | 'memory', pods: readonly PodFacts[], now: number): ReplicaResult {
  if (pods.length === 0) return { ok: false, message: 'no pods returned by selector while calculating replica count' };
  for (const p of pods) if (p.request === undefined && !p.deleting && p.phase !== 'Failed') return { ok: false, message: `missing request for ${resource} in container of Pod ${p.name}` };
  const { ready, ignored, missing } = groupPods(pods, resource, now);
  if (ready.length === 0) return { ok: false, message: 'did not receive metrics for targeted pods (pods might be unready)' };
  const first = utilizationRatio(ready, (p) => p.usage!, target);
  const usageRatio = first.ratio;
  const rebalanceIgnored = ignored.length > 0 && usageRatio > 1;
  if (!rebalanceIgnored && missing.length === 0) {
    if (Math.abs(1 - usageRatio) <= TOLERANCE) return { ok: true, replicas: currentReplicas, utilization: first.utilization, rawUtilization: first.utilization, readyPodCount: ready.length };
    return { ok: true, replicas: Math.ceil(usageRatio * ready.length), utilization: first.utilization, rawUtilization: first.utilization, readyPodCount: ready.length };
  }
  // Fill in missing pods (100 % of request when scaling down, 0 when scaling up) and, when scaling up, the ignored ones at 0.
  const all: { p: PodFacts; usage: number }[] = ready.map((p) => ({ p, usage: p.usage! }));
  for (const p of missing) all.push({ p, usage: usageRatio < 1 ? (p.request ?? 0) : 0 });
  if (rebalanceIgnored) for (const p of ignored) all.push({ p, usage: 0 });
  const next = utilizationRatio(
    all.map((x) => x.p),
    (p) => all.find((x) => x.p === p)!.usage,
    target,
  );
  const newRatio = next.ratio;
  if (Math.abs(1 - newRatio) <= TOLERANCE || (usageRatio < 1 && newRatio > 1) || (usageRatio > 1 && newRatio < 1)) {
    return { ok: true, replicas: currentReplicas, utilization: first.utilization, rawUtilization: first.utilization, readyPodCount: ready.length };
  }
  const replicas = Math.ceil(newRatio * all.length);
  if ((newRatio < 1 && replicas > currentReplicas) || (newRatio > 1 && replicas < currentReplicas)) {
    return { ok: true, replicas: currentReplicas, utilization: first.utilization, rawUtilization: first.utilization, readyPodCount: ready.length };
  }
  return { ok: true, replicas, utilization: first.utilization, rawUtilization: first.utilization, readyPodCount: ready.length };
}
