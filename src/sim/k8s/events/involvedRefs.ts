import type { ObjectReference } from 'kubernetes-types/core/v1';

/**
 * What an Event's `involvedObject` says about its object apart from the
 * object's version and the field path: one shared by consecutive events
 * about the same object (a pod's Scheduled, Pulled, Created and Started
 * carry one, not a reference object each).
 */
export interface Subject {
  kind: string | undefined;
  namespace: string | undefined;
  name: string | undefined;
  uid: string | undefined;
  apiVersion: string | undefined;
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
export function buildRef(s: Subject, resourceVersion: string | undefined, fieldPath: string): ObjectReference {
  const { kind, namespace, name, uid, apiVersion } = s;
  return namespace
    ? fieldPath
      ? { kind, namespace, name, uid, apiVersion, resourceVersion, fieldPath }
      : { kind, namespace, name, uid, apiVersion, resourceVersion }
    : fieldPath
      ? { kind, name, uid, apiVersion, resourceVersion, fieldPath }
      : { kind, name, uid, apiVersion, resourceVersion };
}
