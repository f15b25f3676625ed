import { contentHash } from '../contentHash';
import { encodeBase64 } from '../../../lib/encodeBase64';
import type { FileSource } from '../../types';
import { joinPath, KustomizeError, missing, stringMap, type Dict } from './kustomization';
import type { Res } from './resources';

const ARG_FIELDS = ['name', 'namespace', 'behavior', 'literals', 'files', 'envs', 'env', 'options', 'type'];

/**
 * configMapGenerator and secretGenerator: a ConfigMap (or Secret) per entry
 * from literals, files and env files, with generatorOptions' labels and
 * annotations, and a content hash appended to the name unless
 * disableNameSuffixHash says not to.
 */
export function generate(files: FileSource, dir: string, k: Dict, kind: 'ConfigMap' | 'Secret'): Res[] {
  const field = kind === 'ConfigMap' ? 'configMapGenerator' : 'secretGenerator';
  const list = k[field];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new KustomizeError(`invalid Kustomization: json: cannot unmarshal object into Go struct field Kustomization.${field} of type []types.${kind === 'ConfigMap' ? 'ConfigMapArgs' : 'SecretArgs'}`);
  const global = (k.generatorOptions ?? {}) as Dict;
  return list.map((entry: Dict) => {
    for (const f of Object.keys(entry ?? {})) {
      if (!ARG_FIELDS.includes(f) || (f === 'type' && kind === 'ConfigMap')) throw new KustomizeError(`invalid Kustomization: json: unknown field "${f}"`);
    }
    const behavior = entry.behavior ?? 'create';
    if (behavior !== 'create') throw new KustomizeError(`not simulated yet: generator behavior '${String(behavior)}' (merge and replace change a base's ${kind}; the playground builds one kustomization level)`);
    const name = String(entry.name ?? '');
    const data = collect(files, dir, entry, kind);
    const options = { ...global, ...((entry.options ?? {}) as Dict) };
    const metadata: Dict = { name };
    if (entry.namespace) metadata.namespace = String(entry.namespace);
    const labels = { ...stringMap(global.labels, 'generatorOptions.labels'), ...stringMap((entry.options as Dict | undefined)?.labels, 'options.labels') };
    const annotations = { ...stringMap(global.annotations, 'generatorOptions.annotations'), ...stringMap((entry.options as Dict | undefined)?.annotations, 'options.annotations') };
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    if (Object.keys(labels).length > 0) metadata.labels = labels;
    const obj: Dict = { apiVersion: 'v1', kind, metadata };
    if (kind === 'Secret') {
      const encoded: Record<string, string> = {};
      for (const [key, v] of Object.entries(data)) encoded[key] = encodeBase64(v);
      obj.data = encoded;
      obj.type = entry.type === undefined ? 'Opaque' : String(entry.type);
    } else obj.data = data;
    if (options.immutable === true) obj.immutable = true;
    if (name === '') throw new KustomizeError(`${kind === 'ConfigMap' ? 'configmap' : 'secret'} generator: a name is required`);
    return { obj, orgName: name, needsHash: options.disableNameSuffixHash !== true };
  });
}

/** The key/value pairs of a generator entry: env files, then files, then literals (kustomize's order), a key given twice refused. */
function collect(files: FileSource, dir: string, entry: Dict, kind: string): Record<string, string> {
  const data: Record<string, string> = {};
  const put = (key: string, value: string) => {
    if (Object.prototype.hasOwnProperty.call(data, key)) throw new KustomizeError(`cannot add key ${key}, another key by that name already exists in ${kind}`);
    data[key] = value;
  };
  const envs = [...asList(entry.envs), ...(entry.env ? [String(entry.env)] : [])];
  for (const env of envs) {
    const text = files.read(joinPath(dir, env));
    if (text === undefined) throw new KustomizeError(`loading KV pairs: env source files: [${envs.join(' ')}]: ${missing(files, joinPath(dir, env))}`);
    for (const [key, value] of parseEnvFile(text, env)) put(key, value);
  }
  for (const spec of asList(entry.files)) {
    const eq = spec.indexOf('=');
    const key = eq < 0 ? spec.slice(spec.lastIndexOf('/') + 1) : spec.slice(0, eq);
    const path = eq < 0 ? spec : spec.slice(eq + 1);
    const text = files.read(joinPath(dir, path));
    if (text === undefined) throw new KustomizeError(`loading KV pairs: file sources: [${asList(entry.files).join(' ')}]: ${missing(files, joinPath(dir, path))}`);
    put(key, text);
  }
  for (const literal of asList(entry.literals)) {
    const eq = literal.indexOf('=');
    if (eq <= 0) throw new KustomizeError(`loading KV pairs: literal sources [${asList(entry.literals).join(' ')}]: invalid literal source ${literal}, expected key=value`);
    let value = literal.slice(eq + 1);
    // kustomize drops one pair of matching quotes around a literal's value.
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) value = value.slice(1, -1);
    put(literal.slice(0, eq), value);
  }
  return data;
}

function asList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** An env file's pairs: `KEY=VALUE` lines; blank lines and `#` comments skipped, leading blanks trimmed. */
function parseEnvFile(text: string, source: string): [string, string][] {
  const out: [string, string][] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq < 0) throw new KustomizeError(`loading KV pairs: env source files: [${source}]: line ${i + 1}: "${line}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit`);
    out.push([line.slice(0, eq), line.slice(eq + 1)]);
  });
  return out;
}

/**
 * kustomize's name hash of a generated ConfigMap or Secret (`contentHash`):
 * kustomize v5 hashes the object before it has its name, so the name is
 * empty and prefixes, namespaces and labels never change the hash (older
 * releases, and kubectl's --append-hash, hash the name too).
 */
export function nameHash(obj: Dict): string {
  const m: Dict = { kind: obj.kind, name: '', data: obj.data ?? {} };
  if (obj.kind === 'Secret') m.type = obj.type;
  else if (obj.binaryData !== undefined) m.binaryData = obj.binaryData;
  return contentHash(m);
}
