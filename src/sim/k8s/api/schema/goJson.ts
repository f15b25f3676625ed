import { goJsonNumber } from './strictDecode';

/**
 * `json.Marshal` of a decoded YAML document as Go prints it: compact, map keys
 * sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped (what kubectl shows in
 * `Object 'Kind' is missing in '…'`).
 */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return goJsonNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  return `{${keys.map((k) => `${goJsonString(k)}:${goJson(obj[k])}`).join(',')}}`;
}

function goJsonString(s: string): string {
  return JSON.stringify(s)
    .replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\\([\\bf])/g, (e, c: string) => (c === 'b' ? '\\u0008' : c === 'f' ? '\\u000c' : e));
}
