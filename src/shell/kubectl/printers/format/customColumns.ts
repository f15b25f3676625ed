import { relaxedJsonPath } from '../sort/sortObjects';
import { goSprint } from '../text/goFormat';
import { tabwrite } from '../text/tabwrite';
import { findResults } from './jsonpath/evaluateJsonPath';
import { parseJsonPath } from './jsonpath/parseJsonPath';

/**
 * `-o custom-columns=HEADER:.path,…` (cli-runtime `customcolumn.go`): one
 * jsonpath per column (missing keys allowed), values printed with Go's
 * `%v` and comma-joined, `<none>` when nothing matched.
 */

export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

/** `NewCustomColumnsPrinterFromSpec`: the columns, or kubectl's error text. */
export function parseCustomColumns(spec: string): CustomColumn[] | { error: string } {
  if (spec.length === 0) return { error: 'custom-columns format specified but no custom columns given' };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const i = part.indexOf(':');
    if (i < 0) return { error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const relaxed = relaxedJsonPath(part.slice(i + 1));
    if (typeof relaxed !== 'string') return relaxed;
    columns.push({ header: part.slice(0, i), fieldSpec: relaxed });
  }
  return columns;
}

/** Prints items (each a decoded object) under the columns, or returns the jsonpath error. */
export function printCustomColumns(columns: CustomColumn[], items: unknown[], noHeaders: boolean): { text: string } | { error: string } {
  const parsers = [];
  for (const c of columns) {
    try {
      parsers.push(parseJsonPath(c.fieldSpec));
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  const rows: string[][] = [];
  if (!noHeaders) rows.push(columns.map((c) => c.header));
  for (const item of items) {
    const row: string[] = [];
    for (const p of parsers) {
      let values: unknown[][];
      try {
        values = findResults(p, item, { allowMissingKeys: true });
      } catch (e) {
        return { error: (e as Error).message };
      }
      const strings: string[] = [];
      if (values.length === 0 || values[0].length === 0) strings.push('<none>');
      for (const group of values) for (const v of group) strings.push(goSprint(v));
      row.push(strings.join(','));
    }
    rows.push(row);
  }
  return { text: tabwrite(rows, { minWidth: 6, padding: 3 }) };
}
