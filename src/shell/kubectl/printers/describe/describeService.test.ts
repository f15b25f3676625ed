import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { fakeContext, info } from '../testing/fakeContext';
import { NOW, ago } from '../testing/objects';
import { describe as describeObject } from './index';

function service(name: string, spec: Record<string, unknown>, status: Record<string, unknown> = { loadBalancer: {} }, labels?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', uid: `svc-${name}`, creationTimestamp: ago(600), labels },
    spec: { sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster', ...spec },
    status,
  } as unknown as KubeObject;
}

/** An EndpointSlice of `service` as the EndpointSlice controller writes it. */
function slice(service: string, ports: { name?: string; port: number }[], endpoints: [ip: string, ready: boolean][]): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${service}-x2x9k`, namespace: 'default', labels: { 'kubernetes.io/service-name': service, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } },
    addressType: 'IPv4',
    ports: ports.length ? ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: 'TCP' })) : null,
    endpoints: endpoints.length ? endpoints.map(([ip, ready]) => ({ addresses: [ip], conditions: { ready, serving: ready, terminating: false } })) : null,
  } as unknown as KubeObject;
}

describe('kubectl describe service', () => {
  // Real output (minikube, 2025): a LoadBalancer without ingress, three ready endpoints.
  it('prints a LoadBalancer service with its node port and endpoints', () => {
    const svc = service('app-service-loadbalancer', {
      type: 'LoadBalancer',
      selector: { app: 'app-pod' },
      clusterIP: '10.110.110.138',
      clusterIPs: ['10.110.110.138'],
      ports: [{ port: 8080, targetPort: 80, nodePort: 31830, protocol: 'TCP' }],
      externalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
    });
    const eps = slice('app-service-loadbalancer', [{ port: 80 }], [['10.244.0.22', true], ['10.244.0.21', true], ['10.244.0.20', true]]);
    expect(describeObject(info('services'), svc, fakeContext([svc, eps], NOW))).toBe(`Name:                     app-service-loadbalancer
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=app-pod
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.110.110.138
IPs:                      10.110.110.138
Port:                     <unset>  8080/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  31830/TCP
Endpoints:                10.244.0.22:80,10.244.0.21:80,10.244.0.20:80
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  // Real output (k3s guestbook): a NodePort service whose selector matches no ready pod (its slice is the empty placeholder).
  it('prints an empty Endpoints line when the selector matches nothing', () => {
    const svc = service('frontend', { type: 'NodePort', selector: { app: 'guestbook', tier: 'frontend' }, clusterIP: '10.43.123.109', clusterIPs: ['10.43.123.109'], ports: [{ port: 80, targetPort: 80, nodePort: 30009, protocol: 'TCP' }], externalTrafficPolicy: 'Cluster' }, { loadBalancer: {} }, {
      app: 'guestbook',
      tier: 'frontend',
    });
    expect(describeObject(info('services'), svc, fakeContext([svc, slice('frontend', [], [])], NOW))).toBe(`Name:                     frontend
Namespace:                default
Labels:                   app=guestbook
                          tier=frontend
Annotations:              <none>
Selector:                 app=guestbook,tier=frontend
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.43.123.109
IPs:                      10.43.123.109
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  30009/TCP
Endpoints:                
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  it('lists the endpoints of the port with the same name and cuts the list after three', () => {
    const svc = service('web', { type: 'ClusterIP', selector: { app: 'web' }, clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] });
    const eps = slice('web', [{ name: 'http', port: 80 }], ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'].map((ip) => [ip, true]));
    const out = describeObject(info('services'), svc, fakeContext([svc, eps], NOW));
    expect(out).toContain('Port:                     http  80/TCP\nTargetPort:               http/TCP\nEndpoints:                10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...\n');
  });

  it('keeps kubectl\'s quirk: a not-ready endpoint after the third ready one prints "+ 0 more..."', () => {
    const svc = service('web', { type: 'ClusterIP', selector: { app: 'web' }, clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] });
    const eps = slice('web', [{ port: 80 }], [['10.0.0.1', true], ['10.0.0.2', true], ['10.0.0.3', true], ['10.0.0.4', false]]);
    expect(describeObject(info('services'), svc, fakeContext([svc, eps], NOW))).toContain('Endpoints:                10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 0 more...\n');
  });
});
