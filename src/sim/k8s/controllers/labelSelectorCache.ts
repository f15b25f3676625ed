import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { fromLabelSelector, type Selector } from '../api/selectors';

const parsed = new WeakMap<LabelSelector, Selector>();

/**
 * `fromLabelSelector`, once per selector object: a stored object's selector
 * never changes (objects are immutable), and the controllers match against
 * it on every pod or ReplicaSet event. The result is shared: read it, never
 * change it.
 */
export function selectorOf(sel: LabelSelector | undefined | null): Selector {
  if (!sel) return null;
  let s = parsed.get(sel);
  if (s === undefined) parsed.set(sel, (s = fromLabelSelector(sel)));
  return s;
}
