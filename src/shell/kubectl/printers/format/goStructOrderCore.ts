import type { StructGroup } from './goStructOrder';
import { TYPED_OBJECT } from './goStructOrderMeta';
import { POD_STATUS_STRUCTS, POD_STRUCTS } from './goStructOrderPod';
import { VOLUME_STRUCTS } from './goStructOrderVolume';

// Field orders of k8s.io/api/core/v1 (types.go).

/** v1: Pod (`kubectl run`), Service, ConfigMap, Secret, Namespace, ServiceAccount, ResourceQuota. */
export const CORE_STRUCTS: StructGroup = {
  apiVersion: 'v1',
  kinds: ['Pod', 'Service', 'ConfigMap', 'Secret', 'Namespace', 'ServiceAccount', 'ResourceQuota'],
  structs: {
    ...POD_STRUCTS,
    ...POD_STATUS_STRUCTS,
    ...VOLUME_STRUCTS,
    Pod: [...TYPED_OBJECT, 'spec:PodSpec', 'status:PodStatus'],
    Service: [...TYPED_OBJECT, 'spec:ServiceSpec', 'status:ServiceStatus'],
    ServiceSpec: [
      'ports:ServicePort', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP',
      'loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses',
      'sessionAffinityConfig:SessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass',
      'internalTrafficPolicy', 'trafficDistribution'
    ],
    ServicePort: ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'],
    SessionAffinityConfig: ['clientIP:ClientIPConfig'],
    ClientIPConfig: ['timeoutSeconds'],
    ServiceStatus: ['loadBalancer:LoadBalancerStatus', 'conditions:Condition'],
    LoadBalancerStatus: ['ingress:LoadBalancerIngress'],
    LoadBalancerIngress: ['ip', 'hostname', 'ipMode', 'ports:PortStatus'],
    PortStatus: ['port', 'protocol', 'error'],
    ConfigMap: [...TYPED_OBJECT, 'immutable', 'data', 'binaryData'],
    Secret: [...TYPED_OBJECT, 'immutable', 'data', 'stringData', 'type'],
    Namespace: [...TYPED_OBJECT, 'spec:NamespaceSpec', 'status:NamespaceStatus'],
    NamespaceSpec: ['finalizers'],
    NamespaceStatus: ['phase', 'conditions:NamespaceCondition'],
    NamespaceCondition: ['type', 'status', 'lastTransitionTime', 'reason', 'message'],
    ServiceAccount: [...TYPED_OBJECT, 'secrets:ObjectReference', 'imagePullSecrets:LocalObjectReference', 'automountServiceAccountToken'],
    ResourceQuota: [...TYPED_OBJECT, 'spec:ResourceQuotaSpec', 'status:ResourceQuotaStatus'],
    ResourceQuotaSpec: ['hard', 'scopes', 'scopeSelector:ScopeSelector'],
    ScopeSelector: ['matchExpressions:ScopedResourceSelectorRequirement'],
    ScopedResourceSelectorRequirement: ['scopeName', 'operator', 'values'],
    ResourceQuotaStatus: ['hard', 'used'],
    ObjectReference: ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'],
    LocalObjectReference: ['name'],
    TypedLocalObjectReference: ['apiGroup', 'kind', 'name'],
  },
};
