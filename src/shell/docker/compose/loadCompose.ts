import { parseDocument } from 'yaml';
import { interpolate, type LookupEnv } from './interpolate';
import { forbiddenError, propertyNotices } from './properties';
import { validateSchema } from './schema';

/**
 * Reads compose files as `docker stack deploy -c` does (docker/cli
 * `stack/loader` + `compose/loader`): YAML 1.1 merge keys, the version
 * check, forbidden keys, interpolation, the schema, then the files merged
 * in order. Returns the merged dictionary and the CLI's notices for stderr.
 */

export type Dict = Record<string, unknown>;

export interface ComposeSource {
  /** The path as given to `-c`. */
  name: string;
  text: string;
}

export type LoadResult = { ok: true; config: Dict; version: string; notices: string } | { ok: false; error: string };

/** docker/cli `schema.defaultVersion`: a file without `version` (or `version: "3"`) is read as 3.13. */
const DEFAULT_VERSION = '3.13';
const SUPPORTED = new Set(['3.0', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13']);

const isDict = (v: unknown): v is Dict => v !== null && typeof v === 'object' && !Array.isArray(v);

function versionOf(config: Dict): string {
  if (!('version' in config)) return DEFAULT_VERSION;
  const v = String(config.version ?? '');
  return v === '' || v === '3' ? DEFAULT_VERSION : v;
}

/** Parses one file; YAML errors in Go yaml's form (`yaml: line N: …`), with the column added. */
export function parseComposeYaml(text: string): { config: Dict } | { error: string } {
  const doc = parseDocument(text, { merge: true, uniqueKeys: false, prettyErrors: false, version: '1.1' });
  const err = doc.errors[0];
  if (err) {
    const before = text.slice(0, err.pos[0]).split('\n');
    const msg = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { error: `yaml: line ${before.length}, column ${before.at(-1)!.length + 1}: ${msg}` };
  }
  const value: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (!isDict(value)) return { error: 'top-level object must be a mapping' };
  return { config: value };
}

function mergeDicts(a: Dict, b: Dict): Dict {
  const out: Dict = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isDict(out[k]) && isDict(v) ? mergeDicts(out[k] as Dict, v) : v;
  return out;
}

/** Lists of `KEY=VALUE` (environment, labels) as maps, so that a later file adds to an earlier one. */
function mappingsAsMaps(config: Dict): Dict {
  const services = config.services;
  if (!isDict(services)) return config;
  const toMap = (v: unknown): unknown => {
    if (!Array.isArray(v)) return v;
    const m: Dict = {};
    for (const item of v) {
      const s = String(item);
      const eq = s.indexOf('=');
      m[eq < 0 ? s : s.slice(0, eq)] = eq < 0 ? null : s.slice(eq + 1);
    }
    return m;
  };
  const out: Dict = {};
  for (const [name, svc] of Object.entries(services)) {
    if (!isDict(svc)) {
      out[name] = svc;
      continue;
    }
    const next: Dict = { ...svc };
    if ('environment' in next) next.environment = toMap(next.environment);
    if ('labels' in next) next.labels = toMap(next.labels);
    if (isDict(next.deploy) && 'labels' in next.deploy) next.deploy = { ...next.deploy, labels: toMap(next.deploy.labels) };
    out[name] = next;
  }
  return { ...config, services: out };
}

/** Loads and merges the files (the first file's version rules them all). */
export function loadCompose(sources: readonly ComposeSource[], lookup: LookupEnv): LoadResult {
  if (sources.length === 0) return { ok: false, error: 'Please specify a Compose file (with --compose-file)' };
  const raws: Dict[] = [];
  for (const src of sources) {
    const parsed = parseComposeYaml(src.text);
    if ('error' in parsed) return { ok: false, error: parsed.error };
    raws.push(parsed.config);
  }
  const version = versionOf(raws[0]);
  let merged: Dict | undefined;
  for (const raw of raws) {
    const v = versionOf(raw);
    if (v !== version) return { ok: false, error: `version mismatched between two composefiles : ${version} and ${v}` };
    const forbidden = forbiddenError(raw);
    if (forbidden) return { ok: false, error: forbidden };
    const interpolated = interpolate(raw, lookup);
    if ('error' in interpolated) return { ok: false, error: interpolated.error };
    if (!SUPPORTED.has(version)) return { ok: false, error: `unsupported Compose file version: ${version}` };
    const bad = validateSchema(interpolated.value as Dict);
    if (bad) return { ok: false, error: bad };
    const config = mappingsAsMaps(interpolated.value as Dict);
    merged = merged ? mergeDicts(merged, config) : config;
  }
  return { ok: true, config: merged!, version, notices: propertyNotices(raws) };
}
