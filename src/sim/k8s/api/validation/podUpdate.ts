import { fieldError, type FieldError } from '../fieldErrors';
import { goValue } from '../goValue';
import type { KubeObject } from '../types';

/**
 * `ValidatePodUpdate`'s spec rules: only images, activeDeadlineSeconds,
 * added tolerations and a negative terminationGracePeriodSeconds → 1 may
 * change. The diff after the message is a simplified rendering of the
 * `cmp.Diff` the API server appends (field by field, Go names).
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const UPDATABLE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** Go field names of PodSpec whose spelling is not the JSON name capitalised. */
const GO_NAMES: Record<string, string> = { dnsPolicy: 'DNSPolicy', dnsConfig: 'DNSConfig', hostIPC: 'HostIPC', hostPID: 'HostPID', os: 'OS', serviceAccountName: 'ServiceAccountName' };
const goName = (k: string) => GO_NAMES[k] ?? k[0].toUpperCase() + k.slice(1);

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => equal(a[k], b[k]));
  }
  return false;
}

function containers(spec: Obj, key: string): Obj[] {
  return Array.isArray(spec[key]) ? (spec[key] as unknown[]).map((c) => (isObj(c) ? c : {})) : [];
}

/** The pod spec checks of `ValidatePodUpdate`. */
export function validatePodSpecUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const spec = isObj(pod.spec) ? pod.spec : {};
  const oldSpec = isObj(old.spec) ? old.spec : {};
  const errs: FieldError[] = [];
  for (const key of ['containers', 'initContainers']) {
    if (containers(spec, key).length !== containers(oldSpec, key).length) return [fieldError.forbidden(`spec.${key}`, 'pod updates may not add or remove containers')];
    containers(spec, key).forEach((c, i) => {
      if (!c.image) errs.push(fieldError.required(`spec.${key}[${i}].image`, ''));
    });
  }
  const ads = spec.activeDeadlineSeconds;
  const oldAds = oldSpec.activeDeadlineSeconds;
  if (typeof ads === 'number') {
    if (ads < 0 || ads > 2147483647) errs.push(fieldError.invalid('spec.activeDeadlineSeconds', ads, 'must be between 0 and 2147483647, inclusive'));
    if (typeof oldAds === 'number' && ads > oldAds) errs.push(fieldError.invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value'));
  } else if (typeof oldAds === 'number') errs.push(fieldError.invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  // Munge the updatable fields into a copy of the new spec, then compare with the old one.
  const munged: Obj = { ...spec };
  for (const key of ['containers', 'initContainers']) {
    munged[key] = containers(spec, key).map((c, i) => ({ ...c, image: containers(oldSpec, key)[i].image }));
    if (spec[key] === undefined) delete munged[key];
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  const oldTolerations = Array.isArray(oldSpec.tolerations) ? oldSpec.tolerations : [];
  const newTolerations = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  if (oldTolerations.every((t) => newTolerations.some((n) => equal(n, t)))) munged.tolerations = oldSpec.tolerations;
  const tgp = oldSpec.terminationGracePeriodSeconds;
  if (typeof tgp === 'number' && tgp < 0 && spec.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = tgp;
  if (equal(munged, oldSpec)) return errs;
  return [...errs, fieldError.forbidden('spec', `${UPDATABLE}\n${specDiff(oldSpec, munged)}`)];
}

/** A field-by-field `cmp.Diff(oldSpec, newSpec)` in go-cmp's layout. */
function specDiff(oldSpec: Obj, spec: Obj): string {
  const keys = [...new Set([...Object.keys(oldSpec), ...Object.keys(spec)])];
  const lines = ['  core.PodSpec{'];
  let same = 0;
  const flush = () => {
    if (same) lines.push(`  \t... // ${same} identical field${same > 1 ? 's' : ''}`);
    same = 0;
  };
  for (const k of keys) {
    if (equal(oldSpec[k], spec[k])) {
      same++;
      continue;
    }
    flush();
    if (oldSpec[k] !== undefined) lines.push(`- \t${goName(k)}: ${goValue(oldSpec[k])},`);
    if (spec[k] !== undefined) lines.push(`+ \t${goName(k)}: ${goValue(spec[k])},`);
  }
  flush();
  lines.push('  }');
  return `${lines.join('\n')}\n`;
}
