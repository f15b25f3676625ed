import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { printTable } from '../table/printTable';
import { fakeContext, info } from '../testing/fakeContext';
import { NOW, ago } from '../testing/objects';
import { describe as describeObject } from './index';

const backend = (name: string, port: number | string) => ({ service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } });
const test: KubeObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'test', namespace: 'default', uid: 'ing-1', creationTimestamp: ago(45), annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } },
  spec: {
    defaultBackend: backend('default-http-backend', 80),
    tls: [{ hosts: ['foo.bar.com'], secretName: 'foo-tls' }],
    rules: [
      { host: 'foo.bar.com', http: { paths: [{ path: '/foo', pathType: 'Prefix', backend: backend('service1', 80) }] } },
      { host: 'bar.baz.com', http: { paths: [{ path: '/foo', pathType: 'Prefix', backend: backend('service2', 'http') }] } },
    ],
  },
  status: { loadBalancer: { ingress: [{ ip: '178.91.123.132' }] } },
};
const svc = (name: string, ports: Record<string, unknown>[]): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ports } });
const eps = (name: string, ip: string, ports: Record<string, unknown>[]): KubeObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: 'default' }, subsets: [{ addresses: [{ ip }], ports }] });
const world = [
  test,
  svc('default-http-backend', [{ port: 80, targetPort: 8080 }]),
  eps('default-http-backend', '10.8.2.3', [{ port: 8080 }]),
  svc('service1', [{ port: 80 }]),
  eps('service1', '10.8.0.90', [{ port: 80 }]),
  svc('service2', [{ name: 'http', port: 80 }, { name: 'metrics', port: 9090 }]),
  eps('service2', '10.8.0.91', [{ name: 'http', port: 80 }, { name: 'metrics', port: 9090 }]),
];

describe('Ingress printing', () => {
  it('kubectl get ingress: class <none>, hosts joined, TLS adds 443', () => {
    const more = { ...test, metadata: { ...test.metadata, name: 'many' }, spec: { ingressClassName: 'nginx', rules: ['a', 'b', 'c', 'd', 'e'].map((h) => ({ host: `${h}.test` })) }, status: { loadBalancer: {} } };
    expect(printTable(info('ingresses.networking.k8s.io'), [more, test], {}, fakeContext([], NOW))).toBe(
      ['NAME   CLASS    HOSTS                              ADDRESS          PORTS     AGE', 'many   nginx    a.test,b.test,c.test + 2 more...                    80        45s', 'test   <none>   foo.bar.com,bar.baz.com            178.91.123.132   80, 443   45s', ''].join('\n'),
    );
  });

  it('kubectl describe ingress: backends as svc:port (endpoints of that service port), TLS, annotations', () => {
    expect(describeObject(info('ingresses.networking.k8s.io'), test, fakeContext(world, NOW))).toBe(
      [
        'Name:             test',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          178.91.123.132',
        'Ingress Class:    <none>',
        'Default backend:  default-http-backend:80 (10.8.2.3:8080)',
        'TLS:',
        '  foo-tls terminates foo.bar.com',
        'Rules:',
        '  Host         Path  Backends',
        '  ----         ----  --------',
        '  foo.bar.com  ',
        '               /foo   service1:80 (10.8.0.90:80)',
        '  bar.baz.com  ',
        '               /foo   service2:http (10.8.0.91:80)',
        // One tabwriter block from `Rules:` on: the annotations and events align with the host column.
        'Annotations:   nginx.ingress.kubernetes.io/rewrite-target: /',
        'Events:        <none>',
        '',
      ].join('\n'),
    );
  });

  it('a backend without Endpoints shows the lookup error', () => {
    const lonely = { ...test, spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('gone', 80) }] } }] } };
    expect(describeObject(info('ingresses.networking.k8s.io'), lonely, fakeContext([], NOW))).toContain('  *           \n              /   gone:80 (<error: services "gone" not found>)\n');
  });

  it('kubectl get priorityclass and ingressclass', () => {
    const pc: KubeObject = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high-priority', creationTimestamp: ago(60) }, value: 1000000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' };
    expect(printTable(info('priorityclasses.scheduling.k8s.io'), [pc], {}, fakeContext([], NOW))).toBe('NAME            VALUE     GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY\nhigh-priority   1000000   false            60s   PreemptLowerPriority\n');
    const ic: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'external-lb', creationTimestamp: ago(60) }, spec: { controller: 'example.com/ingress-controller', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb', scope: 'Cluster' } } };
    expect(printTable(info('ingressclasses.networking.k8s.io'), [ic], {}, fakeContext([], NOW))).toBe('NAME          CONTROLLER                       PARAMETERS                                      AGE\nexternal-lb   example.com/ingress-controller   IngressParameters.k8s.example.com/external-lb   60s\n');
  });
});
