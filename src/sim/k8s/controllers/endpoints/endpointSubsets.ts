import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import { findPort, isPodReady, podIPv4, shouldPodBeInEndpoints, shouldSetHostname, type PodObj, type ServiceObj } from './podEndpoints';
import { repackSubsets } from './repackSubsets';

/** `podToEndpointAddressForService`: the pod's IP, node and a reference back to it. */
function podToEndpointAddress(pod: PodObj, ip: string): EndpointAddress {
  return {
    ip,
    nodeName: pod.spec?.nodeName ?? '',
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
}

/**
 * The subsets the Endpoints controller computes for a service (the loop of
 * `syncService` + `addEndpointSubset` + `RepackSubsets`): every eligible
 * pod's address, under `addresses` when the pod is Ready (or the service
 * publishes not-ready addresses) and `notReadyAddresses` otherwise, once per
 * service port it can serve. Terminating pods are left out unless the
 * service publishes not-ready addresses.
 */
export function endpointSubsets(service: ServiceObj, pods: readonly PodObj[]): EndpointSubset[] {
  const tolerateUnready = service.spec?.publishNotReadyAddresses === true;
  const ports = service.spec?.ports ?? [];
  const headless = service.spec?.clusterIP === 'None';
  const subsets: EndpointSubset[] = [];
  const add = (pod: PodObj, epa: EndpointAddress, epp: EndpointPort | undefined) => {
    const subset: EndpointSubset = tolerateUnready || isPodReady(pod) ? { addresses: [epa] } : { notReadyAddresses: [epa] };
    subset.ports = epp ? [epp] : [];
    subsets.push(subset);
  };
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const ip = podIPv4(pod);
    if (!ip) continue;
    const epa = podToEndpointAddress(pod, ip);
    if (shouldSetHostname(pod, service)) epa.hostname = pod.spec!.hostname;
    if (ports.length === 0) {
      // a headless service may have no ports
      if (headless) add(pod, epa, undefined);
      continue;
    }
    for (const sp of ports) {
      const portNum = findPort(pod, sp);
      if (portNum === undefined) continue;
      // an empty port name is omitted (`omitempty`)
      const epp: EndpointPort = sp.name ? { name: sp.name, port: portNum, protocol: sp.protocol ?? 'TCP' } : { port: portNum, protocol: sp.protocol ?? 'TCP' };
      if (sp.appProtocol) epp.appProtocol = sp.appProtocol;
      add(pod, epa, epp);
    }
  }
  return repackSubsets(subsets);
}
