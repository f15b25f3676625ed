import type { Pod, PodSpec, Toleration, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import type { Rng } from '../../../../lib/rng';
import { flat } from '../../../../lib/flat';
import { objectKey, type ObjectStore } from '../../../engine/store';
import { compactCopyFor, compactWith } from '../compact';
import { statusErrors, type Status } from '../status';
import type { KubeObject } from '../types';
import { admitPodPriority } from './priorityAdmission';


const SA_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** The spec fields the plugins below set on most pods (`priorityClassName` only with a default class). */
const ADDED_FIELDS = ['serviceAccountName', 'serviceAccount', 'volumes', 'priority', 'preemptionPolicy', 'tolerations'];

/**
 * The mutating admission plugins that touch every new pod, in the API
 * server's order: ServiceAccount (default account, token volume and mounts),
 * Priority (`admitPodPriority`), DefaultTolerationSeconds. Returns the admitted pod's spec (the caller stores it in its own copy of the pod) or a 403.
 */
export function admitPod(pod: Stored, store: ObjectStore, rng: Rng): { ok: true; spec: PodSpec } | { ok: false; status: Status } {
  // Not `{ ...x }` + new keys: in Node 20's V8 a spread clone that then gains
  // a property gets a fresh hidden class per object (slow, and every later
  // read of it turns megamorphic; src/lib/extend.ts). A compact copy with
  // room for the fields the plugins add is the spec the pod is stored with.
  const spec: PodSpec = compactCopyFor(pod.spec as PodSpec, ADDED_FIELDS);
  const ns = pod.metadata.namespace ?? 'default';
  const gr = { group: '', resource: 'pods' };
  const name = pod.metadata.name;

  // ServiceAccount
  const saName = spec.serviceAccountName || spec.serviceAccount || 'default';
  const sa = store.get<KubeObject>('serviceaccounts', accountKey(ns, saName));
  if (!sa && !isMirrorPod(pod)) {
    return { ok: false, status: statusErrors.forbidden(gr, name, `error looking up service account ${ns}/${saName}: serviceaccount "${saName}" not found`) };
  }
  spec.serviceAccountName = saName;
  spec.serviceAccount = saName;
  const automount = spec.automountServiceAccountToken ?? (sa?.automountServiceAccountToken as boolean | undefined) ?? true;
  if (automount && !isMirrorPod(pod) && !hasTokenMount(spec)) {
    const volumeName = flat(`kube-api-access-${rng.string(5, NAME_ALPHABET)}`);
    // `concat`, not `[...list, x]`: Node 20's V8 gives a spread literal 16 spare slots, kept by every pod.
    spec.volumes = (spec.volumes ?? []).concat([tokenVolume(volumeName)]);
    const mount: VolumeMount = { name: volumeName, readOnly: true, mountPath: SA_MOUNT_PATH };
    spec.containers = spec.containers.map((c) => compactWith(c, 'volumeMounts', (c.volumeMounts ?? []).concat([mount])));
    if (spec.initContainers) spec.initContainers = spec.initContainers.map((c) => compactWith(c, 'volumeMounts', (c.volumeMounts ?? []).concat([mount])));
  }

  // Priority
  const refused = admitPodPriority(spec, store);
  if (refused) return { ok: false, status: statusErrors.forbidden(gr, name, refused) };

  // DefaultTolerationSeconds
  spec.tolerations = withDefaultTolerations(spec.tolerations);

  return { ok: true, spec };
}

type Stored = KubeObject & Pick<Pod, 'spec'>;

/** The last service account key built: a workload's pods ask for the same account (and its key's hash is kept). */
let lastAccount = { ns: '', name: '', key: '' };

function accountKey(ns: string, name: string): string {
  if (ns !== lastAccount.ns || name !== lastAccount.name) lastAccount = { ns, name, key: objectKey(ns, name) };
  return lastAccount.key;
}

function isMirrorPod(pod: KubeObject): boolean {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}

function hasTokenMount(spec: PodSpec): boolean {
  return spec.containers.some((c) => (c.volumeMounts ?? []).some((m) => m.mountPath === SA_MOUNT_PATH));
}

/** The projected token volume's content is the same for every pod: share it (objects are immutable). */
const TOKEN_PROJECTION: NonNullable<Volume['projected']> = Object.freeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
  ],
}) as NonNullable<Volume['projected']>;

function tokenVolume(name: string): Volume {
  return { name, projected: TOKEN_PROJECTION };
}

const DEFAULT_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

function tolerates(list: readonly Toleration[], key: string): boolean {
  return list.some((t) => (t.effect === 'NoExecute' || !t.effect) && ((t.operator === 'Exists' && (!t.key || t.key === key)) || t.key === key));
}

/** The result for each tolerations list seen (a workload's pods share their template's list: they share the result too). */
const withDefaults = new WeakMap<readonly Toleration[], Toleration[]>();
const NO_TOLERATIONS: Toleration[] = [];

/** Adds the 300 s not-ready/unreachable NoExecute tolerations a pod does not already have. */
export function withDefaultTolerations(tolerations: Toleration[] | undefined): Toleration[] {
  const list = tolerations ?? NO_TOLERATIONS;
  let out = withDefaults.get(list);
  if (!out) {
    const add = DEFAULT_TOLERATIONS.filter((d) => !tolerates(list, d.key!));
    out = add.length === 0 ? list : list.concat(add);
    withDefaults.set(list, out);
  }
  return out;
}
