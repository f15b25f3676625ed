import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../../../lib/rng';
import type { KubeObject } from '../api/types';
import { parseImageRef } from '../images/imageRef';

interface StaticPodSpec {
  component: string;
  image: string;
  command: string[];
  requests: Record<string, string>;
}

/** The kubeadm control-plane static pods (their mirror pods as the API shows them). */
export function controlPlaneStaticPods(version: string, nodeIP: string): StaticPodSpec[] {
  return [
    { component: 'etcd', image: 'registry.k8s.io/etcd:3.5.16-0', command: ['etcd', `--advertise-client-urls=https://${nodeIP}:2379`, '--data-dir=/var/lib/etcd', '--name=control-plane'], requests: { cpu: '100m', memory: '100Mi' } },
    { component: 'kube-apiserver', image: `registry.k8s.io/kube-apiserver:${version}`, command: ['kube-apiserver', `--advertise-address=${nodeIP}`, '--service-cluster-ip-range=10.96.0.0/12', '--secure-port=6443'], requests: { cpu: '250m' } },
    { component: 'kube-controller-manager', image: `registry.k8s.io/kube-controller-manager:${version}`, command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--cluster-cidr=10.244.0.0/16', '--leader-elect=true'], requests: { cpu: '200m' } },
    { component: 'kube-scheduler', image: `registry.k8s.io/kube-scheduler:${version}`, command: ['kube-scheduler', '--leader-elect=true'], requests: { cpu: '100m' } },
  ];
}

/** A mirror pod for a static pod on `nodeName`, with its Running status. */
export function mirrorPod(s: StaticPodSpec, nodeName: string, nodeUid: string, nodeIP: string, now: string, rng: Rng): { pod: KubeObject & Pod; status: NonNullable<Pod['status']> } {
  const hash = rng.string(32, '0123456789abcdef');
  const container: Container = {
    name: s.component,
    image: s.image,
    imagePullPolicy: 'IfNotPresent',
    command: s.command,
    resources: { requests: s.requests },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
  const pod: KubeObject & Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${s.component}-${nodeName}`,
      namespace: 'kube-system',
      labels: { component: s.component, tier: 'control-plane' },
      annotations: {
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': now.replace('Z', '.000000000Z'),
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUid, controller: true }],
    },
    spec: {
      containers: [container],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      hostNetwork: true,
      nodeName,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      terminationGracePeriodSeconds: 30,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  };
  const ref = parseImageRef(s.image);
  const status: NonNullable<Pod['status']> = {
    phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: now })),
    hostIP: nodeIP,
    hostIPs: [{ ip: nodeIP }],
    podIP: nodeIP,
    podIPs: [{ ip: nodeIP }],
    startTime: now,
    qosClass: 'Burstable',
    containerStatuses: [
      {
        name: s.component,
        image: ref.full,
        imageID: `${ref.name}@sha256:${rng.string(64, '0123456789abcdef')}`,
        containerID: `containerd://${rng.string(64, '0123456789abcdef')}`,
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: now } },
        lastState: {},
      },
    ],
  };
  return { pod, status };
}
