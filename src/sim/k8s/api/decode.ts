import type { ResourceInfo, ResourceRegistry } from './resources';
import { SCHEMA } from './schema/compactSchema';
import { goJson } from './schema/goJson';
import { strictDecode } from './schema/strictDecode';
import { statusErrors, type Status } from './status';
import type { KubeObject } from './types';

/**
 * Decoding a manifest document into an API object, as kubectl and the API
 * server do it together (kubectl ≥ 1.25, `--validate=strict`, server-side
 * field validation):
 * - `missingKind`: kubectl cannot decode it; kubectl prints
 *   `error: unable to decode "FILE": <message>`.
 * - `noMatch`: no served resource; kubectl prints
 *   `resource mapping not found for name: … : <message>` + `ensure CRDs are installed first`.
 * - `decode`: the API server answers 400 BadRequest with `status`
 *   (`Deployment in version "v1" cannot be handled as a Deployment: …`).
 * `paths` are the offending field paths (for file/line/column).
 */
export type DecodeResult =
  | { ok: true; object: KubeObject; info: ResourceInfo }
  | { ok: false; reason: 'missingKind' | 'noMatch' | 'decode'; message: string; status?: Status; paths: (string | number)[][] };

/**
 * Decodes one document's value into a typed object of a served kind,
 * strictly; `lenient` is kubectl's own universal decoder instead (unknown
 * fields dropped without a word, type errors reported bare).
 */
export function decodeObject(value: unknown, registry: ResourceRegistry, lenient = false): DecodeResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'bool' : 'number';
    return { ok: false, reason: 'missingKind', message: `json: cannot unmarshal ${kind} into Go value of type struct { Items json.RawMessage "json:\\"items\\"" }`, paths: [[]] };
  }
  const obj = value as Record<string, unknown>;
  // unstructured.GetKind/GetAPIVersion read only strings.
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  if (!kind) return { ok: false, reason: 'missingKind', message: `Object 'Kind' is missing in '${goJson(value)}'`, paths: [['kind']] };
  const info = resolveKind(registry, apiVersion, kind);
  if (!info) return { ok: false, reason: 'noMatch', message: `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}`, paths: [['apiVersion'], ['kind']] };
  const servedVersion = info.group ? `${info.group}/${info.version}` : info.version;
  const typeName = SCHEMA.kinds[`${servedVersion}/${info.kind}`];
  const input = apiVersion ? obj : { ...obj, apiVersion: servedVersion };
  if (!typeName) return { ok: true, object: input as KubeObject, info };
  const result = strictDecode(input, typeName, SCHEMA);
  const prefix = lenient ? '' : `${info.kind} in version ${JSON.stringify(info.version)} cannot be handled as a ${info.kind}: `;
  if (result.error) return badRequest(prefix + result.error.message, [result.error.path]);
  if (result.unknown.length && !lenient) {
    return badRequest(`${prefix}strict decoding error: ${result.unknown.map((u) => u.message).join(', ')}`, result.unknown.map((u) => u.path));
  }
  const object = result.value as KubeObject;
  if (!object.metadata) object.metadata = {} as KubeObject['metadata'];
  return { ok: true, object, info };
}

function badRequest(message: string, paths: (string | number)[][]): DecodeResult {
  return { ok: false, reason: 'decode', message, status: statusErrors.badRequest(message), paths };
}

/**
 * The REST mapping kubectl finds: an empty apiVersion matches the kind in the
 * core group only (the mapper then tries every version of group "").
 */
function resolveKind(registry: ResourceRegistry, apiVersion: string, kind: string): ResourceInfo | undefined {
  if (apiVersion) return registry.forKind(apiVersion, kind);
  return registry.all.find((i) => i.group === '' && i.kind === kind);
}
