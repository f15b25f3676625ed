import type { Container, EphemeralContainer, EnvVar, Pod, PodSpec, SecurityContext } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../sim/k8s/index';
import { deepCopy } from '../deepCopy';
import { applyCustomProfile } from './debugCustom';

type PodObj = KubeObject & Pod;

/** `kubectl debug --profile`: the debugging profiles of kubectl `pkg/cmd/debug/profiles.go` (1.32: `legacy` is the default). */
export const PROFILES = ['legacy', 'general', 'baseline', 'netadmin', 'restricted', 'sysadmin'] as const;
export type Profile = (typeof PROFILES)[number];

/** What a debug container is made of (the flags of `kubectl debug`). */
export interface DebugSpec {
  name: string;
  image: string;
  env: EnvVar[];
  pullPolicy: string;
  stdin: boolean;
  tty: boolean;
  /** The command after `--` (as `args` with `--arguments-only`). */
  args: string[];
  argsOnly: boolean;
  profile: Profile;
  /** `--custom`: a partial container spec merged over the debug container after the profile. */
  custom?: Record<string, unknown>;
  keep: { labels: boolean; annotations: boolean; liveness: boolean; readiness: boolean; startup: boolean; initContainers: boolean };
}

/** The fields every debug container has, as kubectl builds them (empty ones left out). */
function containerOf(d: DebugSpec): Container {
  const c: Container = { name: d.name };
  if (d.env.length > 0) c.env = d.env;
  if (d.image) c.image = d.image;
  if (d.pullPolicy) c.imagePullPolicy = d.pullPolicy;
  if (d.stdin) c.stdin = true;
  c.terminationMessagePolicy = 'File';
  if (d.tty) c.tty = true;
  if (d.args.length > 0) {
    if (d.argsOnly) c.args = d.args;
    else c.command = d.args;
  }
  return c;
}

/** `generateDebugContainer`: the ephemeral container added to `pod` (`target`: `--target`). */
export function ephemeralDebugContainer(d: DebugSpec, target: string): EphemeralContainer {
  const ec: EphemeralContainer = containerOf(d);
  if (target) ec.targetContainerName = target;
  // Profiles: the ephemeral style.
  applySecurity(ec, d.profile, 'ephemeral');
  return d.custom ? applyCustomProfile(ec, d.custom) : ec;
}

/** `generateNodeDebugPod`: a pod on `node` in its host namespaces, the node's file system at /host. */
export function nodeDebugPod(d: DebugSpec, node: string, podName: string): KubeObject {
  const c = containerOf(d);
  const spec: PodSpec = { containers: [c], nodeName: node, restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }] };
  const mountRoot = () => {
    spec.volumes = [{ name: 'host-root', hostPath: { path: '/' } }];
    c.volumeMounts = [{ mountPath: '/host', name: 'host-root' }];
  };
  const hostNamespaces = () => Object.assign(spec, { hostNetwork: true, hostPID: true, hostIPC: true });
  switch (d.profile) {
    case 'legacy':
    case 'general':
    case 'sysadmin':
      mountRoot();
      hostNamespaces();
      break;
    case 'netadmin':
      hostNamespaces();
      break;
    case 'baseline':
    case 'restricted':
      break;
  }
  applySecurity(c, d.profile, 'node');
  if (d.custom) spec.containers[0] = applyCustomProfile(c, d.custom);
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: podName }, spec: spec as unknown as KubeObject['spec'] };
}

/**
 * `generatePodCopyWithDebugContainer`: a copy of `pod` named `name`, with
 * the container `containerName` changed or added, images set by
 * `--set-image`; the copy is not scheduled to the same node unless asked.
 * Returns the copy and the name of the container to attach to ('' when
 * only images were set).
 */
export function podCopy(pod: PodObj, d: DebugSpec | undefined, o: { name: string; containerName: string; setImages: Map<string, string>; sameNode: boolean; shareProcesses: boolean | undefined; newName: () => string }): { pod: KubeObject; container: string } | { error: string } {
  const spec = deepCopy(pod.spec!) as PodSpec;
  delete spec.ephemeralContainers;
  if (o.shareProcesses !== undefined) spec.shareProcessNamespace = o.shareProcesses;
  if (!o.sameNode) delete spec.nodeName;
  for (const c of spec.containers) {
    const image = o.setImages.get(c.name) ?? o.setImages.get('*');
    if (image) c.image = image;
  }
  const metadata: KubeObject['metadata'] = { name: o.name, namespace: pod.metadata.namespace };
  if (pod.metadata.annotations) metadata.annotations = { ...pod.metadata.annotations };
  if (pod.metadata.labels) metadata.labels = { ...pod.metadata.labels };
  const copy = { apiVersion: 'v1', kind: 'Pod', metadata, spec: spec as unknown as KubeObject['spec'] } as KubeObject;
  let name = o.containerName;
  let c = [...spec.containers, ...(spec.initContainers ?? [])].find((x) => x.name === name && name !== '');
  if (!c) {
    if (!d?.image) {
      if (o.setImages.size > 0) return { pod: copy, container: '' };
      return { error: 'you must specify image when creating new container' };
    }
    if (!name) name = o.newName();
    c = { name, terminationMessagePolicy: 'File' };
    spec.containers.push(c);
  }
  if (d) {
    if (d.args.length > 0) {
      if (d.argsOnly) c.args = d.args;
      else {
        c.command = d.args;
        delete c.args;
      }
    }
    if (d.env.length > 0) c.env = d.env;
    if (d.image) c.image = d.image;
    if (d.pullPolicy) c.imagePullPolicy = d.pullPolicy;
    if (d.stdin) c.stdin = true;
    else delete c.stdin;
    if (d.tty) c.tty = true;
    else delete c.tty;
    applyCopyProfile(copy, spec, c, d);
    if (d.custom) {
      const i = spec.containers.indexOf(c);
      if (i >= 0) spec.containers[i] = applyCustomProfile(c, d.custom);
    }
  }
  return { pod: copy, container: name };
}

/** The profile's changes to a pod copy: labels, annotations, probes and init containers dropped (unless kept), processes shared. */
function applyCopyProfile(copy: KubeObject, spec: PodSpec, c: Container, d: DebugSpec): void {
  if (d.profile === 'legacy') {
    delete copy.metadata.labels;
    return;
  }
  if (!d.keep.labels) delete copy.metadata.labels;
  if (!d.keep.annotations) delete copy.metadata.annotations;
  for (const x of spec.containers) {
    if (!d.keep.liveness) delete x.livenessProbe;
    if (!d.keep.readiness) delete x.readinessProbe;
    if (!d.keep.startup) delete x.startupProbe;
  }
  if (!d.keep.initContainers) delete spec.initContainers;
  spec.shareProcessNamespace ??= true;
  applySecurity(c, d.profile, 'copy');
}

/** The container's securityContext under a profile (`allowProcessTracing`, `clearSecurityContext`, …). */
function applySecurity(c: Container, profile: Profile, style: 'ephemeral' | 'copy' | 'node'): void {
  const sc = (): SecurityContext => (c.securityContext ??= {});
  const addCap = (cap: string) => {
    const caps = (sc().capabilities ??= {});
    caps.add = [...(caps.add ?? []), cap];
  };
  switch (profile) {
    case 'legacy':
      return;
    case 'general':
      if (style === 'node') delete c.securityContext;
      else addCap('SYS_PTRACE');
      return;
    case 'baseline':
      delete c.securityContext;
      return;
    case 'restricted':
      delete c.securityContext;
      sc().runAsNonRoot = true;
      sc().capabilities = { drop: ['ALL'] };
      sc().allowPrivilegeEscalation = false;
      sc().seccompProfile = { type: 'RuntimeDefault' };
      return;
    case 'netadmin':
      addCap('NET_ADMIN');
      addCap('NET_RAW');
      return;
    case 'sysadmin':
      sc().privileged = true;
      return;
  }
}
