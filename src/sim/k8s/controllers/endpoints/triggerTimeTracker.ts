import { parseTimestamp } from '../../../engine/clock';
import type { PodObj, ServiceObj } from './podEndpoints';

/** `endpoints.kubernetes.io/last-change-trigger-time`. */
export const EndpointsLastChangeTriggerTime = 'endpoints.kubernetes.io/last-change-trigger-time';

interface ServiceState {
  lastPodTriggerTimes: Map<string, number>;
  lastServiceTriggerTime: number;
}

/** A pod's trigger time: when its Ready condition last moved (undefined without one). */
function podTriggerTime(pod: PodObj): number | undefined {
  if (!pod.status?.conditions) return undefined;
  for (const c of pod.status.conditions) if (c.type === 'Ready') return parseTimestamp(c.lastTransitionTime);
  return undefined;
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
    const state = this.states.get(key);
    let min: number | undefined;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const t = podTriggerTime(pod);
      if (t === undefined) continue;
      podTimes.set(pod.metadata.name, t);
      if (t > (state?.lastPodTriggerTimes.get(pod.metadata.name) ?? -Infinity) && (min === undefined || t < min)) min = t;
    }
    const serviceTime = parseTimestamp(service.metadata.creationTimestamp) ?? 0;
    if (serviceTime > (state?.lastServiceTriggerTime ?? -Infinity) && (min === undefined || serviceTime < min)) min = serviceTime;
    this.states.set(key, { lastPodTriggerTimes: podTimes, lastServiceTriggerTime: serviceTime });
    if (!state) return serviceTime;
    return min;
  }

  deleteService(key: string): void {
    this.states.delete(key);
  }
}
