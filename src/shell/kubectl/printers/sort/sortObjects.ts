import { parseQuantity } from '../../../../lib/quantity';
import type { KubeObject } from '../../../../sim/k8s/index';
import { findResults } from '../format/jsonpath/evaluateJsonPath';
import { parseJsonPath } from '../format/jsonpath/parseJsonPath';
import { goSortBy } from './goSort';
import { naturalLess } from './naturalLess';

/**
 * `kubectl get --sort-by`: kubectl's `SortingPrinter`/`TableSorter`
 * (`pkg/cmd/get/sorter.go`): the field is evaluated on each object, values
 * compare by type (numbers, natural string order, quantities), objects
 * missing the field sort first, and Go's unstable `sort.Sort` orders ties.
 */

const jsonRegexp = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** `RelaxedJSONPathExpression`: `.a.b`, `a.b`, `{a.b}` → `{.a.b}`. */
export function relaxedJsonPath(expr: string): string | { error: string } {
  if (expr.length === 0) return expr;
  const m = jsonRegexp.exec(expr);
  if (!m) return { error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" };
  return `{.${m[1] || m[2]}}`;
}

class UnsortableError extends Error {}

function isLess(a: unknown, b: unknown): boolean {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = qa ? parseQuantity(b) : undefined;
    if (qa && qb) return qa.value < qb.value;
    return naturalLess(a, b);
  }
  if (typeof a === 'boolean') throw new UnsortableError('unsortable type: bool');
  if (typeof a === 'string' || typeof a === 'number') throw new UnsortableError('unsortable interface: interface');
  throw new UnsortableError(`unsortable type: ${Array.isArray(a) ? '[]interface {}' : 'map[string]interface {}'}`);
}

/**
 * Sorts objects by a `--sort-by` expression; returns the sorted copy, or
 * kubectl's error text (bad path, or a field no object has).
 */
export function sortObjects(objects: readonly KubeObject[], sortBy: string): KubeObject[] | { error: string } {
  if (objects.length <= 1) return [...objects];
  const relaxed = relaxedJsonPath(sortBy);
  const field = typeof relaxed === 'string' ? relaxed : sortBy;
  let root;
  try {
    root = parseJsonPath(field);
  } catch (e) {
    return { error: `sorting error: ${(e as Error).message}` };
  }
  const values = new Map<KubeObject, unknown[]>();
  let found = false;
  for (const o of objects) {
    const data = JSON.parse(JSON.stringify(o)) as unknown;
    let r: unknown[][];
    try {
      r = findResults(root, data, { allowMissingKeys: true });
    } catch (e) {
      return { error: (e as Error).message };
    }
    const first = r.length > 0 ? r[0] : [];
    values.set(o, first);
    if (first.length > 0) found = true;
  }
  if (!found) return { error: `couldn't find any field with path "${field}" in the list of objects` };
  try {
    return goSortBy(objects, (a, b) => {
      const va = values.get(a)!;
      const vb = values.get(b)!;
      if (va.length === 0) return true;
      if (vb.length === 0) return false;
      return isLess(va[0], vb[0]);
    });
  } catch (e) {
    if (e instanceof UnsortableError) return { error: `Field ${field} is an unsortable type, err: ${e.message}` };
    throw e;
  }
}
