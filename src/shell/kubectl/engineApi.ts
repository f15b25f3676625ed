/**
 * The API machinery kubectl needs from the engine: manifest parsing with
 * positions, decoding against the served kinds, client-side apply patches.
 * One place the commands import it from (it used to hold stand-ins).
 */
export { LAST_APPLIED_ANNOTATION, createApplyPatch, decodeObject, lastAppliedValue, parseManifests } from '../../sim/k8s/index';
export type { DecodeResult, ManifestDocument, ParsedManifests, SourcePosition as Position } from '../../sim/k8s/index';

/** `spec.containers[0].image` → `['spec', 'containers', 0, 'image']`. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}
