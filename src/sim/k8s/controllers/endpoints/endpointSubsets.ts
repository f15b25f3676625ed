import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import { findPort, isPodReady, podIPv4, shouldPodBeInEndpoints, shouldSetHostname, type PodObj, type ServiceObj } from './podEndpoints';
import { lessEndpointAddress, repackSubsets } from './repackSubsets';

/** What one pod contributes to a service's Endpoints. */
export interface PodAddress {
  address: EndpointAddress;
  /** Under `addresses` (Ready, or the service publishes not-ready addresses) rather than `notReadyAddresses`. */
  ready: boolean;
  /** The service ports this pod serves, resolved to its container ports (empty for a port-less headless service). */
  ports: EndpointPort[];
  /** The same ports as a string, to group pods cheaply. */
  portsKey: string;
}

/**
 * A pod's address for a service (`podToEndpointAddressForService`, the
 * hostname rule and `FindPort` per service port), or undefined when the pod
 * is no endpoint of it: terminal, without an IP, terminating (unless the
 * service publishes not-ready addresses), or serving none of its ports.
 */
export function podAddress(service: ServiceObj, pod: PodObj): PodAddress | undefined {
  const tolerateUnready = service.spec?.publishNotReadyAddresses === true;
  if (!shouldPodBeInEndpoints(pod, tolerateUnready)) return undefined;
  const ip = podIPv4(pod);
  if (!ip) return undefined;
  const address: EndpointAddress = { ip, nodeName: pod.spec?.nodeName ?? '', targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid } };
  if (shouldSetHostname(pod, service)) address.hostname = pod.spec!.hostname;
  const svcPorts = service.spec?.ports ?? [];
  const ports: EndpointPort[] = [];
  for (const sp of svcPorts) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    // an empty port name is omitted (`omitempty`)
    const epp: EndpointPort = sp.name ? { name: sp.name, port, protocol: sp.protocol ?? 'TCP' } : { port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) epp.appProtocol = sp.appProtocol;
    ports.push(epp);
  }
  // a headless service may have no ports; any other service needs one the pod serves
  if (ports.length === 0 && !(svcPorts.length === 0 && service.spec?.clusterIP === 'None')) return undefined;
  const portsKey = ports.map((p) => `${p.name ?? ''}/${p.port}/${p.protocol}/${p.appProtocol ?? ''}`).join(';');
  return { address, ready: tolerateUnready || isPodReady(pod), ports, portsKey };
}

/**
 * The subsets the Endpoints controller computes for a service (the loop of
 * `syncService` + `addEndpointSubset` + `RepackSubsets`): every eligible
 * pod's address, under `addresses` when the pod is Ready (or the service
 * publishes not-ready addresses) and `notReadyAddresses` otherwise, once per
 * service port it can serve. `addressOf` may memoize `podAddress`.
 */
export function endpointSubsets(service: ServiceObj, pods: readonly PodObj[], addressOf: (pod: PodObj) => PodAddress | undefined = (pod) => podAddress(service, pod)): EndpointSubset[] {
  const entries: PodAddress[] = [];
  for (const pod of pods) {
    const a = addressOf(pod);
    if (a) entries.push(a);
  }
  if (entries.length === 0) return [];
  // The common case, every pod serving the same ports: one subset, as RepackSubsets would make it.
  if (entries.every((e) => e.portsKey === entries[0].portsKey)) {
    const subset: EndpointSubset = {};
    const ready = entries.filter((e) => e.ready).map((e) => e.address).sort(lessEndpointAddress);
    const notReady = entries.filter((e) => !e.ready).map((e) => e.address).sort(lessEndpointAddress);
    if (ready.length) subset.addresses = ready;
    if (notReady.length) subset.notReadyAddresses = notReady;
    if (entries[0].ports.length) subset.ports = entries[0].ports;
    return [subset];
  }
  const subsets: EndpointSubset[] = [];
  for (const e of entries) {
    const ports: (EndpointPort | undefined)[] = e.ports.length ? e.ports : [undefined];
    for (const p of ports) subsets.push({ ...(e.ready ? { addresses: [e.address] } : { notReadyAddresses: [e.address] }), ports: p ? [p] : [] });
  }
  return repackSubsets(subsets);
}
