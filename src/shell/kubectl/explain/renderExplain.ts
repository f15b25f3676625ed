import type { ExplainData, ExplainSchema } from './explainTypes';
import { indent, wrapString } from './wordWrap';

/**
 * kubectl 1.32's `explain` plaintext output (`pkg/explain/v2/templates/
 * plaintext.tmpl`), template by template: the GVK header, then either the
 * resource's or the field's DESCRIPTION and FIELDS, `--recursive` as an
 * indented tree. A field holding a `$ref` with its own description is what
 * OpenAPI v3 writes as `allOf: [{$ref}]` beside the description, and is
 * treated so (both descriptions print).
 */
export interface ExplainTarget {
  group: string;
  version: string;
  kind: string;
  /** Definition name of the kind's schema. */
  definition: string;
  fieldPath: readonly string[];
  recursive: boolean;
}

type History = ReadonlySet<string>;

export class ExplainRenderer {
  constructor(private readonly data: ExplainData) {}

  /** The whole output, or an `error: field "x" does not exist` message. */
  render(t: ExplainTarget): { text: string } | { error: string } {
    const root = this.data.definitions[t.definition];
    let head = t.group ? `GROUP:      ${t.group}\n` : '';
    head += `KIND:       ${t.kind}\nVERSION:    ${t.version}\n\n`;
    const body = this.output(root ?? {}, t.fieldPath, new Set(), t.recursive);
    if (!body) return { error: `error: field "${t.fieldPath[t.fieldPath.length - 1]}" does not exist` };
    return { text: `${head}${body}\n` };
  }

  /** `$ref` of a schema that is only a reference (no description of its own). */
  private pureRef(s: ExplainSchema): string {
    return s.ref && s.description === undefined ? s.ref : '';
  }

  /** The `allOf` alternatives: a described reference. */
  private allOf(s: ExplainSchema): ExplainSchema[] {
    return s.ref && s.description !== undefined ? [{ ref: s.ref }] : [];
  }

  private resolve(s: ExplainSchema): ExplainSchema {
    const ref = this.pureRef(s);
    return (ref && this.data.definitions[ref]) || s;
  }

  /** Template "output": follows the field path, then prints DESCRIPTION and FIELDS. */
  private output(schema: ExplainSchema, fieldPath: readonly string[], history: History, recursive: boolean): string {
    const ref = this.pureRef(schema);
    const next = new Set(history).add(ref);
    const resolved = this.resolve(schema);
    if (fieldPath.length === 0) {
      let s = `DESCRIPTION:\n${indent(4, wrapString(this.description(schema) || '<empty>', 76))}\n`;
      const fields = this.fieldList(resolved, 1, new Set(), recursive);
      if (fields) s += `FIELDS:\n${fields}`;
      return s;
    }
    if (ref && history.has(ref)) return '';
    const sub = resolved.properties?.[fieldPath[0]];
    if (sub) {
      const header = fieldPath.length === 1 ? `FIELD: ${fieldPath[0]} <${this.typeGuess(sub)}>\n${this.enumLong(sub)}\n\n` : '';
      return header + this.output(sub, fieldPath.slice(1), new Set(), recursive);
    }
    if (resolved.items) return this.output(resolved.items, fieldPath, next, recursive);
    if (resolved.additionalProperties) return this.output(resolved.additionalProperties, fieldPath, next, recursive);
    for (const alt of this.allOf(resolved)) {
      const r = this.output(alt, fieldPath, next, recursive);
      if (r) return r;
    }
    return '';
  }

  /** Template "description": the schema's, then its allOf's, items' and map values' descriptions. */
  private description(schema: ExplainSchema): string {
    const r = this.resolve(schema);
    let s = r.description !== undefined && r.description !== '' ? `${r.description}\n` : '';
    for (const alt of this.allOf(r)) s += this.description(alt);
    if (r.items) s += this.description(r.items);
    if (r.additionalProperties) s += this.description(r.additionalProperties);
    return s;
  }

  /** Template "fieldList": one entry per property (sorted), nested under `--recursive`; stops at reference cycles. */
  private fieldList(schema: ExplainSchema, level: number, history: History, recursive: boolean): string {
    const ref = this.pureRef(schema);
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const r = this.resolve(schema);
    let s = '';
    for (const name of Object.keys(r.properties ?? {}).sort()) {
      s += this.fieldDetail(name, r, recursive, level);
      if (recursive) s += this.fieldList(r.properties![name], level + 1, next, recursive);
    }
    for (const alt of this.allOf(r)) s += this.fieldList(alt, level, next, recursive);
    if (r.items) s += this.fieldList(r.items, level, next, recursive);
    if (r.additionalProperties) s += this.fieldList(r.additionalProperties, level, next, recursive);
    return s;
  }

  /** Template "fieldDetail": `name\t<type> -required-`, the enum, and (not short) the wrapped description. */
  private fieldDetail(name: string, container: ExplainSchema, short: boolean, level: number): string {
    const pad = level * 2;
    const field = container.properties![name];
    let s = `${indent(pad, name)}\t<${this.typeGuess(field)}>`;
    if (container.required?.includes(name)) s += ' -required-';
    s += this.enumShort(field, pad);
    s += '\n';
    if (!short) s += `${indent(pad + 2, wrapString(field.description || '<no description>', 78 - pad))}\n\n`;
    return s;
  }

  /** Template "typeGuess": `string`, `Object`, `[]Container`, `map[string]string`, a definition's name. */
  typeGuess(schema: ExplainSchema): string {
    if (schema.items) return `[]${this.typeGuess(schema.items)}`;
    if (schema.additionalProperties) return `map[string]${this.typeGuess(schema.additionalProperties)}`;
    const alts = this.allOf(schema);
    if (alts.length === 1 && !schema.properties) return this.typeGuess(alts[0]);
    if (schema.ref) {
      const def = this.data.definitions[schema.ref];
      if (!def || !def.type || def.type === 'object') return schema.ref.replace(/~\d+$/, '').split('.').pop() || 'Object';
      return def.type;
    }
    if (schema.type === 'object') return 'Object';
    return schema.type || 'Object';
  }

  private enumValues(schema: ExplainSchema): string[] {
    return (schema.enum ?? []).map((v) => (v === '' ? '""' : String(v)));
  }

  /** `enum: a, b, c, d, ....` under a field in the list (at most four values). */
  private enumShort(schema: ExplainSchema, pad: number): string {
    const values = this.enumValues(schema);
    if (values.length === 0) return '';
    const shown = values.length > 4 ? `${values.slice(0, 4).join(', ')}, ....` : values.join(', ');
    return `\n${' '.repeat(pad)}enum: ${shown}`;
  }

  /** `ENUM:` then one value per line, after a FIELD header. */
  private enumLong(schema: ExplainSchema): string {
    const values = this.enumValues(schema);
    return values.length ? `ENUM:${values.map((v) => `\n    ${v}`).join('')}` : '';
  }
}
