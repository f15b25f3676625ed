import type { Container, PodSpec } from 'kubernetes-types/core/v1';

/** The pod's QoS class as `pkg/apis/core/v1/helper/qos.GetPodQOS` computes it. */
export function podQOSClass(spec: PodSpec): QOSClass {
  // A workload's pods share their container's resources object: one answer per object.
  if (!spec.initContainers?.length && spec.containers?.length === 1) {
    const resources = spec.containers[0].resources;
    if (resources) {
      let qos = bySingleContainer.get(resources);
      if (qos === undefined) bySingleContainer.set(resources, (qos = computeQOSClass(spec)));
      return qos;
    }
  }
  return computeQOSClass(spec);
}

type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';
const bySingleContainer = new WeakMap<object, QOSClass>();

function computeQOSClass(spec: PodSpec): QOSClass {
  const containers: Container[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  const requests: Record<string, string | number> = {};
  const limits: Record<string, string | number> = {};
  let zeroQuantity = true;
  let isGuaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const [name, q] of Object.entries(req)) {
      if (name !== 'cpu' && name !== 'memory') continue;
      if (String(q) !== '0') zeroQuantity = false;
      requests[name] = q;
    }
    let qosLimitsFound = 0;
    for (const [name, q] of Object.entries(lim)) {
      if (name !== 'cpu' && name !== 'memory') continue;
      if (String(q) !== '0') zeroQuantity = false;
      qosLimitsFound++;
      limits[name] = q;
    }
    if (qosLimitsFound < 2) isGuaranteed = false;
    // Guaranteed requires requests equal to limits for cpu and memory in every container.
    for (const name of ['cpu', 'memory']) {
      if (req[name] !== undefined && lim[name] !== undefined && String(req[name]) !== String(lim[name])) isGuaranteed = false;
    }
  }
  if (zeroQuantity && Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  return isGuaranteed ? 'Guaranteed' : 'Burstable';
}
