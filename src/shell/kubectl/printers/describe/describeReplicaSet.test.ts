import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { fakeContext, info } from '../testing/fakeContext';
import { NOW, ago } from '../testing/objects';
import { describe as describeObject } from './index';

const rs = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: 'frontend',
    namespace: 'default',
    uid: 'rs-frontend',
    creationTimestamp: ago(120),
    labels: { app: 'guestbook', tier: 'frontend' },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1","kind":"ReplicaSet"}\n' },
  },
  spec: { replicas: 3, selector: { matchLabels: { tier: 'frontend' } }, template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'php-redis', image: 'gcr.io/google_samples/gb-frontend:v3' }] } } },
  status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3 },
} as unknown as KubeObject;

const pod = (name: string, phase: string, owner = 'rs-frontend') =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { tier: 'frontend' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend', uid: owner, controller: true }] },
    spec: { containers: [{ name: 'php-redis' }] },
    status: { phase },
  }) as unknown as KubeObject;

const created = (n: number, podName: string, secondsAgo: number) =>
  ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `frontend.${n}`, namespace: 'default' },
    involvedObject: { kind: 'ReplicaSet', name: 'frontend', namespace: 'default', uid: 'rs-frontend' },
    reason: 'SuccessfulCreate',
    message: `Created pod: ${podName}`,
    source: { component: 'replicaset-controller' },
    firstTimestamp: ago(secondsAgo),
    lastTimestamp: ago(secondsAgo),
    count: 1,
    type: 'Normal',
  }) as unknown as KubeObject;

describe('kubectl describe replicaset', () => {
  // The documentation sample (concepts/workloads/controllers/replicaset) in kubectl 1.32's
  // layout: the last-applied annotation is skipped and the pod template ends with
  // Node-Selectors and Tolerations.
  it('prints replicas, pod phase counts of its own pods and the pod template', () => {
    const objects = [rs, pod('frontend-wtsmm', 'Running'), pod('frontend-b2zdv', 'Running'), pod('frontend-vcmts', 'Running'), pod('frontend-x', 'Pending', 'someone-else'), created(1, 'frontend-wtsmm', 117), created(2, 'frontend-b2zdv', 116), created(3, 'frontend-vcmts', 116)];
    expect(describeObject(info('replicasets.apps'), rs, fakeContext(objects, NOW))).toBe(`Name:         frontend
Namespace:    default
Selector:     tier=frontend
Labels:       app=guestbook
              tier=frontend
Annotations:  <none>
Replicas:     3 current / 3 desired
Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  tier=frontend
  Containers:
   php-redis:
    Image:         gcr.io/google_samples/gb-frontend:v3
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From                   Message
  ----    ------            ----  ----                   -------
  Normal  SuccessfulCreate  117s  replicaset-controller  Created pod: frontend-wtsmm
  Normal  SuccessfulCreate  116s  replicaset-controller  Created pod: frontend-b2zdv
  Normal  SuccessfulCreate  116s  replicaset-controller  Created pod: frontend-vcmts
`);
  });

  it('names the owning deployment in Controlled By', () => {
    const owned = { ...rs, metadata: { ...rs.metadata, annotations: undefined, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true }] } } as KubeObject;
    expect(describeObject(info('replicasets.apps'), owned, fakeContext([owned], NOW))).toContain('Annotations:    <none>\nControlled By:  Deployment/web\nReplicas:       3 current / 3 desired\nPods Status:    0 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
  });
});
