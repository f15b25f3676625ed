/**
 * go-yaml v2's `resolve` as the encoder uses it: a string may be written
 * plain only if reading it back plain would give a string again (not a
 * bool, int, float, null, timestamp or base-60 float).
 */

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const base60Float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Go `strconv.ParseInt(s, 0, 64)` / `ParseUint` syntax (sign, 0x/0o/0b/leading-0 octal, decimal). */
function parsesAsGoInt(s: string): boolean {
  const m = /^([+-]?)(.*)$/.exec(s)!;
  const body = m[2];
  // sigs.k8s.io/yaml's fork reads integers too large for 64 bits as numbers too, so any size counts
  if (/^0[xX][0-9a-fA-F]+$/.test(body)) return true;
  if (/^0[oO][0-7]+$/.test(body)) return true;
  if (/^0[bB][01]+$/.test(body)) return true;
  if (/^0[0-7]*$/.test(body)) return true;
  if (/^[1-9][0-9]*$/.test(body)) return true;
  return false;
}

/** Go `strconv.ParseFloat` acceptance for the decimal forms go-yaml lets through. */
function parsesAsGoFloat(s: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) || /^[+-]?(inf|infinity|nan)$/i.test(s);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && !leap ? 28 : DAYS_IN_MONTH[mo - 1]);
}

/** go-yaml v2 `parseTimestamp`: `2006-1-2T15:4:5.999999999Z07:00`, `2006-1-2 15:4:5.999999999`, `2006-1-2`. */
function isTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})([Tt]| )(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(s);
  if (!m) return false;
  if (m[4] !== ' ' && m[9] === undefined) return false;
  if (m[4] === ' ' && m[9] !== undefined) return false;
  return validDate(+m[1], +m[2], +m[3]) && +m[5] < 24 && +m[6] < 60 && +m[7] < 60;
}

/** Whether `resolve("", s)` would return the `!!str` tag. */
function resolvesToString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return false;
  const c = s[0];
  if (c === '.') return !parsesAsGoFloat(s);
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    if (isTimestamp(s)) return false;
    const plain = s.replace(/_/g, '');
    if (parsesAsGoInt(plain)) return false;
    if (yamlStyleFloat.test(plain) && parsesAsGoFloat(plain)) return false;
    if (/^-?0b[01]+$/.test(plain)) return false;
  }
  return true;
}

/** The encoder's `canUsePlain`: the string reads back as itself when written plain. */
export function canUsePlain(s: string): boolean {
  return resolvesToString(s) && !base60Float.test(s);
}
