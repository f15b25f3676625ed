/**
 * Generates the structural schema the simulated API server decodes with, for
 * every kind in `kubernetes-types`, using ts-json-schema-generator:
 *
 *   npx tsx scripts/gen-schemas.ts [--out FILE] [--full-out DIR]
 *
 * `--out` (default src/sim/k8s/api/schema/types.generated.json) gets the
 * compact table (field names, types, required fields; no descriptions).
 * `--full-out DIR` also writes one JSON Schema per kind WITH the API's
 * descriptions (for the editor), plus `index.json` listing them.
 *
 * Integer widths are not in kubernetes-types (every number is `number`):
 * fields are int32 unless listed in INT64_FIELDS (hand-listed from the Go
 * types) or named `observedGeneration` (int64 everywhere); FLOAT64_FIELDS
 * lists the few float fields.
 */
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createGenerator, type Definition } from 'ts-json-schema-generator';
import type { CompactSchema, CompactType } from '../src/sim/k8s/api/schema/compactSchema';

const TYPES_ROOT = 'node_modules/kubernetes-types';

/** `Struct.field` of every int64 field in the served API (Go types: `int64` / `*int64` / `[]int64`). */
const INT64_FIELDS = new Set([
  'ObjectMeta.generation',
  'ObjectMeta.deletionGracePeriodSeconds',
  'PodSpec.terminationGracePeriodSeconds',
  'PodSpec.activeDeadlineSeconds',
  'Probe.terminationGracePeriodSeconds',
  'SecurityContext.runAsUser',
  'SecurityContext.runAsGroup',
  'PodSecurityContext.runAsUser',
  'PodSecurityContext.runAsGroup',
  'PodSecurityContext.fsGroup',
  'PodSecurityContext.supplementalGroups',
  'DeleteOptions.gracePeriodSeconds',
  'JobSpec.activeDeadlineSeconds',
  'CronJobSpec.startingDeadlineSeconds',
  'ServiceAccountTokenProjection.expirationSeconds',
  'TokenRequestSpec.expirationSeconds',
  'TokenRequest.expirationSeconds',
  'Toleration.tolerationSeconds',
  'SleepAction.seconds',
]);
/** `Struct.field` of float64 fields (none in the API groups kubernetes-types 1.30 carries). */
const FLOAT64_FIELDS = new Set<string>([]);
/** Types that hold arbitrary JSON. */
const FREE_FORM = new Set(['RawExtension', 'FieldsV1', 'JSON', 'JSONSchemaProps', 'JSONSchemaPropsOrArray', 'JSONSchemaPropsOrBool', 'JSONSchemaPropsOrStringArray']);

interface Args {
  out: string;
  fullOut?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { out: 'src/sim/k8s/api/schema/types.generated.json' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = argv[++i];
    else if (argv[i] === '--full-out') args.fullOut = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

/** Every `group/version.d.ts`, with the Go package name its structs print with (`v1`). */
function typeFiles(): { file: string; goPackage: string }[] {
  const out: { file: string; goPackage: string }[] = [];
  for (const group of readdirSync(TYPES_ROOT, { withFileTypes: true })) {
    if (!group.isDirectory() || group.name === 'api') continue;
    for (const f of readdirSync(join(TYPES_ROOT, group.name))) {
      if (!f.endsWith('.d.ts')) continue;
      const version = f.slice(0, -'.d.ts'.length);
      out.push({ file: join(TYPES_ROOT, group.name, f), goPackage: version });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

type Json = Definition;

function refName(ref: string): string {
  return decodeURIComponent(ref.replace('#/definitions/', ''));
}

/** Converts one JSON-Schema node into a compact type expression. */
function compactExpr(node: Json, owner: string, field: string, defs: Record<string, Json>, goPackage: string, table: TypeTable): string {
  if (node.$ref) {
    const name = refName(node.$ref);
    if (name === 'Quantity') return 'q';
    if (name === 'Time' || name === 'MicroTime') return 't';
    if (FREE_FORM.has(name)) return 'any';
    return table.add(name, defs[name], defs, goPackage);
  }
  const t = node.type;
  if (Array.isArray(t)) {
    const set = new Set(t);
    if (set.has('number') && set.has('string') && set.size === 2) return 'ios';
    return 'any';
  }
  if (node.anyOf || node.oneOf) return 'any';
  switch (t) {
    case 'string':
      return 's';
    case 'boolean':
      return 'b';
    case 'number':
    case 'integer':
      if (INT64_FIELDS.has(`${owner}.${field}`) || field === 'observedGeneration') return 'i64';
      if (FLOAT64_FIELDS.has(`${owner}.${field}`)) return 'f64';
      return 'i32';
    case 'array':
      return `[]${compactExpr((node.items as Json) ?? {}, owner, field, defs, goPackage, table)}`;
    case 'object':
      if (node.additionalProperties && typeof node.additionalProperties === 'object' && !node.properties) {
        return `{}${compactExpr(node.additionalProperties as Json, owner, field, defs, goPackage, table)}`;
      }
      return 'any';
    default:
      return 'any';
  }
}

/** The table of object types; same-named types that differ between groups get `Name~2`, `Name~3`… */
class TypeTable {
  readonly types: Record<string, CompactType> = {};
  private readonly keys = new Map<string, string>();
  private readonly taken = new Map<string, number>();

  constructor(private readonly origin: (name: string, fallback: string) => string) {}

  add(name: string, def: Json | undefined, defs: Record<string, Json>, goPackage: string): string {
    if (!def) return 'any';
    const pkg = this.origin(name, goPackage);
    const identity = `${name}|${pkg}|${JSON.stringify(stripDocs(def))}`;
    const known = this.keys.get(identity);
    if (known) return known;
    const n = (this.taken.get(name) ?? 0) + 1;
    this.taken.set(name, n);
    const key = n === 1 ? name : `${name}~${n}`;
    this.keys.set(identity, key);
    const entry: CompactType = pkg === 'v1' ? { f: {} } : { g: pkg, f: {} };
    this.types[key] = entry;
    for (const [field, sub] of Object.entries((def.properties ?? {}) as Record<string, Json>)) entry.f[field] = compactExpr(sub, name, field, defs, pkg, this);
    if (def.required?.length) entry.r = [...def.required].sort();
    return key;
  }
}

const DOC_KEYS = new Set(['description', 'markdownDescription', 'title', 'examples', 'default', 'deprecated']);

function stripDocs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripDocs);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (!DOC_KEYS.has(k)) out[k] = stripDocs(v);
    return out;
  }
  return node;
}

/** Which file declares each exported type: an imported type's Go package is its own file's version. */
function declaringPackages(files: { file: string; goPackage: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { file, goPackage } of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/^export (?:interface|type) (\w+)/gm)) {
      const list = map.get(m[1]) ?? [];
      list.push(`${file}|${goPackage}`);
      map.set(m[1], list);
    }
  }
  return map;
}

/** Kinds declared in a file: interfaces with literal `apiVersion` and `kind`; lists excluded. */
function kindsOf(defs: Record<string, Json>, declaredHere: (name: string) => boolean): { kind: string; apiVersion: string }[] {
  const out: { kind: string; apiVersion: string }[] = [];
  for (const [name, d] of Object.entries(defs)) {
    const kind = (d.properties?.kind as Json | undefined)?.const;
    const apiVersion = (d.properties?.apiVersion as Json | undefined)?.const;
    if (typeof kind !== 'string' || typeof apiVersion !== 'string' || !declaredHere(name)) continue;
    if (kind.endsWith('List') && d.properties?.items) continue;
    out.push({ kind, apiVersion });
  }
  return out;
}

/** JSON Schema for the editor: no `$schema` URL (monaco-yaml would fetch it), Quantity accepts numbers, free-form types accept anything. */
function editorSchema(schema: Json): Json {
  const defs = { ...schema.definitions } as Record<string, Json>;
  if (defs.Quantity) defs.Quantity = { ...defs.Quantity, type: ['string', 'number'] };
  for (const name of FREE_FORM) if (defs[name]) defs[name] = { description: defs[name].description };
  const { $schema: _url, ...rest } = schema;
  return { ...rest, definitions: defs };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const files = typeFiles();
  const declared = declaringPackages(files);
  let currentFile = '';
  const table = new TypeTable((name, fallback) => {
    const decl = declared.get(name) ?? [];
    const own = decl.find((d) => d.startsWith(`${currentFile}|`));
    if (own || decl.length === 0) return fallback;
    const preferred = decl.find((d) => d.includes('/meta/')) ?? decl.find((d) => d.includes('/core/')) ?? decl[0];
    return preferred.split('|')[1];
  });
  const kinds: Record<string, string> = {};
  const fullIndex: { apiVersion: string; kind: string; file: string }[] = [];
  const started = performance.now();
  for (const { file, goPackage } of files) {
    if (file.includes('/meta/')) continue;
    currentFile = file;
    const gen = createGenerator({ path: file, type: '*', skipTypeCheck: true, expose: 'export', topRef: true, jsDoc: args.fullOut ? 'extended' : 'none', additionalProperties: false });
    const all = gen.createSchema('*');
    const allDefs = (all.definitions ?? {}) as Record<string, Json>;
    for (const { kind, apiVersion } of kindsOf(allDefs, (name) => (declared.get(name) ?? []).some((d) => d.startsWith(`${file}|`)))) {
      kinds[`${apiVersion}/${kind}`] = table.add(kind, allDefs[kind], allDefs, goPackage);
      if (args.fullOut) {
        const name = `${apiVersion.replace('/', '_')}_${kind}.json`;
        fullIndex.push({ apiVersion, kind, file: name });
        writeJson(join(args.fullOut, name), editorSchema(gen.createSchema(kind)));
      }
    }
  }
  const compact: CompactSchema = { kinds, types: table.types };
  writeJson(args.out, compact, false);
  if (args.fullOut) writeJson(join(args.fullOut, 'index.json'), fullIndex);
  console.log(`${Object.keys(kinds).length} kinds, ${Object.keys(table.types).length} types in ${Math.round(performance.now() - started)} ms → ${args.out}`);
}

function writeJson(path: string, value: unknown, pretty = true): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, pretty ? 2 : 0)}\n`);
}

main();
