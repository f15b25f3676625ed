import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { isPodReady } from '../replicaset/podTally';

export type PodObj = KubeObject & Pod;
export type ServiceObj = KubeObject & Service;

export { isPodReady };

/**
 * `ShouldPodBeInEndpoints` (`k8s.io/endpointslice/util`): a pod is left out
 * when it is terminal (Succeeded/Failed), has no IP yet, or is terminating
 * and `includeTerminating` is false.
 */
export function shouldPodBeInEndpoints(pod: PodObj, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs?.length)) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** `IsServiceIPSet`: a ClusterIP that is neither empty nor `None` (headless). */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/** `ShouldSetHostname`: the pod names itself under this (headless) service through hostname + subdomain. */
export function shouldSetHostname(pod: PodObj, svc: ServiceObj): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === svc.metadata.name && svc.metadata.namespace === pod.metadata.namespace;
}

/**
 * `podutil.FindPort`: the container port a service port targets on this pod.
 * A number is taken as is; a name is looked up among the pod's container
 * ports (and its sidecars') with the same name and protocol. Undefined when
 * the pod has no such port: it is then left out for that service port.
 */
export function findPort(pod: Pod, svcPort: ServicePort): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === 'number') return target;
  const protocol = svcPort.protocol ?? 'TCP';
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

/** The pod's IPv4 address (the single-stack cluster's family). */
export function podIPv4(pod: Pod): string | undefined {
  const ips = pod.status?.podIPs;
  if (ips?.length) {
    for (const { ip } of ips) if (ip && !ip.includes(':')) return ip;
    return undefined;
  }
  const ip = pod.status?.podIP;
  return ip && !ip.includes(':') ? ip : undefined;
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  const ka = a ? Object.keys(a) : [];
  const kb = b ? Object.keys(b) : [];
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (a![k] !== b?.[k]) return false;
  return true;
}

function sameIPs(a: Pod, b: Pod): boolean {
  if (a.status?.podIP !== b.status?.podIP) return false;
  const x = a.status?.podIPs ?? [];
  const y = b.status?.podIPs ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i].ip !== y[i].ip) return false;
  return true;
}

/**
 * `podEndpointsChanged`: whether a pod update matters to endpoints.
 * `podChanged` — deletion timestamp, readiness, IPs or phase moved;
 * `labelsChanged` — labels, hostname or subdomain moved (service membership
 * may change).
 */
export function podEndpointsChanged(old: PodObj, pod: PodObj): { podChanged: boolean; labelsChanged: boolean } {
  const labelsChanged = !sameLabels(old.metadata.labels, pod.metadata.labels) || old.spec?.hostname !== pod.spec?.hostname || old.spec?.subdomain !== pod.spec?.subdomain;
  if (old.status === pod.status && old.metadata.deletionTimestamp === pod.metadata.deletionTimestamp) return { podChanged: false, labelsChanged };
  const podChanged =
    old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp || isPodReady(old) !== isPodReady(pod) || !sameIPs(old, pod) || old.status?.phase !== pod.status?.phase;
  return { podChanged, labelsChanged };
}
