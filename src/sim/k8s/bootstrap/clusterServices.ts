import type { Node, Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { Rng } from '../../../lib/rng';
import type { ApiClient } from '../api/client';
import { intToIp, ipToInt } from '../api/serviceAllocator';
import type { KubeObject } from '../api/types';
import { newControllerRef } from '../controllers/controllerRefManager';
import { buildNewReplicaSet, setNewReplicaSetAnnotations } from '../controllers/deployment/replicaSets';
import type { DeploymentObj, ReplicaSetObj } from '../controllers/deployment/deploymentUtil';
import { imageID, parseImageRef } from '../images/imageRef';

/** The CoreDNS image kubeadm v1.32 deploys. */
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';
/** kubeadm's `DefaultClusterDNSIP` for the service subnet 10.96.0.0/12. */
export const CLUSTER_DNS_IP = '10.96.0.10';
export const CLUSTER_DOMAIN = 'cluster.local';

/** The Corefile kubeadm writes (`CoreDNSConfigMap`, DNS domain cluster.local). */
export const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

/**
 * The `kubernetes` Endpoints and EndpointSlice the API server keeps for
 * itself (`pkg/controlplane/reconcilers`): the control-plane node's address
 * on the secure port 6443. The Endpoints carry `skip-mirror` so that the
 * mirroring controller leaves them alone; the slice is named `kubernetes`.
 */
export function apiServerEndpoints(nodeIP: string): KubeObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: nodeIP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [nodeIP], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    },
  ];
}

/** kubeadm's `CoreDNSService`. */
export function kubeDNSService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: CLUSTER_DNS_IP,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
    },
  };
}

/** kubeadm's `CoreDNSDeployment` (2 replicas, control-plane toleration, preferred anti-affinity). */
export function coreDNSDeployment(): KubeObject {
  const probePort = (name: string, containerPort: number) => ({ containerPort, name, protocol: 'TCP' });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' } },
              ],
            },
          },
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [
            {
              name: 'coredns',
              image: COREDNS_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
              args: ['-conf', '/etc/coredns/Corefile'],
              volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                probePort('liveness-probe', 8080),
                probePort('readiness-probe', 8181),
              ],
              livenessProbe: { httpGet: { path: '/health', port: 'liveness-probe', scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
              readinessProbe: { httpGet: { path: '/ready', port: 'readiness-probe', scheme: 'HTTP' } },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
            },
          ],
          dnsPolicy: 'Default',
          volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
        },
      },
    },
  };
}

/** The Running status of a pod the kubelet started before the playground opened. */
function runningStatus(pod: KubeObject & Pod, hostIP: string, podIP: string, now: string, rng: Rng): PodStatus {
  const conditions = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: now }));
  return {
    phase: 'Running',
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: now,
    qosClass: pod.status?.qosClass,
    containerStatuses: (pod.spec?.containers ?? []).map((c) => {
      const ref = parseImageRef(c.image ?? '');
      return { name: c.name, image: ref.full, imageID: imageID(ref), containerID: `containerd://${rng.hex(64)}`, ready: true, restartCount: 0, started: true, state: { running: { startedAt: now } }, lastState: {} };
    }),
  };
}

/**
 * CoreDNS as kubeadm installs it and as a fresh kind cluster shows it: the
 * `coredns` ServiceAccount (and ConfigMap, when the kind is served), the
 * Deployment with its ReplicaSet and two Running pods on the control-plane
 * node (they were scheduled there before the workers joined), and the
 * `kube-dns` Service at 10.96.0.10. The objects are written as the
 * controllers would have left them; the controllers take over from there.
 */
export function bootstrapCoreDNS(client: (actor: string) => ApiClient, servesConfigMaps: boolean, controlPlane: KubeObject & Node, now: string, rng: Rng): void {
  const kubeadm = client('kubeadm');
  must(kubeadm.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } }));
  if (servesConfigMaps) must(kubeadm.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: COREFILE } }));
  const d = must(kubeadm.create<DeploymentObj>(coreDNSDeployment()));
  const draft = buildNewReplicaSet(d, 2);
  const annotations: Record<string, string> = {};
  setNewReplicaSetAnnotations(d, annotations, '1', false);
  const rs = must(client('deployment-controller').create<ReplicaSetObj>({ ...draft, metadata: { ...draft.metadata, annotations } } as KubeObject, { trusted: true }));
  const { base } = parseCidr(controlPlane.spec?.podCIDR ?? '10.244.0.0/24');
  const hostIP = controlPlane.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  const tpl = rs.spec!.template!;
  const kubelet = client(`kubelet/${controlPlane.metadata.name}`);
  for (let i = 0; i < 2; i++) {
    const pod = must(
      client('replicaset-controller').create<KubeObject & Pod>({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: '', generateName: `${rs.metadata.name}-`, namespace: 'kube-system', labels: tpl.metadata?.labels, ownerReferences: [newControllerRef(rs)] },
        spec: { ...tpl.spec!, nodeName: controlPlane.metadata.name },
      }),
    );
    // the first addresses of the control plane's pod CIDR (host-local IPAM hands out .2, .3, …)
    must(kubelet.updateStatus({ ...pod, status: runningStatus(pod, hostIP, intToIp(base + 2 + i), now, rng) }));
  }
  must(kubeadm.create(kubeDNSService()));
}

function parseCidr(cidr: string): { base: number } {
  return { base: ipToInt(cidr.split('/')[0]) };
}

/** A bootstrap write's object; a failure is a bug in the bootstrap (thrown). */
export function must<T>(res: { ok: true; object: T } | { ok: false; status: { message: string } }): T {
  if (!res.ok) throw new Error(`bootstrap: ${res.status.message}`);
  return res.object;
}
