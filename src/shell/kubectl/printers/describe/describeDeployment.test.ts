import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { fakeContext, info } from '../testing/fakeContext';
import { NOW, ago } from '../testing/objects';
import { describe as describeObject } from './index';

const DEPLOY_UID = 'd-uid';
const template = (image: string, hash?: string) => ({
  metadata: { labels: { app: 'nginx', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' }], restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', securityContext: {}, schedulerName: 'default-scheduler' },
});

function deployment(image: string, status: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'nginx-deployment',
      namespace: 'default',
      uid: DEPLOY_UID,
      creationTimestamp: ago(3600),
      labels: { app: 'nginx' },
      annotations: { 'deployment.kubernetes.io/revision': '4', 'kubernetes.io/change-cause': 'kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1' },
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: template(image),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status,
  } as unknown as KubeObject;
}

function replicaSet(hash: string, image: string, age: number, replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `nginx-deployment-${hash}`, namespace: 'default', uid: `rs-${hash}`, creationTimestamp: ago(age), labels: { app: 'nginx', 'pod-template-hash': hash }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx-deployment', uid: DEPLOY_UID, controller: true, blockOwnerDeletion: true }] },
    spec: { replicas, selector: { matchLabels: { app: 'nginx', 'pod-template-hash': hash } }, template: template(image, hash) },
    status: { replicas, readyReplicas: replicas, availableReplicas: replicas },
  } as unknown as KubeObject;
}

function scalingEvent(n: number, message: string, secondsAgo: number, reason = 'ScalingReplicaSet'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `nginx-deployment.${n}`, namespace: 'default' },
    involvedObject: { kind: 'Deployment', namespace: 'default', name: 'nginx-deployment', uid: DEPLOY_UID, apiVersion: 'apps/v1' },
    reason,
    message,
    source: { component: 'deployment-controller' },
    firstTimestamp: ago(secondsAgo),
    lastTimestamp: ago(secondsAgo),
    count: 1,
    type: 'Normal',
  } as unknown as KubeObject;
}

const settled = {
  observedGeneration: 4,
  replicas: 3,
  updatedReplicas: 3,
  readyReplicas: 3,
  availableReplicas: 3,
  conditions: [
    { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
    { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "nginx-deployment-c4747d96c" has successfully progressed.' },
  ],
};

describe('kubectl describe deployment', () => {
  // The documentation sample (concepts/workloads/controllers/deployment), in kubectl
  // 1.32's layout: `key: value` annotations and the pod template's Node-Selectors
  // and Tolerations lines, which join the container block's alignment. The page
  // predates 1.32, whose describe lists the old replica sets scaled to zero too
  // (checked against the real 1.32 client).
  it('prints the documentation sample, old replica sets scaled to zero listed too', () => {
    const d = deployment('nginx:1.16.1', settled);
    const objects = [
      d,
      replicaSet('75675f5897', 'nginx:1.14.2', 3000, 0),
      replicaSet('c4747d96c', 'nginx:1.16.1', 2900, 3),
      replicaSet('595696685f', 'nginx:1.161', 2800, 0),
      replicaSet('x9zz', 'nginx:1.16.1', 100, 2),
      scalingEvent(1, 'Scaled up replica set nginx-deployment-75675f5897 to 3', 720),
      scalingEvent(3, 'Scaled down replica set nginx-deployment-75675f5897 to 2', 670),
      scalingEvent(2, 'Scaled up replica set nginx-deployment-c4747d96c to 1', 690),
      scalingEvent(4, 'Rolled back deployment "nginx-deployment" to revision 2', 15, 'DeploymentRollback'),
    ];
    // x9zz is owned by another controller: a different uid in its controller reference
    (objects[4].metadata.ownerReferences as { uid: string }[])[0].uid = 'other';
    expect(describeObject(info('deployments.apps'), d, fakeContext(objects, NOW))).toBe(`Name:                   nginx-deployment
Namespace:              default
CreationTimestamp:      Mon, 06 Jan 2025 13:24:00 +0000
Labels:                 app=nginx
Annotations:            deployment.kubernetes.io/revision: 4
                        kubernetes.io/change-cause: kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1
Selector:               app=nginx
Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=nginx
  Containers:
   nginx:
    Image:         nginx:1.16.1
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  nginx-deployment-75675f5897 (0/0 replicas created), nginx-deployment-595696685f (0/0 replicas created)
NewReplicaSet:   nginx-deployment-c4747d96c (3/3 replicas created)
Events:
  Type    Reason              Age   From                   Message
  ----    ------              ----  ----                   -------
  Normal  ScalingReplicaSet   12m   deployment-controller  Scaled up replica set nginx-deployment-75675f5897 to 3
  Normal  ScalingReplicaSet   11m   deployment-controller  Scaled up replica set nginx-deployment-c4747d96c to 1
  Normal  ScalingReplicaSet   11m   deployment-controller  Scaled down replica set nginx-deployment-75675f5897 to 2
  Normal  DeploymentRollback  15s   deployment-controller  Rolled back deployment "nginx-deployment" to revision 2
`);
  });

  it('lists a still-scaled old replica set mid-rollout and prints Events: <none> in the last block', () => {
    const rolling = {
      replicas: 4,
      updatedReplicas: 1,
      readyReplicas: 3,
      availableReplicas: 3,
      unavailableReplicas: 1,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
        { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' },
      ],
    };
    const d = deployment('nginx:1.16.1', rolling);
    const objects = [d, replicaSet('75675f5897', 'nginx:1.14.2', 3000, 3), replicaSet('c4747d96c', 'nginx:1.16.1', 10, 1)];
    (objects[2].status as { replicas: number }).replicas = 1;
    const out = describeObject(info('deployments.apps'), d, fakeContext(objects, NOW));
    expect(out).toContain('Replicas:               3 desired | 1 updated | 4 total | 3 available | 1 unavailable\n');
    expect(out.slice(out.indexOf('Conditions:'))).toBe(`Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    ReplicaSetUpdated
OldReplicaSets:  nginx-deployment-75675f5897 (3/3 replicas created)
NewReplicaSet:   nginx-deployment-c4747d96c (1/1 replicas created)
Events:          <none>
`);
  });
});
