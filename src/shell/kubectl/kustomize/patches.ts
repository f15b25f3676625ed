import { parse, parseAllDocuments } from 'yaml';
import { applyPatch, type KubeObject, type ResourceInfo } from '../../../sim/k8s/index';
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
    if (text === undefined) throw new KustomizeError(`trouble configuring builtin ${field === 'patchesJson6902' ? 'PatchJson6902Transformer' : 'PatchTransformer'} with config: \`\npath: ${entry.path}\n\`: failed to get the patch file from path(${entry.path}): ${missing(joinPath(dir, entry.path))}`);
    return text;
  }
  throw new KustomizeError('must specify one of patch and path in ' + field);
}

/** `a=b,c!=d` style selectors against a label (or annotation) map: equality, inequality and existence. */
function selects(selector: string | undefined, map: unknown): boolean {
  if (!selector) return true;
  const m = (map && typeof map === 'object' ? map : {}) as Record<string, string>;
  return selector.split(',').every((term) => {
    const t = term.trim();
    const ne = t.indexOf('!=');
    if (ne > 0) return m[t.slice(0, ne).trim()] !== t.slice(ne + 2).trim();
    const eq = t.indexOf('=');
    if (eq > 0) return m[t.slice(0, eq).trim()] === t.slice(eq + 1).replace(/^=/, '').trim();
    if (t.startsWith('!')) return !(t.slice(1) in m);
    return t in m;
  });
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
 * A strategic merge patch on its own target (the resource with its kind and
 * name), or on each resource `target` selects. `patches:` entries (`named`)
 * say which patch found no target; patchesStrategicMerge's do not.
 */
function strategic(list: Res[], patch: Dict, target: Target | undefined, named: boolean): void {
  if (target !== undefined) {
    for (const r of targeted(list, target)) {
      const p = { ...patch, metadata: { ...(patch.metadata as Dict | undefined), name: nameOf(r.obj) } };
      applyTo(r, p, 'strategic');
    }
    return;
  }
  const { kind } = gvkOf(patch);
  const name = String((patch.metadata as Dict | undefined)?.name ?? '');
  const ns = namespaceOf(patch);
  const matches = list.filter((r) => gvkOf(r.obj).kind === kind && (r.orgName === name || nameOf(r.obj) === name) && (ns === '' || namespaceOf(r.obj) === ns));
  if (matches.length !== 1) {
    const id = idString(patch);
    const why = `${matches.length === 0 ? 'no matches' : 'multiple matches'} for Id ${id}; failed to find unique target for patch ${id}`;
    throw new KustomizeError(named ? `no resource matches strategic merge patch "${id}": ${why}` : why);
  }
  const r = matches[0];
  applyTo(r, { ...patch, metadata: { ...(patch.metadata as Dict | undefined), name: nameOf(r.obj) } }, 'strategic');
}

/** Whether a patch text is a JSON 6902 operation list (kustomize's `patches` tells the two kinds apart this way). */
function jsonOps(text: string): unknown[] | undefined {
  const v = parse(text) as unknown;
  return Array.isArray(v) ? v : undefined;
}

/** `patches:`, `patchesStrategicMerge:` and `patchesJson6902:` in kustomize's order. */
export function applyPatches(list: Res[], files: FileSource, dir: string, k: Dict, which: 'strategicMergeAndPatches' | 'json6902'): void {
  if (which === 'json6902') {
    const entries = (Array.isArray(k.patchesJson6902) ? k.patchesJson6902 : []) as Dict[];
    for (const e of entries) {
      const ops = jsonOps(patchText(files, dir, e, 'patchesJson6902'));
      const target = (e.target ?? {}) as Target;
      for (const r of targeted(list, target)) applyTo(r, ops ?? [], 'json');
    }
    return;
  }
  for (const entry of stringList(k, 'patchesStrategicMerge')) {
    // An entry is a file's path, or the patch itself written inline.
    const text = entry.includes('\n') || entry.trim().startsWith('{') ? entry : files.read(joinPath(dir, entry));
    if (text === undefined) throw new KustomizeError(`${missing(joinPath(dir, entry))}`);
    for (const doc of parseAllDocuments(text)) {
      if (!('errors' in doc)) continue;
      const p = doc.toJS() as Dict | null;
      if (p) strategic(list, p, undefined, false);
    }
  }
  const entries = (Array.isArray(k.patches) ? k.patches : []) as Dict[];
  for (const e of entries) {
    const text = patchText(files, dir, e, 'patches');
    const target = e.target as Target | undefined;
    const ops = jsonOps(text);
    if (ops !== undefined) {
      if (target === undefined) throw new KustomizeError('unable to find patch target for JSON patch: a target is required');
      for (const r of targeted(list, target)) applyTo(r, ops, 'json');
      continue;
    }
    for (const doc of parseAllDocuments(text)) {
      if (!('errors' in doc)) continue;
      const p = doc.toJS() as Dict | null;
      if (p) strategic(list, p, target, true);
    }
  }
}
