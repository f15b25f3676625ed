import { flat } from '../../../lib/flat';

const keys = new Map<string | undefined, Map<string, string>>();

/**
 * `namespace/name` (the store and work-queue key), one string per pair:
 * the watch map functions ask for the same owner's key on every event of
 * every one of its pods, and a string built once also keeps its hash.
 */
export function ownerKey(namespace: string | undefined, name: string): string {
  let byName = keys.get(namespace);
  if (byName === undefined) keys.set(namespace, (byName = new Map()));
  let key = byName.get(name);
  if (key === undefined) {
    if (byName.size >= 10_000) byName.clear();
    byName.set(name, (key = flat(`${namespace}/${name}`)));
  }
  return key;
}
