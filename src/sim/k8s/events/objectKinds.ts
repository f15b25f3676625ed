import type { ObjectKind } from './involvedRefs';

/**
 * The shared `ObjectKind`s of the event log: one per kind, apiVersion,
 * involved namespace and Event namespace. Events come about few kinds in
 * turn (a ReplicaSet's, then its pods'), so the last two asked for answer
 * without a lookup.
 */
export class ObjectKinds {
  private readonly byKey = new Map<string, ObjectKind>();
  private last: ObjectKind | undefined;
  private previous: ObjectKind | undefined;

  /** The shared ObjectKind with these fields. */
  of(kind: string | undefined, apiVersion: string | undefined, namespace: string | undefined, eventNamespace: string): ObjectKind {
    let k = this.last;
    if (k !== undefined && same(k, kind, apiVersion, namespace, eventNamespace)) return k;
    k = this.previous;
    if (k === undefined || !same(k, kind, apiVersion, namespace, eventNamespace)) {
      const key = `${part(kind)}\u0000${part(apiVersion)}\u0000${part(namespace)}\u0000${eventNamespace}`;
      k = this.byKey.get(key);
      if (k === undefined) this.byKey.set(key, (k = { kind, apiVersion, namespace, eventNamespace }));
    }
    this.previous = this.last;
    this.last = k;
    return k;
  }
}

function same(k: ObjectKind, kind: string | undefined, apiVersion: string | undefined, namespace: string | undefined, eventNamespace: string): boolean {
  return k.kind === kind && k.apiVersion === apiVersion && k.namespace === namespace && k.eventNamespace === eventNamespace;
}

/** A field in a key: undefined apart from every string. */
function part(s: string | undefined): string {
  return s === undefined ? '\u0001' : `=${s}`;
}
