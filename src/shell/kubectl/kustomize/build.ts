import type { FileSource } from '../../types';
import { toYaml } from '../printers/format/yaml/toYaml';
import { generate, nameHash } from './generators';
import { absolute, joinPath, KustomizeError, loadKustomization, missing, pathKind, stringList, type Dict } from './kustomization';
import { fixNameReferences } from './nameReferences';
import { applyPatches } from './patches';
import { appendRes, gvkOf, idString, meta, nameOf, namespaceOf, readObjects, type Res } from './resources';
import { setImages, setLabelsAndAnnotations, setNameAffixes, setNamespace, setReplicas } from './transformers';

export { KustomizeError } from './kustomization';

/** The outcome of a build: the YAML stream kubectl prints or reads, and kustomize's warnings. */
export interface KustomizeResult {
  yaml: string;
  objects: Dict[];
  warnings: string[];
}

/**
 * `kubectl kustomize DIR` (and `-k DIR`): kustomize v5's build of the
 * kustomization in DIR through the playground's files. Resources (files, or
 * directories with their own kustomization), generators, patches, then the
 * transformers in kustomize's order (namespace, prefix and suffix, labels,
 * annotations, JSON 6902 patches, replicas, images), generated names
 * hashed, references to renamed objects rewritten, and the result in
 * kustomize's legacy kind order. Throws KustomizeError with kustomize's words.
 */
export function kustomizeBuild(files: FileSource, arg: string): KustomizeResult {
  const warnings: string[] = [];
  const list = buildDir(files, joinPath('', arg), arg, warnings, []);
  for (const r of list) if (r.needsHash) meta(r.obj).name = `${nameOf(r.obj)}-${nameHash(r.obj)}`;
  fixNameReferences(list);
  const sorted = sortResources(list, loadKustomization(files, joinPath('', arg), arg).k.sortOptions);
  const objects = sorted.map((r) => r.obj);
  return { yaml: objects.map((o) => toYaml(o)).join('---\n'), objects, warnings };
}

/** One kustomization level: its resources (sub-builds first), generators, patches and transformers. */
function buildDir(files: FileSource, dir: string, arg: string, warnings: string[], stack: string[]): Res[] {
  if (stack.includes(dir)) throw new KustomizeError(`cycle detected: candidate root '${dir}' contains visited root '${stack[stack.length - 1]}'`);
  const { k, warnings: w } = loadKustomization(files, dir, arg);
  warnings.push(...w);
  const list: Res[] = [];
  for (const entry of [...stringList(k, 'resources'), ...stringList(k, 'bases')]) {
    if (/^(https?:\/\/|git@|github\.com\/)/.test(entry)) throw new KustomizeError(`accumulating resources: accumulation err='accumulating resources from '${entry}': not simulated: the playground has no network; copy the files in instead'`);
    const path = joinPath(dir, entry);
    const kind = pathKind(files, path);
    if (kind === undefined) throw new KustomizeError(`accumulating resources: accumulation err='accumulating resources from '${entry}': ${missing(path)}': must build at directory: not a valid directory: ${missing(path)}`);
    if (kind === 'dir') {
      for (const r of buildDir(files, path, entry, warnings, [...stack, dir])) appendRes(list, r);
      continue;
    }
    for (const obj of readObjects(files.read(path)!, entry)) appendRes(list, { obj, orgName: nameOf(obj), needsHash: false }, { entry, absolute: absolute(path) });
  }
  for (const r of [...generate(files, dir, k, 'ConfigMap'), ...generate(files, dir, k, 'Secret')]) appendRes(list, r);
  applyPatches(list, files, dir, k, 'strategicMergeAndPatches');
  setNamespace(list, k.namespace);
  setNameAffixes(list, k.namePrefix, k.nameSuffix);
  setLabelsAndAnnotations(list, k);
  applyPatches(list, files, dir, k, 'json6902');
  setReplicas(list, k.replicas);
  setImages(list, k.images);
  return list;
}

const ORDER_FIRST = ['Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service', 'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob', 'PodDisruptionBudget'];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

/** sortOptions (legacy by default, as kubectl asks for it; fifo keeps the input order). */
function sortResources(list: Res[], options: unknown): Res[] {
  const o = (options ?? { order: 'legacy' }) as Dict;
  if (o.order !== 'legacy' && o.order !== 'fifo') throw new KustomizeError("the field 'sortOptions.order' must be one of [fifo, legacy]");
  if (o.order === 'fifo') {
    if (o.legacySortOptions !== undefined) throw new KustomizeError("the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'");
    return list;
  }
  const legacy = (o.legacySortOptions ?? { orderFirst: ORDER_FIRST, orderLast: ORDER_LAST }) as { orderFirst?: string[]; orderLast?: string[] };
  const first = legacy.orderFirst ?? [];
  const last = legacy.orderLast ?? [];
  const rank = (kind: string) => (first.includes(kind) ? -first.length + first.indexOf(kind) : last.includes(kind) ? 1 + last.indexOf(kind) : 0);
  const gvkString = (obj: Dict) => {
    const { group, version, kind } = gvkOf(obj);
    return `${group || '~G'}_${version || '~V'}_${kind || '~K'}`;
  };
  const idSort = (obj: Dict) => `${idString(obj).split('/')[0]}|${namespaceOf(obj) || '~X'}|${nameOf(obj) || '~N'}`;
  return [...list].sort((a, b) => {
    const ga = gvkString(a.obj);
    const gb = gvkString(b.obj);
    if (ga !== gb) {
      const ka = gvkOf(a.obj).kind;
      const kb = gvkOf(b.obj).kind;
      if (rank(ka) !== rank(kb)) return rank(ka) - rank(kb);
      return ga < gb ? -1 : 1;
    }
    const ia = idSort(a.obj);
    const ib = idSort(b.obj);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
}
