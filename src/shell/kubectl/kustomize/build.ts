import type { FileSource } from '../../types';
import { toYaml } from '../printers/format/yaml/toYaml';
import { generate, nameHash } from './generators';
import { absolute, joinPath, KustomizeError, loadKustomization, missing, pathKind, stringList, type Dict } from './kustomization';
import { fixNameReferences } from './nameReferences';
import { applyJson6902, applyStrategicMergeAndPatches } from './patches';
import { appendRes, gvkOf, gvkString, meta, nameOf, namespaceOf, readObjects, type Res } from './resources';
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
 * `rootOnly` is kustomize's default load restrictor (a resource file must sit
 * in or below its kustomization's folder); `kubectl kustomize
 * --load-restrictor=LoadRestrictionsNone` lifts it.
 */
export function kustomizeBuild(files: FileSource, arg: string, rootOnly = true): KustomizeResult {
  const warnings: string[] = [];
  const { list, k } = buildDir(files, joinPath('', arg), arg, { warnings, rootOnly }, []);
  for (const r of list) if (r.needsHash) meta(r.obj).name = `${nameOf(r.obj)}-${nameHash(r.obj)}`;
  fixNameReferences(list);
  // Only the top kustomization's sortOptions count (kustomize ignores those of bases).
  const sorted = sortResources(list, k.sortOptions);
  const objects = sorted.map((r) => r.obj);
  return { yaml: objects.map((o) => toYaml(o)).join('---\n'), objects, warnings };
}

/** One kustomization level: its resources (sub-builds first), generators, patches and transformers; and the kustomization read. */
/** What every level of one build shares: the warnings it collects and whether loads stay in their kustomization's folder. */
interface BuildRun {
  warnings: string[];
  rootOnly: boolean;
}

function buildDir(files: FileSource, dir: string, arg: string, run: BuildRun, stack: string[]): { list: Res[]; k: Dict } {
  if (stack.includes(dir)) throw new KustomizeError(`cycle detected: candidate root '${dir}' contains visited root '${stack[stack.length - 1]}'`);
  const { k, warnings: w } = loadKustomization(files, dir, arg);
  run.warnings.push(...w);
  const list: Res[] = [];
  for (const entry of [...stringList(k, 'resources'), ...stringList(k, 'bases')]) {
    if (/^(https?:\/\/|git@|github\.com\/)/.test(entry)) throw new KustomizeError(`accumulating resources: accumulation err='accumulating resources from '${entry}': not simulated: the playground has no network; copy the files in instead'`);
    const path = joinPath(dir, entry);
    const kind = pathKind(files, path);
    if (kind === undefined) throw new KustomizeError(`accumulating resources: accumulation err='accumulating resources from '${entry}': ${missing(files, path)}': must build at directory: not a valid directory: ${missing(files, path)}`);
    if (kind === 'dir') {
      for (const r of buildDir(files, path, entry, run, [...stack, dir]).list) appendRes(list, r);
      continue;
    }
    // kustomize's load restrictor: a resource file must sit in or below the kustomization's folder.
    const root = absolute(files, dir);
    const file = absolute(files, path);
    if (run.rootOnly && !file.startsWith(`${root}/`)) throw new KustomizeError(`accumulating resources: accumulation err='accumulating resources from '${entry}': security; file '${file}' is not in or below '${root}'': must build at directory: '${file}': file is not directory`);
    for (const obj of readObjects(files.read(path)!, entry)) appendRes(list, { obj, orgName: nameOf(obj), needsHash: false }, { entry, absolute: absolute(files, path) });
  }
  for (const r of [...generate(files, dir, k, 'ConfigMap'), ...generate(files, dir, k, 'Secret')]) appendRes(list, r);
  applyStrategicMergeAndPatches(list, files, dir, k);
  setNamespace(list, k.namespace);
  setNameAffixes(list, k.namePrefix, k.nameSuffix);
  setLabelsAndAnnotations(list, k);
  applyJson6902(list, files, dir, k);
  setReplicas(list, k.replicas);
  setImages(list, k.images);
  return { list, k };
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
  // legacyGVKSortString and legacyResIDSortString, worked out once per resource.
  const keyed = list.map((r) => {
    const { group, version, kind } = gvkOf(r.obj);
    return { r, rank: rank(kind), gvk: `${group || '~G'}_${version || '~V'}_${kind || '~K'}`, id: `${gvkString(r.obj)}|${namespaceOf(r.obj) || '~X'}|${nameOf(r.obj) || '~N'}` };
  });
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  keyed.sort((a, b) => (a.gvk !== b.gvk ? a.rank - b.rank || cmp(a.gvk, b.gvk) : cmp(a.id, b.id)));
  return keyed.map((e) => e.r);
}
