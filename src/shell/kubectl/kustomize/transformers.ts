import type { KubeObject } from '../../../sim/k8s/index';
import { podSpecOf } from '../podSpec';
import { addPairs, ANNOTATION_SPECS, METADATA_LABEL_SPECS, SELECTOR_LABEL_SPECS, TEMPLATE_LABEL_SPECS } from './fieldSpecs';
import { expectString, goJsonType, KustomizeError, stringMap, type Dict } from './kustomization';
import { gvkOf, isNamespaced, meta, nameOf, type Res } from './resources';

/** `namespace:` — every namespaced resource moves there, and a Namespace object takes its name (as kustomize does). */
export function setNamespace(list: Res[], namespace: unknown): void {
  if (typeof namespace !== 'string' || namespace === '') return;
  for (const r of list) {
    if (isNamespaced(r.obj)) meta(r.obj).namespace = namespace;
    else if (gvkOf(r.obj).kind === 'Namespace') meta(r.obj).name = namespace;
  }
}

/** Kinds whose names prefixes and suffixes leave alone (kustomize's `prefixSuffixFieldSpecsToSkip`). */
const KEEP_NAME = ['CustomResourceDefinition', 'APIService', 'Namespace'];

/** `namePrefix:` and `nameSuffix:`. */
export function setNameAffixes(list: Res[], prefix: unknown, suffix: unknown): void {
  const p = typeof prefix === 'string' ? prefix : '';
  const s = typeof suffix === 'string' ? suffix : '';
  if (p === '' && s === '') return;
  for (const r of list) {
    if (KEEP_NAME.includes(gvkOf(r.obj).kind)) continue;
    meta(r.obj).name = `${p}${nameOf(r.obj)}${s}`;
  }
}

/** `commonLabels:`, `labels:` and `commonAnnotations:`. */
export function setLabelsAndAnnotations(list: Res[], k: Dict): void {
  const common = stringMap(k.commonLabels, 'commonLabels');
  const groups = Array.isArray(k.labels) ? (k.labels as Dict[]) : k.labels === undefined || k.labels === null ? [] : invalidLabels();
  const annotations = stringMap(k.commonAnnotations, 'commonAnnotations');
  for (const r of list) {
    addPairs(r.obj, SELECTOR_LABEL_SPECS, common);
    for (const g of groups) {
      const pairs = stringMap(g.pairs, 'labels.pairs');
      addPairs(r.obj, g.includeSelectors === true ? SELECTOR_LABEL_SPECS : g.includeTemplates === true ? TEMPLATE_LABEL_SPECS : METADATA_LABEL_SPECS, pairs);
    }
    addPairs(r.obj, ANNOTATION_SPECS, annotations);
  }
}

function invalidLabels(): never {
  throw new KustomizeError('invalid Kustomization: json: cannot unmarshal object into Go struct field Kustomization.labels of type []types.Label');
}

/** The pod spec inside an object (a Pod's, a workload's template's, a CronJob's job template's), as a list of none or one. */
export function podSpecsOf(obj: Dict): Dict[] {
  const spec = podSpecOf(obj as unknown as KubeObject);
  return spec && typeof spec === 'object' ? [spec as Dict] : [];
}

/** Every container of a pod spec (init and app containers), as kustomize's image transformer visits them. */
export function containersOf(spec: Dict): Dict[] {
  return [...(Array.isArray(spec.initContainers) ? spec.initContainers : []), ...(Array.isArray(spec.containers) ? spec.containers : [])].filter((c): c is Dict => !!c && typeof c === 'object');
}

/** Splits `repo/name:tag@digest` into the name and what follows it (`:tag`, `@digest`, or both). */
function splitImage(image: string): { name: string; tag: string; digest: string } {
  let rest = image;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, tag: '', digest };
}

/** `images:` — a container whose image name matches gets the new name, tag or digest. */
export function setImages(list: Res[], images: unknown): void {
  if (images === undefined || images === null) return;
  if (!Array.isArray(images)) throw new KustomizeError('invalid Kustomization: json: cannot unmarshal object into Go struct field Kustomization.images of type []types.Image');
  for (const img of images as Dict[]) {
    for (const f of ['name', 'newName', 'newTag', 'digest']) expectString(img[f], `Image.images.${f}`);
    const name = String(img.name ?? '');
    for (const r of list) {
      for (const spec of podSpecsOf(r.obj)) {
        for (const c of containersOf(spec)) {
          if (typeof c.image !== 'string') continue;
          const cur = splitImage(c.image);
          if (cur.name !== name) continue;
          const newName = typeof img.newName === 'string' && img.newName !== '' ? img.newName : cur.name;
          if (img.digest !== undefined && img.digest !== '') c.image = `${newName}@${String(img.digest)}`;
          else if (img.newTag !== undefined && img.newTag !== '') c.image = `${newName}:${String(img.newTag)}`;
          else c.image = `${newName}${cur.tag ? `:${cur.tag}` : ''}${cur.digest ? `@${cur.digest}` : ''}`;
        }
      }
    }
  }
}

const SCALABLE = ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'];

/** `replicas:` — spec.replicas of the workloads named (by their name as written). */
export function setReplicas(list: Res[], replicas: unknown): void {
  if (replicas === undefined || replicas === null) return;
  if (!Array.isArray(replicas)) throw new KustomizeError('invalid Kustomization: json: cannot unmarshal object into Go struct field Kustomization.replicas of type []types.Replica');
  for (const rep of replicas as Dict[]) {
    if (rep.count !== undefined && rep.count !== null && !Number.isInteger(rep.count)) throw new KustomizeError(`invalid Kustomization: json: cannot unmarshal ${typeof rep.count === 'number' ? 'number ' + String(rep.count) : goJsonType(rep.count)} into Go struct field Replica.replicas.count of type int64`);
    const count = Number(rep.count ?? 0);
    for (const r of list) {
      if (!SCALABLE.includes(gvkOf(r.obj).kind) || (r.orgName !== rep.name && nameOf(r.obj) !== rep.name)) continue;
      if (!r.obj.spec || typeof r.obj.spec !== 'object') r.obj.spec = {};
      (r.obj.spec as Dict).replicas = count;
    }
  }
}
