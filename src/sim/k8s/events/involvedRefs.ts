import type { ObjectReference } from 'kubernetes-types/core/v1';

/**
 * What an Event's `involvedObject` shares with other objects' events: its
 * kind, apiVersion and namespace, and the Event's own namespace. One is
 * shared by every event about objects of a kind in a namespace (150,000
 * pods' events carry one), so an event keeps only its object's name and
 * uid of its own.
 */
export interface ObjectKind {
  readonly kind: string | undefined;
  readonly apiVersion: string | undefined;
  readonly namespace: string | undefined;
  /** The namespace the Event itself lives in. */
  readonly eventNamespace: string;
}

/** The `resourceVersion` code for none. */
export const NO_RV = -1;
/** The `resourceVersion` code for one that is not a plain decimal number (kept as text beside the column). */
export const ODD_RV = -2;

/**
 * A resourceVersion as a number when it is one written plainly (digits, no
 * leading zero: what `String(n)` gives back exactly), so the log keeps no
 * string per event; NO_RV for none, ODD_RV for anything else.
 */
export function rvCode(rv: unknown): number {
  if (rv === undefined) return NO_RV;
  if (typeof rv !== 'string') return ODD_RV;
  const n = rv.length;
  if (n === 0 || n > 15 || (n > 1 && rv.charCodeAt(0) === 48)) return ODD_RV;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = rv.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return ODD_RV;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The involved-object reference the recorder writes (client-go's
 * `ref.GetReference`): kind, namespace (when the object has one), name,
 * uid, apiVersion, resourceVersion, and fieldPath when given — in that key
 * order, as a reference built at record time had it.
 */
export function buildRef(k: ObjectKind, name: string | undefined, uid: string | undefined, resourceVersion: string | undefined, fieldPath: string): ObjectReference {
  const { kind, namespace, apiVersion } = k;
  return namespace
    ? fieldPath
      ? { kind, namespace, name, uid, apiVersion, resourceVersion, fieldPath }
      : { kind, namespace, name, uid, apiVersion, resourceVersion }
    : fieldPath
      ? { kind, name, uid, apiVersion, resourceVersion, fieldPath }
      : { kind, name, uid, apiVersion, resourceVersion };
}
