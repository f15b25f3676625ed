import type { StructGroup } from './goStructOrder';
import { TYPED_OBJECT } from './goStructOrderMeta';

// Field orders of k8s.io/api/networking/v1 (types.go).

/** networking.k8s.io/v1: Ingress (`kubectl create ingress`). */
export const NETWORKING_STRUCTS: StructGroup = {
  apiVersion: 'networking.k8s.io/v1',
  kinds: ['Ingress'],
  structs: {
    Ingress: [...TYPED_OBJECT, 'spec:IngressSpec', 'status:IngressStatus'],
    IngressSpec: ['ingressClassName', 'defaultBackend:IngressBackend', 'tls:IngressTLS', 'rules:IngressRule'],
    IngressTLS: ['hosts', 'secretName'],
    // IngressRuleValue is inlined: its one field, http, sits beside host.
    IngressRule: ['host', 'http:HTTPIngressRuleValue'],
    HTTPIngressRuleValue: ['paths:HTTPIngressPath'],
    HTTPIngressPath: ['path', 'pathType', 'backend:IngressBackend'],
    IngressBackend: ['service:IngressServiceBackend', 'resource:TypedLocalObjectReference'],
    IngressServiceBackend: ['name', 'port:ServiceBackendPort'],
    ServiceBackendPort: ['name', 'number'],
    IngressStatus: ['loadBalancer:IngressLoadBalancerStatus'],
    IngressLoadBalancerStatus: ['ingress:IngressLoadBalancerIngress'],
    IngressLoadBalancerIngress: ['ip', 'hostname', 'ports:IngressPortStatus'],
    IngressPortStatus: ['port', 'protocol', 'error'],
  },
};
