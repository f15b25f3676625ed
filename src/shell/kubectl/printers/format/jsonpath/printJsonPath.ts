import { goNumber, goQuote, goSharpV } from '../../text/goFormat';
import { jsonMarshal, toJson } from '../toJson';
import { findResults, JsonPathError } from './evaluateJsonPath';
import type { ListNode } from './nodes';
import { parseJsonPath } from './parseJsonPath';

/** `evalToText`: Go's fmt.Fprint of a scalar; `<nil>` for a nil interface. */
function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return goNumber(v);
  return String(v);
}

/** `PrintResults`: maps and slices as compact JSON, scalars as text, joined by spaces. */
function printResults(results: unknown[]): string {
  return results.map((r) => (r !== null && typeof r === 'object' ? jsonMarshal(r) : scalarText(r))).join(' ');
}

/** Parses a template as `NewJSONPathPrinter` does, or returns kubectl's error text. */
export function parseTemplate(template: string): ListNode | { error: string } {
  try {
    return parseJsonPath(template);
  } catch (e) {
    return { error: `error parsing jsonpath ${template}, ${(e as Error).message}\n` };
  }
}

/**
 * `JSONPathPrinter.PrintObj` with missing keys allowed (kubectl's default):
 * the text, or kubectl's error including the dump of the object.
 */
export function printJsonPath(template: string, data: unknown, asJson = false): { text: string } | { error: string } {
  const root = parseTemplate(template);
  if ('error' in root) return root;
  try {
    const results = findResults(root, data, { allowMissingKeys: true });
    // EnableJSONOutput: each node's results as an indented JSON array (a text node's as a string).
    return { text: asJson ? results.map((r) => toJson(r)).join('') : results.map(printResults).join('') };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    const debug =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`;
    return { error: `error executing jsonpath ${goQuote(template)}: ${debug}\n` };
  }
}
