import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { fakeContext, info } from '../testing/fakeContext';
import { NOW } from '../testing/objects';
import { describe as describeObject } from './index';

describe('kubectl describe namespace, serviceaccount and the generic describer', () => {
  it('prints a namespace with the quota and limit range notes', () => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', uid: 'ns1', labels: { 'kubernetes.io/metadata.name': 'default' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } } as unknown as KubeObject;
    expect(describeObject(info('namespaces'), ns, fakeContext([ns], NOW))).toBe(`Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`);
  });

  it('prints a service account without secrets', () => {
    const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default', uid: 'sa1' } } as unknown as KubeObject;
    expect(describeObject(info('serviceaccounts'), sa, fakeContext([sa], NOW))).toBe(`Name:                default
Namespace:           default
Labels:              <none>
Annotations:         <none>
Image pull secrets:  <none>
Mountable secrets:   <none>
Tokens:              <none>
Events:              <none>
`);
  });

  it('prints a Lease through the generic describer with smart labels', () => {
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: 'worker-1',
        namespace: 'kube-node-lease',
        uid: '5f0d5e44-1b7c-4f36-9d53-0d1c8d2b4a11',
        resourceVersion: '512',
        creationTimestamp: '2025-01-06T14:00:00Z',
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'worker-1', uid: '6a1c2f70-8d7e-4c5b-a9f1-1f3e5d7c9b20' }],
        managedFields: [{ manager: 'kubelet' }],
      },
      spec: { holderIdentity: 'worker-1', leaseDurationSeconds: 40, renewTime: '2025-01-06T14:23:55.123456Z' },
    } as unknown as KubeObject;
    expect(describeObject(info('leases.coordination.k8s.io'), lease, fakeContext([lease], NOW))).toBe(`Name:         worker-1
Namespace:    kube-node-lease
Labels:       <none>
Annotations:  <none>
API Version:  coordination.k8s.io/v1
Kind:         Lease
Metadata:
  Creation Timestamp:  2025-01-06T14:00:00Z
  Owner References:
    API Version:     v1
    Kind:            Node
    Name:            worker-1
    UID:             6a1c2f70-8d7e-4c5b-a9f1-1f3e5d7c9b20
  Resource Version:  512
  UID:               5f0d5e44-1b7c-4f36-9d53-0d1c8d2b4a11
Spec:
  Holder Identity:         worker-1
  Lease Duration Seconds:  40
  Renew Time:              2025-01-06T14:23:55.123456Z
Events:                    <none>
`);
  });

  it('prints an Event through the generic describer, nulls as <nil>', () => {
    const ev = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web-1.181', namespace: 'default', uid: 'e1', creationTimestamp: '2025-01-06T14:23:00Z' },
      involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default' },
      reason: 'Scheduled',
      message: 'Successfully assigned default/web-1 to worker-1',
      source: {},
      firstTimestamp: null,
      count: 1,
      type: 'Normal',
    } as unknown as KubeObject;
    expect(describeObject(info('events'), ev, fakeContext([ev], NOW))).toBe(`Name:             web-1.181
Namespace:        default
Labels:           <none>
Annotations:      <none>
API Version:      v1
Count:            1
First Timestamp:  <nil>
Involved Object:
  Kind:       Pod
  Name:       web-1
  Namespace:  default
Kind:         Event
Message:      Successfully assigned default/web-1 to worker-1
Metadata:
  Creation Timestamp:  2025-01-06T14:23:00Z
  UID:                 e1
Reason:                Scheduled
Source:
Type:    Normal
Events:  <none>
`);
  });
});
