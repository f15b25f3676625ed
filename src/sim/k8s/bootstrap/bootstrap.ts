import type { Node } from 'kubernetes-types/core/v1';
import type { Rng } from '../../../lib/rng';
import type { ApiServer } from '../api/apiServer';
import type { KubeObject } from '../api/types';
import type { ClusterConfig } from '../controllers/context';
import type { EventRecorder } from '../events/eventRecorder';
import { imageProfile } from '../images/catalog';
import { parseImageRef } from '../images/imageRef';
import type { Kubelets } from '../kubelet/kubeletController';
import { nodeIP, nodeObject, nodeShapes } from './nodes';
import { COREDNS_IMAGE, apiServerEndpoints, bootstrapCoreDNS, must } from './clusterServices';
import { bootstrapRbac } from './rbacPolicy';
import { controlPlaneStaticPods, mirrorPod } from './staticPods';
import { bootstrapStorageClass } from './storageClass';

const NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

const SYSTEM_PRIORITY_CLASS_UIDS = ['a6e2d1c4-3b5f-4e8a-9c7d-1f0e2b3a4c5d', '5c9b7e1a-2d4f-4a6b-8e3c-0d1f2a3b4c6e'];

/** `SystemPriorityClasses()` as the API server creates them (preemptionPolicy defaulted; fixed uids keep the seeded generator's sequence). */
const SYSTEM_PRIORITY_CLASSES: KubeObject[] = [
  { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-node-critical' }, value: 2000001000, description: 'Used for system critical pods that must not be moved from their current node.', preemptionPolicy: 'PreemptLowerPriority' },
  { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-cluster-critical' }, value: 2000000000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.', preemptionPolicy: 'PreemptLowerPriority' },
];
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

/**
 * Builds the default cluster as kubeadm/kind leave it: the four system
 * namespaces, the `kubernetes` Service, the nodes (registered and Ready,
 * with their Leases and registration events), the control plane's
 * static pods on `control-plane`, the API server's own endpoints and
 * CoreDNS (`coredns` Deployment, `kube-dns` Service).
 */
export function bootstrapCluster(api: ApiServer, kubelets: Kubelets, recorder: EventRecorder, config: ClusterConfig, rng: Rng, now: string, settle: () => void): void {
  const server = api.client('kube-apiserver');
  for (const name of NAMESPACES) must(server.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } }, { trusted: true }));
  // The API server's post-start hook creates the system PriorityClasses before any pod is admitted.
  if (api.registry.byName('priorityclasses.scheduling.k8s.io')) {
    SYSTEM_PRIORITY_CLASSES.forEach((pc, i) => must(server.create(pc, { trusted: true, uid: SYSTEM_PRIORITY_CLASS_UIDS[i] })));
  }
  // And the RBAC policy (rbac/bootstrap-roles), with kubeadm's and kind's additions.
  if (api.registry.byName('clusterroles.rbac.authorization.k8s.io')) bootstrapRbac(server);
  settle();
  must(
    server.create(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
        spec: {
          clusterIP: '10.96.0.1',
          clusterIPs: ['10.96.0.1'],
          internalTrafficPolicy: 'Cluster',
          ipFamilies: ['IPv4'],
          ipFamilyPolicy: 'SingleStack',
          ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
          sessionAffinity: 'None',
          type: 'ClusterIP',
        },
      },
      { trusted: true },
    ),
  );
  const shapes = nodeShapes(config);
  let controlPlane: KubeObject | undefined;
  for (const shape of shapes) {
    const kubelet = api.client(`kubelet/${shape.name}`);
    const node = must(kubelet.create(nodeObject(shape, shapes.length, config, now, rng) as KubeObject, { trusted: true }));
    must(
      kubelet.create(
        {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: shape.name, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: shape.name, uid: node.metadata.uid! }] },
          spec: { holderIdentity: shape.name, leaseDurationSeconds: 40, renewTime: now.replace('Z', '.000000Z') },
        },
        { trusted: true },
      ),
    );
    const images: Record<string, number> = { [parseImageRef(PAUSE_IMAGE).full]: imageProfile(PAUSE_IMAGE)!.sizeBytes };
    if (shape.controlPlane) {
      controlPlane = node;
      images[parseImageRef(COREDNS_IMAGE).full] = imageProfile(COREDNS_IMAGE)!.sizeBytes;
      for (const s of controlPlaneStaticPods(config.kubernetesVersion, nodeIP(shape.index))) {
        images[parseImageRef(s.image).full] = (imageProfile(s.image)?.sizeBytes ?? 0);
        const { pod, status } = mirrorPod(s, shape.name, node.metadata.uid!, nodeIP(shape.index), now, rng);
        const created = must(kubelet.create(pod, { trusted: true }));
        kubelets.seedStaticPod(must(kubelet.updateStatus({ ...created, status })) as typeof pod);
      }
    }
    kubelets.seedImages(shape.name, images);
    registrationEvents(recorder, node, shape.name);
  }
  if (controlPlane) {
    const cpIP = nodeIP(0);
    for (const obj of apiServerEndpoints(cpIP)) must(server.create(obj, { trusted: true }));
    bootstrapCoreDNS((actor) => api.client(actor), api.registry.byName('configmaps') !== undefined, controlPlane as KubeObject & Node, now, rng);
  }
  if (api.registry.byName('storageclasses.storage.k8s.io')) bootstrapStorageClass(server, rng);
  settle();
}

/** The events a kubelet and the node controller record when a node registers (`kubectl describe node`). */
export function registrationEvents(recorder: EventRecorder, node: KubeObject, name: string): void {
  const kubelet = { component: 'kubelet', host: name };
  recorder.record(kubelet, node, 'Normal', 'Starting', 'Starting kubelet.');
  recorder.record(kubelet, node, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
  for (const reason of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) {
    recorder.record(kubelet, node, 'Normal', reason, `Node ${name} status is now: ${reason}`);
  }
  recorder.record({ component: 'node-controller' }, node, 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`);
  recorder.record(kubelet, node, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`);
}
