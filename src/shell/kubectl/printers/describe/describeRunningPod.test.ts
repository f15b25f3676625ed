import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseTimestamp, toTimestamp, type KubeObject } from '../../../../sim/k8s/index';
import { fakeContext, info } from '../testing/fakeContext';
import { NGINX_POD_YAML } from '../testing/nginxPodYaml';
import { describe as describeObject } from './index';

const pod = parse(NGINX_POD_YAML) as KubeObject;
const scheduledAt = parseTimestamp('2022-02-17T21:51:01Z')!;
const NOW = scheduledAt + 34_000;

function event(n: number, reason: string, message: string, secondsAgo: number, source: Record<string, string>): KubeObject {
  const at = toTimestamp(NOW - secondsAgo * 1000);
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${pod.metadata.name}.${n}`, namespace: 'default' },
    involvedObject: { kind: 'Pod', name: pod.metadata.name, namespace: 'default', uid: pod.metadata.uid },
    reason,
    message,
    type: 'Normal',
    ...(source.component ? { source, firstTimestamp: at, lastTimestamp: at, count: 1 } : { source: {}, eventTime: at.replace('Z', '.000000Z'), reportingComponent: 'default-scheduler' }),
  } as unknown as KubeObject;
}

const events = [
  event(1, 'Scheduled', 'Successfully assigned default/nginx-deployment-67d4bdd6f5-w6kd7 to kube-worker-1', 34, {}),
  event(2, 'Pulling', 'Pulling image "nginx"', 31, { component: 'kubelet', host: 'kube-worker-1' }),
  event(3, 'Pulled', 'Successfully pulled image "nginx" in 1.146417389s', 30, { component: 'kubelet', host: 'kube-worker-1' }),
  event(4, 'Created', 'Created container nginx', 30, { component: 'kubelet', host: 'kube-worker-1' }),
  event(5, 'Started', 'Started container nginx', 30, { component: 'kubelet', host: 'kube-worker-1' }),
];

describe('kubectl describe pod (running, Guaranteed)', () => {
  // Real output from the Kubernetes documentation ("Debug Running Pods"), captured
  // with an older kubectl in a -0500 time zone: times are shown here in UTC and the
  // `Service Account:` line that kubectl has printed since then is included, which
  // widens the first block to that key.
  it('prints limits, requests, a running state and a dual-stack IP list', () => {
    expect(describeObject(info('pods'), pod, fakeContext([pod, ...events], NOW))).toBe(`Name:             nginx-deployment-67d4bdd6f5-w6kd7
Namespace:        default
Priority:         0
Service Account:  default
Node:             kube-worker-1/192.168.0.113
Start Time:       Thu, 17 Feb 2022 21:51:01 +0000
Labels:           app=nginx
                  pod-template-hash=67d4bdd6f5
Annotations:      <none>
Status:           Running
IP:               10.88.0.3
IPs:
  IP:           10.88.0.3
  IP:           2001:db8::1
Controlled By:  ReplicaSet/nginx-deployment-67d4bdd6f5
Containers:
  nginx:
    Container ID:   containerd://5403af59a2b46ee5a23fb0ae4b1e077f7ca5c5fb7af16e1ab21c00e0e616462a
    Image:          nginx
    Image ID:       docker.io/library/nginx@sha256:2834dc507516af02784808c5f48b7cbe38b8ed5d0f4837f16e78d00deb7e7767
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Thu, 17 Feb 2022 21:51:05 +0000
    Ready:          True
    Restart Count:  0
    Limits:
      cpu:     500m
      memory:  128Mi
    Requests:
      cpu:        500m
      memory:     128Mi
    Environment:  <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-bgsgp (ro)
Conditions:
  Type              Status
  Initialized       True 
  Ready             True 
  ContainersReady   True 
  PodScheduled      True 
Volumes:
  kube-api-access-bgsgp:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   Guaranteed
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  34s   default-scheduler  Successfully assigned default/nginx-deployment-67d4bdd6f5-w6kd7 to kube-worker-1
  Normal  Pulling    31s   kubelet            Pulling image "nginx"
  Normal  Pulled     30s   kubelet            Successfully pulled image "nginx" in 1.146417389s
  Normal  Created    30s   kubelet            Created container nginx
  Normal  Started    30s   kubelet            Started container nginx
`);
  });

  it('prints a minimal pod as TestDescribePodVolumes expects (image volume, <none> placeholders)', () => {
    const bare = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bar', namespace: 'foo', uid: 'u' }, spec: { volumes: [{ name: 'image', image: { reference: 'image', pullPolicy: 'IfNotPresent' } }] } } as unknown as KubeObject;
    expect(describeObject(info('pods'), bare, fakeContext([bare], NOW))).toBe(`Name:         bar
Namespace:    foo
Node:         <none>
Labels:       <none>
Annotations:  <none>
Status:       
IP:           
IPs:          <none>
Containers: <none>
Volumes:
  image:
    Type:        Image (a container image or OCI artifact)
    Reference:   image
    PullPolicy:  IfNotPresent
QoS Class:       BestEffort
Node-Selectors:  <none>
Tolerations:     <none>
Events:          <none>
`);
  });

  it('prints Terminating with the grace period for a deleted running pod', () => {
    const deleting = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: toTimestamp(NOW - 10_000), deletionGracePeriodSeconds: 30 } } as KubeObject;
    const out = describeObject(info('pods'), deleting, fakeContext([], NOW));
    expect(out).toContain('Status:                    Terminating (lasts 10s)\nTermination Grace Period:  30s\n');
  });
});
