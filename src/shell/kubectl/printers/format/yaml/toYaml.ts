import { goFloat } from '../../text/goFormat';
import { YamlEmitter, type NodeContext } from './yamlEmitter';
import { sortYamlKeys } from './yamlKeyOrder';
import { canUsePlain } from './yamlResolve';
import { analyzeScalar } from './yamlScalarAnalysis';
import { utf8Length } from '../../../../../lib/encodeBase64';

/**
 * `sigs.k8s.io/yaml.Marshal` as kubectl's `-o yaml` prints objects: the
 * value goes through JSON (so only JSON types remain), then go-yaml v2
 * encodes it: keys in go-yaml's order, block style, sequences in a
 * mapping not indented (`- ` under the key), strings quoted only when
 * they would read back as something else, long lines folded at 80.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function normalize(value: unknown): Json {
  return JSON.parse(JSON.stringify(value ?? null)) as Json;
}

const isMap = (v: Json): v is { [k: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);

function scalarText(v: Exclude<Json, Json[] | { [k: string]: Json }>): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? BigInt(v).toString() : goFloat(v);
  return v;
}

class Encoder {
  readonly e = new YamlEmitter();

  node(v: Json, ctx: NodeContext): void {
    if (Array.isArray(v)) this.sequence(v, ctx);
    else if (isMap(v)) this.mapping(v, ctx);
    else if (typeof v === 'string') this.e.emitScalar(v, v.includes('\n') ? 'literal' : canUsePlain(v) ? 'plain' : 'double', ctx);
    else this.e.emitScalar(scalarText(v), 'plain', ctx);
  }

  private emptyFlow(open: string, close: string): void {
    const e = this.e;
    e.writeIndicator(open, true, true, false);
    e.increaseIndent(true, false);
    e.flowLevel++;
    e.flowLevel--;
    e.popIndent();
    e.writeIndicator(close, false, false, false);
  }

  private sequence(items: Json[], ctx: NodeContext): void {
    if (items.length === 0 || this.e.flowLevel > 0) return this.emptyFlow('[', ']');
    const e = this.e;
    e.increaseIndent(false, ctx.mapping && !e.indention);
    for (const item of items) {
      e.writeIndent();
      e.writeIndicator('-', true, false, true);
      this.node(item, { root: false, sequence: true, mapping: false, simpleKey: false });
    }
    e.popIndent();
  }

  private mapping(map: { [k: string]: Json }, _ctx: NodeContext): void {
    const keys = sortYamlKeys(Object.keys(map));
    if (keys.length === 0) return this.emptyFlow('{', '}');
    const e = this.e;
    e.increaseIndent(false, false);
    for (const key of keys) {
      e.writeIndent();
      const simple = utf8Length(key) <= 128 && !analyzeScalar(key).multiline;
      if (simple) {
        this.node(key, { root: false, sequence: false, mapping: true, simpleKey: true });
        e.writeIndicator(':', false, false, false);
      } else {
        e.writeIndicator('?', true, false, true);
        this.node(key, { root: false, sequence: false, mapping: true, simpleKey: false });
        e.writeIndent();
        e.writeIndicator(':', true, false, true);
      }
      this.node(map[key], { root: false, sequence: false, mapping: true, simpleKey: false });
    }
    e.popIndent();
  }
}

/** YAML of a JSON-compatible value exactly as `sigs.k8s.io/yaml` (go-yaml v2) writes it. */
export function toYaml(value: unknown): string {
  const enc = new Encoder();
  enc.node(normalize(value), { root: true, sequence: false, mapping: false, simpleKey: false });
  const e = enc.e;
  // implicit document end: finish the last line (go-yaml v2 writes no `...` after a root scalar)
  e.writeIndent();
  return e.text();
}
