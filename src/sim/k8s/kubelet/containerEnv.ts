import type { Container, EnvVar, Pod } from 'kubernetes-types/core/v1';
import { decodeBase64 } from '../../../lib/base64';
import type { VirtualClock } from '../../engine/clock';
import type { ObjectStore } from '../../engine/store';
import { mountsVolumes, volumeManagerFor } from '../volumes/volumeManager';
import { resourceFieldValue } from '../volumes/volumeSources';
import { CLUSTER_CA_PEM } from '../controllers/rootca/rootCACertPublisher';
import type { KubeObject } from '../api/types';
import { serviceAccountToken } from './serviceAccountToken';

type PodObj = KubeObject & Pod;

export type EnvResult = { ok: true; env: Map<string, string> } | { ok: false; message: string };

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The environment the kubelet gives a container (`makeEnvironmentVariables`):
 * the image's PATH, HOSTNAME, the Service variables of the pod's namespace
 * (when `enableServiceLinks` is not false), `envFrom`, then `env` with
 * `$(VAR)` references and `valueFrom` field and resource refs. A missing
 * ConfigMap or Secret (not optional) is the CreateContainerConfigError
 * message.
 */
export function containerEnv(pod: PodObj, c: Container, store: ObjectStore, nodeName: string, podIP: string, hostIP: string, serviceEnv: () => Record<string, string>): EnvResult {
  const env = new Map<string, string>();
  env.set('PATH', PATH);
  env.set('HOSTNAME', pod.spec?.hostname ?? pod.metadata.name);
  for (const [k, v] of Object.entries(serviceEnv())) env.set(k, v);
  const ns = pod.metadata.namespace ?? 'default';
  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const kind = from.configMapRef ? 'configmap' : 'secret';
    const obj = lookup(store, kind, ns, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      return { ok: false, message: `${kind} "${ref.name}" not found` };
    }
    for (const [k, v] of dataOf(obj, kind)) env.set(`${from.prefix ?? ''}${k}`, v);
  }
  for (const e of c.env ?? []) {
    const v = envValue(e, pod, c, env, store, ns, nodeName, podIP, hostIP);
    if (typeof v === 'object') {
      if (v.optional) continue;
      return { ok: false, message: v.message };
    }
    env.set(e.name, v);
  }
  return { ok: true, env };
}

/** A ConfigMap or Secret (undefined when absent, or when the kind is not served yet). */
function lookup(store: ObjectStore, kind: 'configmap' | 'secret', ns: string, name: string | undefined): KubeObject | undefined {
  const resource = kind === 'configmap' ? 'configmaps' : 'secrets';
  return store.has(resource) ? store.get<KubeObject>(resource, `${ns}/${name ?? ''}`) : undefined;
}

/**
 * The CreateContainerConfigError message for a container whose env or
 * envFrom names a missing ConfigMap or Secret (or key), else undefined.
 * Cheap when the container has no such references (most do not).
 */
export function configError(pod: PodObj, c: Container, store: ObjectStore): string | undefined {
  if (!c.envFrom?.length && !c.env?.some((e) => e.valueFrom?.configMapKeyRef || e.valueFrom?.secretKeyRef)) return undefined;
  const r = containerEnv(pod, c, store, '', '', '', () => ({}));
  return r.ok ? undefined : r.message;
}

function dataOf(obj: KubeObject, kind: 'configmap' | 'secret'): [string, string][] {
  const data = (obj.data ?? {}) as Record<string, string>;
  if (kind === 'configmap') return Object.entries(data);
  const out: [string, string][] = Object.entries(data).map(([k, v]) => [k, decodeBase64(v) ?? v]);
  for (const [k, v] of Object.entries((obj.stringData ?? {}) as Record<string, string>)) out.push([k, v]);
  return out;
}


/** `$(VAR)` expansion against the variables defined so far; `$$(VAR)` escapes. */
function expandRefs(value: string, env: Map<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => (m === '$$' ? '$' : env.has(name!) ? env.get(name!)! : m));
}

function envValue(e: EnvVar, pod: PodObj, c: Container, env: Map<string, string>, store: ObjectStore, ns: string, nodeName: string, podIP: string, hostIP: string): string | { message: string; optional: boolean } {
  if (e.value !== undefined) return expandRefs(e.value, env);
  const from = e.valueFrom;
  if (!from) return '';
  if (from.fieldRef) {
    const path = from.fieldRef.fieldPath;
    const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
    if (m) return ((pod.metadata[m[1] as 'labels'] ?? {}) as Record<string, string>)[m[2]] ?? '';
    switch (path) {
      case 'metadata.name':
        return pod.metadata.name;
      case 'metadata.namespace':
        return ns;
      case 'metadata.uid':
        return pod.metadata.uid ?? '';
      case 'spec.nodeName':
        return nodeName;
      case 'spec.serviceAccountName':
        return pod.spec?.serviceAccountName ?? 'default';
      case 'status.podIP':
      case 'status.podIPs':
        return podIP;
      case 'status.hostIP':
      case 'status.hostIPs':
        return hostIP;
    }
    return '';
  }
  if (from.resourceFieldRef) {
    const r = from.resourceFieldRef;
    const target = r.containerName ? (pod.spec?.containers.find((x) => x.name === r.containerName) ?? c) : c;
    return resourceFieldValue(r, target, nodeName ? store.get<KubeObject>('nodes', nodeName) : undefined);
  }
  const ref = from.configMapKeyRef ?? from.secretKeyRef;
  if (ref) {
    const kind = from.configMapKeyRef ? 'configmap' : 'secret';
    const obj = lookup(store, kind, ns, ref.name);
    if (!obj) return { message: `${kind} "${ref.name}" not found`, optional: ref.optional === true };
    const value = new Map(dataOf(obj, kind)).get(ref.key);
    if (value === undefined) return { message: `couldn't find key ${ref.key} in ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} ${ns}/${ref.name}`, optional: ref.optional === true };
    return value;
  }
  return '';
}

/**
 * The kubelet's `/etc/hosts` of a pod (`managedHostsFileContent`): the
 * loopback and IPv6 lines, the pod's IP under its name — under its full
 * name first when it has a subdomain (a StatefulSet's pod behind its
 * headless Service: `zk-0.zk-hs.default.svc.cluster.local zk-0`) — and the
 * pod's `hostAliases`.
 */
function managedHosts(pod: PodObj, podIP: string, name: string, ns: string): string {
  let out = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
  const subdomain = pod.spec?.subdomain;
  out += subdomain ? `${podIP}\t${name}.${subdomain}.${ns}.svc.cluster.local\t${name}\n` : `${podIP}\t${name}\n`;
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length > 0) {
    out += '\n# Entries added by HostAliases.\n';
    for (const a of aliases) out += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`;
  }
  return out;
}

/**
 * The files a container starts with: hostname, hosts, resolv.conf, the
 * service-account token; with `c` and `cluster`, plus the container's
 * volume mounts (a ContainerFS whose mounted paths live in the volumes'
 * storage, see volumes/). A container with no other mounts gets a plain Map.
 */
export function containerFiles(pod: PodObj, podIP: string, c?: Container, cluster?: { store: ObjectStore; clock: VirtualClock }, nodeName = '', imageFiles: Readonly<Record<string, string>> = {}): Map<string, string> {
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.spec?.hostname ?? pod.metadata.name;
  // The image's own files first: what the kubelet writes (hosts, resolv.conf) and the volumes mounted over them win.
  const files = new Map<string, string>(Object.entries(imageFiles));
  files.set('/etc/hostname', `${name}\n`);
  files.set('/etc/hosts', managedHosts(pod, podIP, name, ns));
  files.set('/etc/resolv.conf', `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`);
  const sa = '/var/run/secrets/kubernetes.io/serviceaccount';
  const mounted = pod.spec?.containers.some((c) => c.volumeMounts?.some((m) => m.mountPath === sa));
  if (mounted) {
    files.set(`${sa}/namespace`, ns);
    files.set(`${sa}/token`, serviceAccountToken(ns, pod.spec?.serviceAccountName ?? 'default', pod.metadata.name, Date.parse(pod.metadata.creationTimestamp ?? '') || 0));
    files.set(`${sa}/ca.crt`, CLUSTER_CA_PEM);
  }
  if (c && cluster && mountsVolumes(c)) return volumeManagerFor(cluster.store, cluster.clock).containerFS(files, pod, c, nodeName);
  return files;
}
