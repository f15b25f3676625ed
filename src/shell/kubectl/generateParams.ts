/**
 * Parameters as kubectl's generators parse them (`pkg/generate`):
 * `generate.ParseLabels` for `--labels`/`--selector` (`k=v,k2=v2`) and
 * distribution/reference's image reference check (`run`, `debug`).
 */

/** `generate.ParseLabels`: the label map, or the generator's error text. */
export function parseLabels(spec: string): Record<string, string> | string {
  if (spec === '') return 'no label spec passed';
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) return `unexpected label spec: ${part}`;
    if (kv[0] === '') return 'unexpected empty label key';
    out[kv[0]] = kv[1];
  }
  return out;
}

/** distribution/reference's ReferenceRegexp, simplified: lower-case repository path components, an optional tag and digest. */
const IMAGE_REF = /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;

/** Whether `image` is a well-formed image reference (`reference.ReferenceRegexp.MatchString`). */
export function isImageReference(image: string): boolean {
  return IMAGE_REF.test(image);
}

/** Go's `strconv.Atoi` (kubectl run's `--port`): the number, or strconv's error. */
export function atoi(text: string): number | string {
  if (!/^[+-]?\d+$/.test(text)) return `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
  const n = BigInt(text);
  if (n > 2n ** 63n - 1n || n < -(2n ** 63n)) return `strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`;
  return Number(n);
}
