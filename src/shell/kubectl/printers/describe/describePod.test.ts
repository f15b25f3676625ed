import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { fakeContext, info } from '../testing/fakeContext';
import { NOW, ago } from '../testing/objects';
import { describe as describeObject } from './index';

const POD_UID = '0b7ef8a4-6b0e-4b3e-9a57-3d7c5a1e2f10';

const imagePullPod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'new-replica-set-2r2rv',
    generateName: 'new-replica-set-',
    namespace: 'default',
    uid: POD_UID,
    creationTimestamp: '2025-01-06T14:19:09Z',
    labels: { name: 'busybox-pod' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'new-replica-set', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
  },
  spec: {
    containers: [
      {
        name: 'busybox-container',
        image: 'busybox777',
        command: ['sh', '-c', 'echo Hello Kubernetes! && sleep 3600'],
        resources: {},
        imagePullPolicy: 'Always',
        volumeMounts: [{ name: 'kube-api-access-jmdsx', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
      },
    ],
    volumes: [
      {
        name: 'kube-api-access-jmdsx',
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
        },
      },
    ],
    restartPolicy: 'Always',
    serviceAccountName: 'default',
    nodeName: 'controlplane',
    priority: 0,
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  },
  status: {
    phase: 'Pending',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: '2025-01-06T14:19:12Z' },
      { type: 'Initialized', status: 'True', lastTransitionTime: '2025-01-06T14:19:09Z' },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', lastTransitionTime: '2025-01-06T14:19:09Z' },
      { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', lastTransitionTime: '2025-01-06T14:19:09Z' },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: '2025-01-06T14:19:09Z' },
    ],
    hostIP: '192.168.44.33',
    podIP: '10.42.0.10',
    podIPs: [{ ip: '10.42.0.10' }],
    startTime: '2025-01-06T14:19:09Z',
    containerStatuses: [{ name: 'busybox-container', state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "busybox777"' } }, lastState: {}, ready: false, restartCount: 0, image: 'busybox777', imageID: '', started: false }],
    qosClass: 'BestEffort',
  },
} as KubeObject;

function kubeletEvent(name: string, type: string, reason: string, message: string, first: number, last: number, count: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `new-replica-set-2r2rv.${name}`, namespace: 'default', uid: `ev-${name}` },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'new-replica-set-2r2rv', uid: POD_UID, apiVersion: 'v1', fieldPath: 'spec.containers{busybox-container}' },
    reason,
    message,
    source: { component: 'kubelet', host: 'controlplane' },
    firstTimestamp: ago(first),
    lastTimestamp: ago(last),
    count,
    type,
    eventTime: null,
    reportingComponent: 'kubelet',
    reportingInstance: 'controlplane',
  } as unknown as KubeObject;
}

const FAILED_PULL =
  'Failed to pull image "busybox777": failed to pull and unpack image "<hub>/library/busybox777:latest": failed to resolve reference "<hub>/library/busybox777:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';

const events: KubeObject[] = [
  {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'new-replica-set-2r2rv.1', namespace: 'default', uid: 'ev-1' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'new-replica-set-2r2rv', uid: POD_UID, apiVersion: 'v1' },
    reason: 'Scheduled',
    message: 'Successfully assigned default/new-replica-set-2r2rv to controlplane',
    source: {},
    firstTimestamp: null,
    lastTimestamp: null,
    type: 'Normal',
    eventTime: toMicro(ago(283)),
    action: 'Binding',
    reportingComponent: 'default-scheduler',
    reportingInstance: 'default-scheduler-controlplane',
  } as unknown as KubeObject,
  kubeletEvent('2', 'Normal', 'Pulling', 'Pulling image "busybox777"', 283, 198, 4),
  kubeletEvent('3', 'Warning', 'Failed', FAILED_PULL, 282, 197, 4),
  kubeletEvent('4', 'Warning', 'Failed', 'Error: ErrImagePull', 282, 197, 4),
  kubeletEvent('6', 'Normal', 'BackOff', 'Back-off pulling image "busybox777"', 282, 172, 7),
  kubeletEvent('5', 'Warning', 'Failed', 'Error: ImagePullBackOff', 282, 185, 6),
];

function toMicro(ts: string): string {
  return ts.replace('Z', '.000000Z');
}

describe('kubectl describe pod', () => {
  it('reproduces a real ImagePullBackOff pod with its projected token volume and repeated events', () => {
    const ctx = fakeContext([imagePullPod, ...events], NOW);
    expect(describeObject(info('pods'), imagePullPod, ctx)).toBe(`Name:             new-replica-set-2r2rv
Namespace:        default
Priority:         0
Service Account:  default
Node:             controlplane/192.168.44.33
Start Time:       Mon, 06 Jan 2025 14:19:09 +0000
Labels:           name=busybox-pod
Annotations:      <none>
Status:           Pending
IP:               10.42.0.10
IPs:
  IP:           10.42.0.10
Controlled By:  ReplicaSet/new-replica-set
Containers:
  busybox-container:
    Container ID:  
    Image:         busybox777
    Image ID:      
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      echo Hello Kubernetes! && sleep 3600
    State:          Waiting
      Reason:       ImagePullBackOff
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-jmdsx (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       False 
  ContainersReady             False 
  PodScheduled                True 
Volumes:
  kube-api-access-jmdsx:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                    From               Message
  ----     ------     ----                   ----               -------
  Normal   Scheduled  4m43s                  default-scheduler  Successfully assigned default/new-replica-set-2r2rv to controlplane
  Normal   Pulling    3m18s (x4 over 4m43s)  kubelet            Pulling image "busybox777"
  Warning  Failed     3m17s (x4 over 4m42s)  kubelet            ${FAILED_PULL}
  Warning  Failed     3m17s (x4 over 4m42s)  kubelet            Error: ErrImagePull
  Warning  Failed     3m5s (x6 over 4m42s)   kubelet            Error: ImagePullBackOff
  Normal   BackOff    2m52s (x7 over 4m42s)  kubelet            Back-off pulling image "busybox777"
`);
  });
});
