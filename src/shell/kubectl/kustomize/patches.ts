import { parse, parseAllDocuments } from 'yaml';
import { applyPatch, matches, parseSelector, SelectorParseError, type KubeObject, type ResourceInfo } from '../../../sim/k8s/index';
import type { FileSource } from '../../types';
import { joinPath, KustomizeError, missing, stringList, type Dict } from './kustomization';
import { gvkOf, idString, infoOf, nameOf, namespaceOf, type Res } from './resources';

interface Target {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** The patch text of an entry: inline, or the file it names (relative to the kustomization). */
function patchText(files: FileSource, dir: string, entry: Dict, field: string): string {
  if (typeof entry.patch === 'string') return entry.patch;
  if (typeof entry.path === 'string') {
    const text = files.read(joinPath(dir, entry.path));
    if (text === undefined) throw new KustomizeError(`trouble configuring builtin ${field === 'patchesJson6902' ? 'PatchJson6902Transformer' : 'PatchTransformer'} with config: \`\npath: ${entry.path}\n\`: failed to get the patch file from path(${entry.path}): ${missing(files, joinPath(dir, entry.path))}`);
    return text;
  }
  throw new KustomizeError('must specify one of patch and path in ' + field);
}

/** Whether a label (or annotation) map matches a selector as `labels.Parse` reads it (equality, sets, existence). */
function selects(selector: string | undefined, map: unknown): boolean {
  if (!selector) return true;
  try {
    return matches(parseSelector(selector), (map ?? {}) as Record<string, string>);
  } catch (e) {
    if (e instanceof SelectorParseError) throw new KustomizeError(`unable to parse requirement: ${e.message}`);
    throw e;
  }
}

/** A glob-free regexp match as kustomize's target fields are anchored regular expressions. */
function fieldMatches(want: string | undefined, actual: string): boolean {
  if (want === undefined || want === '') return true;
  try {
    return new RegExp(`^(?:${want})$`).test(actual);
  } catch {
    return want === actual;
  }
}

function targeted(list: Res[], t: Target): Res[] {
  return list.filter((r) => {
    const gvk = gvkOf(r.obj);
    const meta = r.obj.metadata as Dict;
    return fieldMatches(t.group, gvk.group) && fieldMatches(t.version, gvk.version) && fieldMatches(t.kind, gvk.kind) && (fieldMatches(t.name, nameOf(r.obj)) || fieldMatches(t.name, r.orgName)) && fieldMatches(t.namespace, namespaceOf(r.obj)) && selects(t.labelSelector, meta.labels) && selects(t.annotationSelector, meta.annotations);
  });
}

/** The ResourceInfo strategic merge needs (a kind the playground does not serve merges as plain JSON). */
function infoFor(obj: Dict): ResourceInfo {
  const { group, version, kind } = gvkOf(obj);
  return infoOf(obj) ?? { kind, group, version, resource: `${kind.toLowerCase()}s`, singular: kind.toLowerCase(), shortNames: [], namespaced: true, categories: [], verbs: [], hasStatus: false };
}

function applyTo(r: Res, patch: unknown, type: 'strategic' | 'json'): void {
  const result = applyPatch(r.obj as unknown as KubeObject, patch, type, infoFor(r.obj));
  // kustomize's JSON patch library names the path unquoted.
  if (!result.ok) throw new KustomizeError(type === 'json' ? result.message.replace(/path: "([^"]*)"/, 'path: $1') : `unable to apply strategic merge patch to ${idString(r.obj)}: ${result.message}`);
  r.obj = result.object as unknown as Dict;
}

/**
 * A strategic merge patch on each resource `target` selects, or without a
 * target on its own (the one resource with its kind and name). The patch
 * takes the target's current name. `patches:` entries (`named`) say which
 * patch found no target; patchesStrategicMerge's do not.
 */
function strategic(list: Res[], patch: Dict, target: Target | undefined, named: boolean): void {
  let found: Res[];
  if (target !== undefined) found = targeted(list, target);
  else {
    const { kind } = gvkOf(patch);
    const name = nameOf(patch);
    const ns = namespaceOf(patch);
    found = list.filter((r) => gvkOf(r.obj).kind === kind && (r.orgName === name || nameOf(r.obj) === name) && (ns === '' || namespaceOf(r.obj) === ns));
    if (found.length !== 1) {
      const id = idString(patch);
      const why = `${found.length === 0 ? 'no matches' : 'multiple matches'} for Id ${id}; failed to find unique target for patch ${id}`;
      throw new KustomizeError(named ? `no resource matches strategic merge patch "${id}": ${why}` : why);
    }
  }
  for (const r of found) applyTo(r, { ...patch, metadata: { ...(patch.metadata as Dict | undefined), name: nameOf(r.obj) } }, 'strategic');
}

/** The patches of a YAML stream (a strategic merge patch file may hold several). */
function patchDocuments(text: string): Dict[] {
  const out: Dict[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (!('errors' in doc)) continue;
    const p = doc.toJS() as Dict | null;
    if (p) out.push(p);
  }
  return out;
}

/** Whether a patch text is a JSON 6902 operation list (kustomize's `patches` tells the two kinds apart this way). */
function jsonOps(text: string): unknown[] | undefined {
  const v = parse(text) as unknown;
  return Array.isArray(v) ? v : undefined;
}

/** `patchesStrategicMerge:` then `patches:` (kustomize runs them before the other transformers). */
export function applyStrategicMergeAndPatches(list: Res[], files: FileSource, dir: string, k: Dict): void {
  for (const entry of stringList(k, 'patchesStrategicMerge')) {
    // An entry is a file's path, or the patch itself written inline.
    const text = entry.includes('\n') || entry.trim().startsWith('{') ? entry : files.read(joinPath(dir, entry));
    if (text === undefined) throw new KustomizeError(missing(files, joinPath(dir, entry)));
    for (const p of patchDocuments(text)) strategic(list, p, undefined, false);
  }
  for (const e of (Array.isArray(k.patches) ? k.patches : []) as Dict[]) {
    const text = patchText(files, dir, e, 'patches');
    const target = e.target as Target | undefined;
    const ops = jsonOps(text);
    if (ops === undefined) {
      for (const p of patchDocuments(text)) strategic(list, p, target, true);
      continue;
    }
    if (target === undefined) throw new KustomizeError('unable to find patch target for JSON patch: a target is required');
    for (const r of targeted(list, target)) applyTo(r, ops, 'json');
  }
}

/** `patchesJson6902:` (kustomize runs them after labels and annotations). */
export function applyJson6902(list: Res[], files: FileSource, dir: string, k: Dict): void {
  for (const e of (Array.isArray(k.patchesJson6902) ? k.patchesJson6902 : []) as Dict[]) {
    const ops = jsonOps(patchText(files, dir, e, 'patchesJson6902')) ?? [];
    for (const r of targeted(list, (e.target ?? {}) as Target)) applyTo(r, ops, 'json');
  }
}
