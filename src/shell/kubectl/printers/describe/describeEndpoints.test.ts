import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { fakeContext, info } from '../testing/fakeContext';
import { NOW, ago } from '../testing/objects';
import { describe as describeObject } from './index';

describe('kubectl describe endpoints / endpointslice', () => {
  it('prints each subset with its ready and not-ready addresses and ports', () => {
    const ep = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default', uid: 'ep-1', creationTimestamp: ago(60), labels: { app: 'web' }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2025-03-01T09:00:03Z' } },
      subsets: [{ addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.2.2' }], notReadyAddresses: [{ ip: '10.244.3.2' }], ports: [{ port: 80, protocol: 'TCP' }] }],
    } as unknown as KubeObject;
    expect(describeObject(info('endpoints'), ep, fakeContext([ep], NOW))).toBe(`Name:         web
Namespace:    default
Labels:       app=web
Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2025-03-01T09:00:03Z
Subsets:
  Addresses:          10.244.1.2,10.244.2.2
  NotReadyAddresses:  10.244.3.2
  Ports:
    Name     Port  Protocol
    ----     ----  --------
    <unset>  80    TCP

Events:  <none>
`);
  });

  it('prints a slice with its ports and each endpoint', () => {
    const eps = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-x2x9k', namespace: 'default', uid: 'eps-1', creationTimestamp: ago(60), labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.244.1.2'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'worker-1', targetRef: { kind: 'Pod', name: 'web-5d7c9-abcde', namespace: 'default' } }],
    } as unknown as KubeObject;
    expect(describeObject(info('endpointslices.discovery.k8s.io'), eps, fakeContext([eps], NOW))).toBe(`Name:         web-x2x9k
Namespace:    default
Labels:       kubernetes.io/service-name=web
Annotations:  <none>
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  <unset>  80    TCP
Endpoints:
  - Addresses:  10.244.1.2
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-5d7c9-abcde
    NodeName:   worker-1
    Zone:       <unset>
Events:         <none>
`);
  });
});
