import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { addResourceList, cmpQuantity, maxResourceList, resourceList, ZERO, addQuantity, type ResourceList } from './quantityMath';

/**
 * kubectl's `PodRequestsAndLimits` (util/resource): containers summed,
 * init containers as a maximum (sidecars added to both), plus overhead.
 */
function podTotals(spec: PodSpec, pick: (c: Container) => unknown): ResourceList {
  const total: ResourceList = {};
  for (const c of spec.containers ?? []) addResourceList(total, resourceList(pick(c)));
  const restartable: ResourceList = {};
  const initMax: ResourceList = {};
  for (const c of spec.initContainers ?? []) {
    let reqs = resourceList(pick(c));
    if (c.restartPolicy === 'Always') {
      addResourceList(total, reqs);
      addResourceList(restartable, reqs);
      reqs = { ...restartable };
    } else {
      const tmp: ResourceList = {};
      addResourceList(tmp, reqs);
      addResourceList(tmp, restartable);
      reqs = tmp;
    }
    maxResourceList(initMax, reqs);
  }
  maxResourceList(total, initMax);
  if (spec.overhead) addResourceList(total, resourceList(spec.overhead));
  return total;
}

/** `resourcehelper.PodRequestsAndLimits`: summed requests and limits, init containers and overhead included. */
export function podRequestsAndLimits(spec: PodSpec): { requests: ResourceList; limits: ResourceList } {
  return { requests: podTotals(spec, (c) => c.resources?.requests), limits: podTotals(spec, (c) => c.resources?.limits) };
}

/** `qos.GetPodQOS`: status.qosClass when set, else `ComputePodQOS` over cpu and memory. */
export function podQOS(spec: PodSpec, statusQos: string | undefined): string {
  if (statusQos) return statusQos;
  const requests: ResourceList = {};
  const limits: ResourceList = {};
  let guaranteed = true;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    for (const [name, q] of Object.entries(resourceList(c.resources?.requests))) {
      if (name !== 'cpu' && name !== 'memory') continue;
      if (cmpQuantity(q, ZERO) > 0) requests[name] = requests[name] ? addQuantity(q, requests[name]) : q;
    }
    const found = new Set<string>();
    for (const [name, q] of Object.entries(resourceList(c.resources?.limits))) {
      if (name !== 'cpu' && name !== 'memory') continue;
      if (cmpQuantity(q, ZERO) > 0) {
        found.add(name);
        limits[name] = limits[name] ? addQuantity(q, limits[name]) : q;
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of Object.entries(requests)) {
      const lim = limits[name];
      if (!lim || cmpQuantity(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  if (guaranteed && Object.keys(requests).length === Object.keys(limits).length) return 'Guaranteed';
  return 'Burstable';
}
