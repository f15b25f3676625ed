import type { ExplainData, ExplainSchema } from './explainTypes';

/**
 * Builds explain's data from the editor's JSON Schema: types without the
 * editor's `null` alternatives, `$ref` as a definition name, int-or-string
 * fields as `IntOrString`, and only the enums the OpenAPI document declares
 * (the editor also lists values of free-form fields, such as a label
 * selector's operator).
 */
type Json = { [key: string]: unknown };

/** Fields whose values the editor proposes but whose OpenAPI schema has no enum. */
const NOT_OPENAPI_ENUMS = new Set(['LabelSelectorRequirement.operator']);

const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function refName(ref: string): string {
  return decodeURIComponent(ref.replace('#/definitions/', ''));
}

function typeOf(t: unknown): string | undefined {
  const types = (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string' && x !== 'null');
  if (types.includes('integer') && types.includes('string')) return 'IntOrString';
  return types[0];
}

function convert(node: unknown, owner: string, field?: string): ExplainSchema {
  if (!isObj(node)) return {};
  const out: ExplainSchema = {};
  if (typeof node.description === 'string') out.description = node.description;
  if (typeof node.$ref === 'string') out.ref = refName(node.$ref);
  const type = typeOf(node.type);
  if (type && !out.ref) out.type = type;
  if (isObj(node.properties)) {
    out.properties = {};
    for (const [k, v] of Object.entries(node.properties)) out.properties[k] = convert(v, owner, k);
  }
  if (Array.isArray(node.required) && node.required.length) out.required = node.required.filter((x): x is string => typeof x === 'string');
  if (isObj(node.items)) out.items = convert(node.items, owner, field);
  if (isObj(node.additionalProperties)) out.additionalProperties = convert(node.additionalProperties, owner);
  // The OpenAPI document lists enum values sorted (`restartPolicy`: Always, Never, OnFailure).
  if (Array.isArray(node.enum) && !(field && NOT_OPENAPI_ENUMS.has(`${owner.replace(/~\d+$/, '')}.${field}`))) out.enum = [...node.enum].sort();
  return out;
}

/** Integer fields are `number` in a schema generated straight from kubernetes-types (the editor's script retypes them). */
function integers(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(integers);
  if (!isObj(node)) return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'type' && v === 'number' ? 'integer' : integers(v)]));
}

/** Enums of the supplement's types (the editor's table, gen-editor-schemas.ts). */
const SUPPLEMENT_ENUMS: Record<string, readonly string[]> = { 'Taint.effect': ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] };

/**
 * The explain data of an editor schema (the JSON of src/ui/editor/schemas/kubernetes.json),
 * plus definitions the editor's schema lacks (`supplement`: Node and its types, nodeSchemas.json).
 */
export function deriveExplainData(editorSchema: unknown, supplement?: unknown): ExplainData {
  const root = isObj(editorSchema) ? editorSchema : {};
  const kinds: Record<string, string> = {};
  for (const entry of Array.isArray(root.allOf) ? root.allOf : []) {
    if (!isObj(entry) || !isObj(entry.if) || !isObj(entry.then) || typeof entry.then.$ref !== 'string') continue;
    const props = isObj(entry.if.properties) ? entry.if.properties : {};
    const apiVersion = isObj(props.apiVersion) ? props.apiVersion.const : undefined;
    const kind = isObj(props.kind) ? props.kind.const : undefined;
    if (typeof apiVersion === 'string' && typeof kind === 'string') kinds[`${apiVersion}/${kind}`] = refName(entry.then.$ref);
  }
  const definitions: Record<string, ExplainSchema> = {};
  for (const [name, def] of Object.entries(isObj(root.definitions) ? root.definitions : {})) {
    // Items of an array field carry the field's enum (`ServiceSpec.ipFamilies`); convert keeps it on the items.
    const converted = convert(def, name);
    // The OpenAPI v3 Quantity schema has no type, so explain names it (`<map[string]Quantity>`).
    if (name.replace(/~\d+$/, '') === 'Quantity') delete converted.type;
    definitions[name] = converted;
  }
  const extra = isObj(supplement) && isObj(supplement.definitions) ? supplement.definitions : {};
  for (const [name, def] of Object.entries(extra)) {
    if (definitions[name] || !isObj(def)) continue;
    const converted = convert(name === 'Quantity' ? def : integers(def), name);
    if (name === 'Quantity') delete converted.type;
    for (const [field, values] of Object.entries(SUPPLEMENT_ENUMS)) {
      const [type, prop] = field.split('.');
      if (type === name && converted.properties?.[prop]) converted.properties[prop].enum = [...values];
    }
    definitions[name] = converted;
  }
  if (definitions.Node) kinds['v1/Node'] = 'Node';
  return { kinds, definitions };
}
