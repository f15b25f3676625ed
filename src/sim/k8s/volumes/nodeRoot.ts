import type { Pod } from 'kubernetes-types/core/v1';
import { stringify } from 'yaml';
import type { ObjectStore } from '../../engine/store';
import type { KubeObject } from '../api/types';
import { KUBERNETES_VERSION } from '../version';

const MIRROR = 'kubernetes.io/config.mirror';

/**
 * What a node's own file system holds that a learner looks for from a
 * `hostPath` mount (`kubectl debug node/NAME` mounts `/` at `/host`): the
 * host name and OS, the kubelet's configuration and kubeconfig, and on the
 * control plane the static pod manifests the kubelet runs the control
 * plane from (made from the node's mirror pods). Paths are relative to `/`.
 * A kind node image: Debian, containerd, the kubelet as kind configures it.
 */
export function nodeRootFiles(store: ObjectStore, node: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set('etc/hostname', `${node}\n`);
  files.set('etc/os-release', OS_RELEASE);
  files.set('etc/kubernetes/kubelet.conf', kubeconfig(node));
  files.set('etc/kubernetes/pki/ca.crt', CA_CERT);
  files.set('var/lib/kubelet/config.yaml', KUBELET_CONFIG);
  files.set('etc/containerd/config.toml', CONTAINERD_CONFIG);
  // The binaries a kind node image carries (contents are not simulated), and kind's version stamp.
  for (const bin of ['usr/bin/kubeadm', 'usr/bin/kubectl', 'usr/bin/kubelet', 'usr/local/bin/containerd', 'usr/local/bin/crictl', 'usr/local/bin/runc']) files.set(bin, '');
  files.set('kind/version', `${KUBERNETES_VERSION}\n`);
  const staticPods = store.listByIndex<KubeObject & Pod>('pods', 'spec.nodeName', node).filter((p) => p.metadata.annotations?.[MIRROR] !== undefined);
  for (const p of staticPods) {
    const component = p.metadata.labels?.component ?? p.metadata.name;
    files.set(`etc/kubernetes/manifests/${component}.yaml`, manifestOf(p, component));
  }
  return files;
}

/** The manifest file a mirror pod stands for: what kubeadm writes to /etc/kubernetes/manifests. */
function manifestOf(pod: KubeObject & Pod, component: string): string {
  const spec = { ...pod.spec };
  delete spec.nodeName;
  const manifest = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels: pod.metadata.labels, name: component, namespace: pod.metadata.namespace },
    spec,
    status: {},
  };
  // As Go's sigs.k8s.io/yaml writes it: keys sorted, list items not indented.
  return stringify(manifest, { indentSeq: false, sortMapEntries: true });
}

function kubeconfig(node: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==
    server: https://control-plane:6443
  name: kind
contexts:
- context:
    cluster: kind
    user: system:node:${node}
  name: system:node:${node}@kind
current-context: system:node:${node}@kind
kind: Config
preferences: {}
users:
- name: system:node:${node}
  user:
    client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem
    client-key: /var/lib/kubelet/pki/kubelet-client-current.pem
`;
}

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const CA_CERT = `-----BEGIN CERTIFICATE-----
(the cluster's CA certificate: not a real key in the playground)
-----END CERTIFICATE-----
`;

const KUBELET_CONFIG = `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
cgroupDriver: systemd
cgroupRoot: /kubelet
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
evictionHard:
  imagefs.available: 0%
  nodefs.available: 0%
  nodefs.inodesFree: 0%
failSwapOn: false
healthzBindAddress: 127.0.0.1
healthzPort: 10248
imageGCHighThresholdPercent: 100
kind: KubeletConfiguration
nodeStatusReportFrequency: 1m0s
nodeStatusUpdateFrequency: 10s
rotateCertificates: true
runtimeRequestTimeout: 15m0s
serializeImagePulls: true
staticPodPath: /etc/kubernetes/manifests
syncFrequency: 1m0s
`;

const CONTAINERD_CONFIG = `version = 2

[plugins]
  [plugins."io.containerd.grpc.v1.cri"]
    restrict_oom_score_adj = false
    sandbox_image = "registry.k8s.io/pause:3.10"
    tolerate_missing_hugepages_controller = true
    [plugins."io.containerd.grpc.v1.cri".containerd]
      default_runtime_name = "runc"
      discard_unpacked_layers = true
      snapshotter = "overlayfs"
`;
