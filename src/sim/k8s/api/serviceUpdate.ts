import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { deepEqual } from './objectDiff';

type Spec = NonNullable<Service['spec']>;

/** `needsClusterIP`: every type but ExternalName has a cluster IP (or None). */
export function needsClusterIP(spec: Spec | undefined): boolean {
  return (spec?.type ?? 'ClusterIP') !== 'ExternalName';
}

/** `needsNodePort`: NodePort, and LoadBalancer unless allocateLoadBalancerNodePorts is false. */
export function needsNodePort(spec: Spec | undefined): boolean {
  const type = spec?.type ?? 'ClusterIP';
  return type === 'NodePort' || (type === 'LoadBalancer' && spec?.allocateLoadBalancerNodePorts !== false);
}

const clusterIPsOf = (s: Spec | undefined) => s?.clusterIPs ?? (s?.clusterIP ? [s.clusterIP] : []);
const nodePortsOf = (s: Spec | undefined) => (s?.ports ?? []).map((p) => p.nodePort ?? 0);

/**
 * The Service REST strategy on update (`patchAllocatedValues` then
 * `dropTypeDependentFields`, `pkg/registry/core/service`): an update that
 * leaves out the cluster IP or a node port keeps the allocated one, and a
 * change of type wipes what the new type no longer uses — cluster IP and IP
 * families for ExternalName, node ports for ClusterIP, the load-balancer
 * status for non-LoadBalancers — when the user did not touch those fields.
 * Returns the new spec and status (the input is not mutated).
 */
export function prepareServiceUpdate(next: Service, old: Service): { spec: Spec; status: Service['status'] } {
  const spec: Spec = { ...next.spec, ports: next.spec?.ports?.map((p) => ({ ...p })) };
  if (!spec.ports) delete spec.ports;
  const oldSpec = old.spec ?? {};
  // patchAllocatedValues
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (!spec.clusterIPs?.length && oldSpec.clusterIPs?.length) spec.clusterIPs = oldSpec.clusterIPs;
  }
  if (needsNodePort(oldSpec) && needsNodePort(spec)) {
    const used = new Set(nodePortsOf(spec).filter((n) => n));
    const byKey = new Map((oldSpec.ports ?? []).map((p) => [`${p.name ?? ''}/${p.protocol ?? 'TCP'}`, p.nodePort ?? 0]));
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const oldVal = byKey.get(`${p.name ?? ''}/${p.protocol ?? 'TCP'}`) ?? 0;
      if (oldVal && !used.has(oldVal)) p.nodePort = oldVal;
    }
  }
  // dropTypeDependentFields
  if (needsClusterIP(oldSpec) && !needsClusterIP(spec)) {
    if (deepEqual(clusterIPsOf(oldSpec), clusterIPsOf(spec))) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (deepEqual(oldSpec.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if (oldSpec.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
    if (oldSpec.internalTrafficPolicy === spec.internalTrafficPolicy) delete spec.internalTrafficPolicy;
  }
  if (needsNodePort(oldSpec) && !needsNodePort(spec) && deepEqual(nodePortsOf(oldSpec), nodePortsOf(spec))) {
    for (const p of spec.ports ?? []) delete (p as ServicePort & { nodePort?: number }).nodePort;
  }
  const newType = spec.type ?? 'ClusterIP';
  if (oldSpec.type === 'LoadBalancer' && newType !== 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === oldSpec.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
  const externallyAccessible = (s: Spec) => s.type === 'NodePort' || s.type === 'LoadBalancer' || ((s.externalIPs ?? []).length > 0 && s.type !== 'ExternalName');
  if (externallyAccessible(oldSpec) && !externallyAccessible(spec) && oldSpec.externalTrafficPolicy === spec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  const status = newType === 'LoadBalancer' ? next.status : { ...next.status, loadBalancer: {} };
  return { spec, status };
}
