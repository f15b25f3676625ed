import type { Container, DownwardAPIVolumeFile, KeyToPath, Pod, ResourceFieldSelector, Volume } from 'kubernetes-types/core/v1';
import { decodeBase64 } from '../../../lib/base64';
import { bytesOf, cpuMillis } from '../../../lib/quantity';
import type { ObjectStore } from '../../engine/store';
import type { KubeObject } from '../api/types';

type PodObj = KubeObject & Pod;

/** The files of an atomic-writer volume, or the message of MountVolume.SetUp failing. */
export type Projection = { ok: true; files: Map<string, string> } | { ok: false; message: string };

/** The service-account token volume is served by the container's own files (see containerFiles). */
export function isTokenVolume(v: Volume): boolean {
  return !!v.projected?.sources?.some((s) => s.serviceAccountToken);
}

/** Keys and values of a ConfigMap (binaryData decoded) or a Secret (data decoded). */
function contentOf(obj: KubeObject, kind: 'configmap' | 'secret'): Map<string, string> {
  const out = new Map<string, string>();
  const decode = (v: unknown) => decodeBase64(String(v ?? '')) ?? '';
  if (kind === 'configmap') {
    for (const [k, v] of Object.entries((obj.data ?? {}) as Record<string, string>)) out.set(k, String(v));
    for (const [k, v] of Object.entries((obj.binaryData ?? {}) as Record<string, string>)) out.set(k, decode(v));
  } else for (const [k, v] of Object.entries((obj.data ?? {}) as Record<string, string>)) out.set(k, decode(v));
  return out;
}

/** `configMap`/`secret` source: every key as a file, or only `items` at their paths. */
function keyFiles(store: ObjectStore, kind: 'configmap' | 'secret', ns: string, name: string, items: KeyToPath[] | undefined, optional: boolean | undefined, into: Map<string, string>): string | undefined {
  const obj = store.get<KubeObject>(kind === 'configmap' ? 'configmaps' : 'secrets', `${ns}/${name}`);
  if (!obj) return optional ? undefined : `${kind} "${name}" not found`;
  const content = contentOf(obj, kind);
  if (!items?.length) {
    for (const [k, v] of content) into.set(k, v);
    return undefined;
  }
  for (const item of items) {
    const v = content.get(item.key);
    if (v === undefined) {
      if (optional) continue;
      return `${kind === 'configmap' ? 'configmap' : 'secret'} references non-existent ${kind === 'configmap' ? 'config ' : 'secret '}key: ${item.key}`;
    }
    into.set(item.path, v);
  }
  return undefined;
}

/** `fieldpath.FormatMap`: sorted `key="value"` lines, no trailing newline. */
function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n');
}

/** One downwardAPI item's content (`ExtractFieldPathAsString`, `ExtractContainerResourceValue`). */
function downwardValue(item: DownwardAPIVolumeFile, pod: PodObj, node: KubeObject | undefined): string {
  if (item.fieldRef) {
    const path = item.fieldRef.fieldPath;
    const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
    if (m) return ((pod.metadata[m[1] as 'labels'] ?? {}) as Record<string, string>)[m[2]] ?? '';
    switch (path) {
      case 'metadata.name':
        return pod.metadata.name;
      case 'metadata.namespace':
        return pod.metadata.namespace ?? 'default';
      case 'metadata.uid':
        return pod.metadata.uid ?? '';
      case 'metadata.labels':
        return formatMap(pod.metadata.labels);
      case 'metadata.annotations':
        return formatMap(pod.metadata.annotations);
    }
    return '';
  }
  const r = item.resourceFieldRef;
  if (!r) return '';
  const c: Container | undefined = pod.spec?.containers.find((x) => x.name === r.containerName) ?? pod.spec?.containers[0];
  return resourceFieldValue(r, c, node);
}

/**
 * A container's resource as the downward API reports it
 * (`ExtractContainerResourceValue` after `MergeContainerResourceLimits`):
 * an unset limit is the node's allocatable, an unset request 0; the value
 * divided by the divisor (default 1) and rounded up: CPU in cores, memory in bytes.
 */
export function resourceFieldValue(r: ResourceFieldSelector, c: Container | undefined, node: KubeObject | undefined): string {
  const [kind, res] = r.resource.split('.') as ['limits' | 'requests', string];
  let q = (c?.resources?.[kind] as Record<string, string | number> | undefined)?.[res];
  // An unset limit reads as the node's allocatable (the kubelet merges it in).
  if (q === undefined && kind === 'limits') q = ((node?.status as { allocatable?: Record<string, string> } | undefined)?.allocatable ?? {})[res];
  if (res === 'cpu') return String(Math.ceil(cpuMillis(q ?? 0) / Math.max(1, cpuMillis(r.divisor ?? 1))));
  return String(Math.ceil(bytesOf(q ?? 0) / Math.max(1, bytesOf(r.divisor ?? 1))));
}

/**
 * What the kubelet's volume plugins write into a configMap, secret,
 * downwardAPI or projected volume as of now: files by relative path, or
 * the SetUp error (a missing object that is not optional).
 */
export function project(v: Volume, pod: PodObj, store: ObjectStore): Projection {
  const ns = pod.metadata.namespace ?? 'default';
  const files = new Map<string, string>();
  const node = pod.spec?.nodeName ? store.get<KubeObject>('nodes', pod.spec.nodeName) : undefined;
  let problem: string | undefined;
  if (v.configMap) problem = keyFiles(store, 'configmap', ns, v.configMap.name ?? '', v.configMap.items, v.configMap.optional, files);
  else if (v.secret) problem = keyFiles(store, 'secret', ns, v.secret.secretName ?? '', v.secret.items, v.secret.optional, files);
  else if (v.downwardAPI) for (const item of v.downwardAPI.items ?? []) files.set(item.path, downwardValue(item, pod, node));
  else if (v.projected) {
    for (const s of v.projected.sources ?? []) {
      if (s.configMap) problem = keyFiles(store, 'configmap', ns, s.configMap.name ?? '', s.configMap.items, s.configMap.optional, files);
      else if (s.secret) problem = keyFiles(store, 'secret', ns, s.secret.name ?? '', s.secret.items, s.secret.optional, files);
      else if (s.downwardAPI) for (const item of s.downwardAPI.items ?? []) files.set(item.path, downwardValue(item, pod, node));
      if (problem) break;
    }
  }
  return problem ? { ok: false, message: problem } : { ok: true, files };
}

/** The ConfigMaps and Secrets a volume reads (`configmaps/ns/name`), to know when its content changed. */
export function sourcesOf(v: Volume, ns: string): string[] {
  const out: string[] = [];
  if (v.configMap) out.push(`configmaps/${ns}/${v.configMap.name}`);
  if (v.secret) out.push(`secrets/${ns}/${v.secret.secretName}`);
  for (const s of v.projected?.sources ?? []) {
    if (s.configMap) out.push(`configmaps/${ns}/${s.configMap.name}`);
    if (s.secret) out.push(`secrets/${ns}/${s.secret.name}`);
  }
  return out;
}
