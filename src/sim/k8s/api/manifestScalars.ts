/**
 * Scalar resolution as go-yaml v2 (`resolve.go`) does it for kubectl: YAML 1.1
 * booleans (`yes`, `on`, `y`…), Go `ParseInt(s, 0, 64)` integers (`0755` is
 * octal, `0x1F`, `0b101`, `1_000`), YAML-style floats; timestamps stay strings.
 */

const BOOL_NULL: Record<string, boolean | null> = {};
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BOOL_NULL[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) BOOL_NULL[s] = false;
for (const s of ['', '~', 'null', 'Null', 'NULL']) BOOL_NULL[s] = null;

const SPECIAL_FLOATS = new Set(['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go `strconv.ParseInt(s, 0, 64)` (then ParseUint): undefined when not an integer. */
function goParseInt(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2];
  let n: bigint;
  if (/^0[oO]/.test(body)) n = BigInt(`0o${body.slice(2)}`);
  else if (/^0[0-7]+$/.test(body)) n = BigInt(`0o${body.slice(1)}`);
  else n = BigInt(body);
  if (m[1] === '-') n = -n;
  if (n > 18446744073709551615n || n < -9223372036854775808n) return undefined;
  return Number(n);
}

/** The JSON value of an untagged plain scalar. */
export function resolvePlainScalar(s: string): unknown {
  if (s in BOOL_NULL) return BOOL_NULL[s];
  const c = s[0];
  if (c === '.') {
    if (SPECIAL_FLOATS.has(s)) return s;
    const f = Number(s);
    return YAML_STYLE_FLOAT.test(s) && Number.isFinite(f) ? f : s;
  }
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    if (SPECIAL_FLOATS.has(s)) return s;
    if (isTimestamp(s)) return s;
    const plain = s.replace(/_/g, '');
    const i = goParseInt(plain);
    if (i !== undefined) return i;
    if (YAML_STYLE_FLOAT.test(plain)) {
      const f = Number(plain);
      if (Number.isFinite(f)) return f;
    }
    const b = /^(-?)0b([01]+)$/.exec(plain);
    if (b) return Number(BigInt(`0b${b[2]}`)) * (b[1] ? -1 : 1);
  }
  return s;
}

/** go-yaml v2 `parseTimestamp` formats (kept as strings when decoding into interface{}). */
function isTimestamp(s: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[+-]\d{1,2}(?::\d{2})?))?)?$/.test(s);
}

const SHORT: Record<string, string> = {
  'tag:yaml.org,2002:str': '!!str',
  'tag:yaml.org,2002:int': '!!int',
  'tag:yaml.org,2002:float': '!!float',
  'tag:yaml.org,2002:bool': '!!bool',
  'tag:yaml.org,2002:null': '!!null',
  'tag:yaml.org,2002:timestamp': '!!timestamp',
  'tag:yaml.org,2002:binary': '!!binary',
};

function tagOf(v: unknown): string {
  if (v === null) return '!!null';
  if (typeof v === 'boolean') return '!!bool';
  if (typeof v === 'number') return Number.isInteger(v) ? '!!int' : '!!float';
  return '!!str';
}

/** A scalar with an explicit tag (`!!int "3"`); unknown tags decode as the plain text. */
export function resolveTaggedScalar(tag: string, raw: string, plain: boolean): { value: unknown } | { error: string } {
  const short = SHORT[tag];
  if (!short) return { value: plain ? resolvePlainScalar(raw) : raw };
  if (short === '!!str' || short === '!!binary') return { value: raw };
  const resolved = resolvePlainScalar(raw);
  let rtag = tagOf(resolved);
  if (isTimestamp(raw)) rtag = '!!timestamp';
  if (short === rtag) return { value: resolved };
  if (short === '!!float' && rtag === '!!int') return { value: resolved };
  return { error: `cannot decode ${rtag} \`${raw}\` as a ${short}` };
}

/** sigs.k8s.io/yaml's JSON key for a YAML key: strings as-is, numbers and booleans printed. */
export function yamlKeyString(key: unknown): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number') return String(key);
  if (typeof key === 'boolean') return String(key);
  if (key === null) return 'null';
  return JSON.stringify(key);
}
