/**
 * The API machinery kubectl needs from the engine (manifest parsing with
 * positions, decoding against the served kinds, client-side apply patches).
 * The engine will export these from `sim/k8s/index`; until it does, thin
 * local stand-ins live here, in this one file, with the same contracts.
 */
import { LineCounter, parseAllDocuments, isMap, isSeq, isScalar, type Node } from 'yaml';
import type { KubeObject, ResourceInfo, ResourceRegistry, Status } from '../../sim/k8s/index';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

export interface Position {
  line: number;
  column: number;
}

export interface ManifestDocument {
  index: number;
  value: unknown;
  start: Position;
  /** Position of the key (or item) at a field path; falls back to the nearest existing ancestor. */
  positionOf(path: readonly (string | number)[]): Position;
}

export interface ParsedManifests {
  documents: ManifestDocument[];
  /** `message` is kubectl's text after `error parsing FILE: `. */
  error?: { message: string; position: Position; documentIndex: number };
}

export type DecodeResult =
  | { ok: true; object: KubeObject; info: ResourceInfo }
  | { ok: false; reason: 'missingKind' | 'noMatch' | 'decode'; message: string; status?: Status; paths: (string | number)[][] };

/** `spec.containers[0].image` → `['spec', 'containers', 0, 'image']`. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** Splits a multi-document YAML (or JSON) text into values with positions. */
export function parseManifests(text: string): ParsedManifests {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const documents: ManifestDocument[] = [];
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    if (d.errors.length > 0) {
      const e = d.errors[0];
      const pos = lc.linePos(e.pos[0]);
      const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      return { documents, error: { message: `error converting YAML to JSON: yaml: line ${pos.line}: ${msg}`, position: { line: pos.line, column: pos.col }, documentIndex: i } };
    }
    const value = d.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) continue;
    const root = d.contents as Node | null;
    const start = root?.range ? lc.linePos(root.range[0]) : { line: 1, col: 1 };
    documents.push({
      index: documents.length,
      value,
      start: { line: start.line, column: start.col },
      positionOf(path: readonly (string | number)[]) {
        let node: unknown = root;
        let last: Position = { line: start.line, column: start.col };
        for (const key of path) {
          if (isMap(node)) {
            const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
            if (!pair) return last;
            const k = pair.key as Node;
            if (k.range) {
              const p = lc.linePos(k.range[0]);
              last = { line: p.line, column: p.col };
            }
            node = pair.value;
          } else if (isSeq(node) && typeof key === 'number') {
            const item = node.items[key] as Node | undefined;
            if (!item) return last;
            if (item.range) {
              const p = lc.linePos(item.range[0]);
              last = { line: p.line, column: p.col };
            }
            node = item;
          } else return last;
        }
        return last;
      },
    });
  }
  return { documents };
}

/** Checks apiVersion/kind against the served kinds (the REST mapping step of kubectl). */
export function decodeObject(value: unknown, registry: ResourceRegistry): DecodeResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'decode', message: `error decoding: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`, paths: [[]] };
  }
  const obj = value as Record<string, unknown>;
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const json = JSON.stringify(obj);
  if (!kind) return { ok: false, reason: 'missingKind', message: `Object 'Kind' is missing in '${json}'`, paths: [['kind']] };
  if (!apiVersion) return { ok: false, reason: 'missingKind', message: `Object 'apiVersion' is missing in '${json}'`, paths: [['apiVersion']] };
  const info = registry.forKind(apiVersion, kind);
  if (!info) {
    const slash = apiVersion.indexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    return { ok: false, reason: 'noMatch', message: `no matches for kind "${kind}" in version "${group ? `${group}/` : ''}${version}"`, paths: [['apiVersion'], ['kind']] };
  }
  const metadata = (obj.metadata ?? {}) as KubeObject['metadata'];
  return { ok: true, object: { ...obj, apiVersion, kind, metadata: { ...metadata, name: metadata.name ?? '' } } as KubeObject, info };
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether `live` already has everything `desired` says (the server may have added defaults). */
function covers(live: unknown, desired: unknown): boolean {
  if (Array.isArray(desired)) return Array.isArray(live) && live.length === desired.length && desired.every((d, i) => covers(live[i], d));
  if (isObj(desired)) return isObj(live) && Object.entries(desired).every(([k, v]) => covers(live[k], v));
  return same(live, desired);
}

/** A JSON merge patch taking `live` to `desired`, deleting what `lastApplied` had and `desired` dropped. */
function threeWay(live: unknown, last: unknown, desired: unknown): unknown {
  if (covers(live, desired) && !isObj(desired)) return undefined;
  if (!isObj(desired) || !isObj(live)) return same(live, desired) ? undefined : desired;
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(desired)) {
    const sub = threeWay(live[k], isObj(last) ? last[k] : undefined, v);
    if (sub !== undefined) patch[k] = sub;
  }
  if (isObj(last)) for (const k of Object.keys(last)) if (!(k in desired) && k in live) patch[k] = null;
  return Object.keys(patch).length ? patch : undefined;
}

/** The client-side apply patch: `{patch, empty}` (empty → `unchanged`). */
export function createApplyPatch(live: KubeObject, lastApplied: unknown, desired: KubeObject, _info: ResourceInfo): { patch: unknown; empty: boolean } {
  const patch = threeWay(live, lastApplied, desired);
  return { patch: patch ?? {}, empty: patch === undefined };
}

/** The `last-applied-configuration` annotation value for a desired object. */
export function lastAppliedValue(desired: KubeObject): string {
  const copy = JSON.parse(JSON.stringify(desired)) as KubeObject;
  const ann = { ...copy.metadata.annotations };
  delete ann[LAST_APPLIED_ANNOTATION];
  if (Object.keys(ann).length) copy.metadata.annotations = ann;
  else delete copy.metadata.annotations;
  return JSON.stringify(copy) + '\n';
}
