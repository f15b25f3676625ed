import { parseTimestamp } from '../../../engine/clock';
import type { PodObj, ServiceObj } from './podEndpoints';

/** `endpoints.kubernetes.io/last-change-trigger-time`. */
export const EndpointsLastChangeTriggerTime = 'endpoints.kubernetes.io/last-change-trigger-time';

interface ServiceState {
  /** Each pod's trigger time at the last sync, with the sync (epoch) that saw it. */
  lastPodTriggerTimes: Map<string, { t: number; seen: number }>;
  lastServiceTriggerTime: number;
  epoch: number;
}

const podTimes = new WeakMap<PodObj, number | null>();

/** A pod's trigger time: when its Ready condition last moved (undefined without one). */
function podTriggerTime(pod: PodObj): number | undefined {
  let t = podTimes.get(pod);
  if (t === undefined) {
    t = null;
    for (const c of pod.status?.conditions ?? []) if (c.type === 'Ready') t = parseTimestamp(c.lastTransitionTime) ?? null;
    podTimes.set(pod, t);
  }
  return t ?? undefined;
}

/**
 * `TriggerTimeTracker` (`pkg/controller/util/endpoint`): the time of the
 * earliest change not yet written to a service's endpoints — the value of
 * the `last-change-trigger-time` annotation. A new service reports its
 * creation time; a sync that saw no newer pod or service change reports
 * nothing (the annotation is then removed).
 */
export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  /** `ComputeEndpointLastChangeTriggerTime`, in ms; undefined is Go's zero time. */
  compute(key: string, service: ServiceObj, pods: readonly PodObj[]): number | undefined {
    const known = this.states.get(key);
    const state: ServiceState = known ?? { lastPodTriggerTimes: new Map(), lastServiceTriggerTime: -Infinity, epoch: 0 };
    const epoch = ++state.epoch;
    let min: number | undefined;
    let seen = 0;
    for (const pod of pods) {
      const t = podTriggerTime(pod);
      if (t === undefined) continue;
      const last = state.lastPodTriggerTimes.get(pod.metadata.name);
      if (t > (last?.t ?? -Infinity) && (min === undefined || t < min)) min = t;
      if (last) {
        last.t = t;
        last.seen = epoch;
      } else state.lastPodTriggerTimes.set(pod.metadata.name, { t, seen: epoch });
      seen++;
    }
    // pods gone since the last sync are forgotten (a pod of the same name later is new)
    if (state.lastPodTriggerTimes.size > seen) for (const [name, v] of state.lastPodTriggerTimes) if (v.seen !== epoch) state.lastPodTriggerTimes.delete(name);
    const serviceTime = parseTimestamp(service.metadata.creationTimestamp) ?? 0;
    if (serviceTime > state.lastServiceTriggerTime && (min === undefined || serviceTime < min)) min = serviceTime;
    state.lastServiceTriggerTime = serviceTime;
    if (!known) {
      this.states.set(key, state);
      return serviceTime;
    }
    return min;
  }

  deleteService(key: string): void {
    this.states.delete(key);
  }
}
