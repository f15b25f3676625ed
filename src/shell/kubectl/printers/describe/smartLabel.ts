/**
 * kubectl's `smartLabelFor`: a JSON field name as a describe label
 * (`apiVersion` → `API Version`, `holderIdentity` → `Holder Identity`),
 * splitting with github.com/fatih/camelcase's rules.
 */

function camelSplit(src: string): string[] {
  const runs: string[][] = [];
  let lastClass = 0;
  for (const r of src) {
    const cls = /\p{Ll}/u.test(r) ? 1 : /\p{Lu}/u.test(r) ? 2 : /\p{Nd}/u.test(r) ? 3 : 4;
    if (cls === lastClass) runs[runs.length - 1].push(r);
    else runs.push([r]);
    lastClass = cls;
  }
  // "PDFL", "oader" -> "PDF", "Loader"
  for (let i = 0; i < runs.length - 1; i++) {
    if (/\p{Lu}/u.test(runs[i][0]) && /\p{Ll}/u.test(runs[i + 1][0])) {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** Go `strings.Title` on one camel-case part: its first letter upper-cased. */
function title(s: string): string {
  return s.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** `smartLabelFor`: a field name as describe's generic label (`leaseDurationSeconds` → `Lease Duration Seconds`). */
export function smartLabelFor(field: string): string {
  if ([...field].some((r) => !/\p{L}/u.test(r) && r !== '-')) return field;
  const parts: string[] = [];
  for (const part of camelSplit(field)) {
    if (part === '_') continue;
    parts.push(ACRONYMS.includes(part.toUpperCase()) ? part.toUpperCase() : title(part));
  }
  return parts.join(' ');
}
