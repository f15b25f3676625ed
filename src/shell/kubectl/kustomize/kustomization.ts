import { parseDocument, type YAMLError } from 'yaml';
import type { FileSource } from '../../types';

/** The playground's working directory (the editor's files), as kustomize's absolute paths name it. */
export const WORK_DIR = '/home/learner';

/** A build error worded as kustomize words it (kubectl prints `error: ` before it). */
export class KustomizeError extends Error {}

/** The file names kustomize looks for in a directory, in its order. */
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

export type Dict = Record<string, unknown>;

/** The fields of a Kustomization (kustomize v5's `types.Kustomization`) and whether the playground builds them. */
const FIELDS: Record<string, 'built' | 'not simulated'> = {
  apiVersion: 'built',
  kind: 'built',
  metadata: 'built',
  resources: 'built',
  bases: 'built',
  namespace: 'built',
  namePrefix: 'built',
  nameSuffix: 'built',
  commonLabels: 'built',
  labels: 'built',
  commonAnnotations: 'built',
  images: 'built',
  replicas: 'built',
  configMapGenerator: 'built',
  secretGenerator: 'built',
  generatorOptions: 'built',
  patches: 'built',
  patchesStrategicMerge: 'built',
  patchesJson6902: 'built',
  sortOptions: 'built',
  openapi: 'not simulated',
  imageTags: 'not simulated',
  replacements: 'not simulated',
  vars: 'not simulated',
  components: 'not simulated',
  crds: 'not simulated',
  helmGlobals: 'not simulated',
  helmCharts: 'not simulated',
  helmChartInflationGenerator: 'not simulated',
  configurations: 'not simulated',
  generators: 'not simulated',
  transformers: 'not simulated',
  validators: 'not simulated',
  buildMetadata: 'not simulated',
};

const EDIT_FIX = "Run 'kustomize edit fix' to update your Kustomization automatically.";

/** kustomize's warnings for deprecated fields (`CheckDeprecatedFields`), in its order (as kubectl 1.32 prints them). */
const DEPRECATED: [string, string][] = [
  ['bases', `# Warning: 'bases' is deprecated. Please use 'resources' instead. ${EDIT_FIX}`],
  ['commonLabels', `# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. ${EDIT_FIX}`],
  ['imageTags', `# Warning: 'imageTags' is deprecated. Please use 'images' instead. ${EDIT_FIX}`],
  ['patchesJson6902', `# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead. ${EDIT_FIX}`],
  ['patchesStrategicMerge', `# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches' instead. ${EDIT_FIX}`],
  ['vars', `# Warning: 'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] ${EDIT_FIX}`],
];

/** `rel` from `dir`, cleaned: `a/b/../c` → `a/c`; '' is the working directory, and a relative path above it keeps its `..` parts. */
export function joinPath(dir: string, rel: string): string {
  const parts: string[] = [];
  const full = rel.startsWith('/') || dir === '' ? rel : `${dir}/${rel}`;
  const abs = full.startsWith('/');
  for (const p of full.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(p);
  }
  return `${abs ? '/' : ''}${parts.join('/')}`;
}

/** The absolute path kustomize's messages show for a path of the playground (from the working folder when the files know it). */
export function absolute(files: FileSource, path: string): string {
  return files.absolute?.(path) ?? joinPath(WORK_DIR, path);
}

/** Where a path given to kustomize leads: a file, a directory, or nothing. */
export function pathKind(files: FileSource, path: string): 'file' | 'dir' | undefined {
  if (path === '' || path === '.') return 'dir';
  if (files.read(path) !== undefined) return 'file';
  return files.list?.(path) !== undefined ? 'dir' : undefined;
}

/** lstat's error on a missing path, as kustomize quotes it (`shown`: the path as the message names it first). */
export function missing(files: FileSource, path: string, shown = absolute(files, path)): string {
  return `evalsymlink failure on '${shown}' : lstat ${absolute(files, path)}: no such file or directory`;
}

export interface LoadedKustomization {
  k: Dict;
  warnings: string[];
}

/** A YAML syntax error as Go's yaml package words it: `yaml: line N: message`. */
export function yamlProblem(e: YAMLError): string {
  return `yaml: line ${e.linePos?.[0].line ?? 1}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
}

/** Reads and checks the kustomization file of directory `dir` (`arg` as the user wrote it). */
export function loadKustomization(files: FileSource, dir: string, arg: string): LoadedKustomization {
  const kind = pathKind(files, dir);
  if (kind === undefined) throw new KustomizeError(`must build at directory: not a valid directory: ${missing(files, dir, arg)}`);
  if (kind === 'file') throw new KustomizeError(`must build at directory: '${arg}': file is not directory`);
  const name = KUSTOMIZATION_FILES.find((f) => files.read(joinPath(dir, f)) !== undefined);
  if (name === undefined) throw new KustomizeError(`unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${absolute(files, dir)}'`);
  const text = files.read(joinPath(dir, name))!;
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) throw new KustomizeError(`invalid Kustomization: ${yamlProblem(doc.errors[0])}`);
  const k = (doc.toJS() ?? {}) as unknown;
  if (typeof k !== 'object' || k === null || Array.isArray(k)) throw new KustomizeError(`invalid Kustomization: json: cannot unmarshal ${Array.isArray(k) ? 'array' : 'string'} into Go value of type types.Kustomization`);
  const dict = k as Dict;
  for (const field of Object.keys(dict)) {
    const how = FIELDS[field];
    if (how === undefined) throw new KustomizeError(`invalid Kustomization: json: unknown field "${field}"`);
    if (how === 'not simulated') throw new KustomizeError(`not simulated yet: kustomize's '${field}' field is not part of the playground (yet); the playground builds resources, generators, patches, images, replicas, names, namespaces, labels and annotations`);
  }
  if (dict.kind !== undefined && dict.kind !== 'Kustomization') {
    if (dict.kind === 'Component') throw new KustomizeError('not simulated yet: kustomize components (kind: Component)');
    throw new KustomizeError(`kind should be Kustomization or Component`);
  }
  for (const field of ['namespace', 'namePrefix', 'nameSuffix']) expectString(dict[field], `Kustomization.${field}`);
  const warnings = DEPRECATED.filter(([f]) => dict[f] !== undefined).map(([, w]) => w);
  return { k: dict, warnings };
}

/** The JSON type Go's decoder names in its errors (`cannot unmarshal number into …`). */
export function goJsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** A value Go decodes into a string field (`where`: `Kustomization.namePrefix`, `Image.images.newTag` …): a string, or null. */
export function expectString(v: unknown, where: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new KustomizeError(`invalid Kustomization: json: cannot unmarshal ${goJsonType(v)} into Go struct field ${where} of type string`);
  return v;
}

/** A field that must be a list of strings (resources, bases, patchesStrategicMerge's paths …). */
export function stringList(k: Dict, field: string): string[] {
  const v = k[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new KustomizeError(`invalid Kustomization: json: cannot unmarshal ${typeof v === 'object' ? 'object' : typeof v} into Go struct field Kustomization.${field} of type []string`);
  return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
}

/** A field that must be a string map (commonLabels, commonAnnotations, labels' pairs …). */
export function stringMap(v: unknown, field: string): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new KustomizeError(`invalid Kustomization: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go struct field Kustomization.${field} of type map[string]string`);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(v as Dict)) out[key] = expectString(value, `Kustomization.${field}`) ?? '';
  return out;
}
