import { splitApiVersion, type KubeObject } from '../../../../sim/k8s/index';
import type { OutputFormat, PrintContext } from '../types';
import { parseCustomColumns, printCustomColumns } from './customColumns';
import { printGoTemplate } from './gotemplate/printGoTemplate';
import { printJsonPath } from './jsonpath/printJsonPath';
import { inGoStructOrder } from './goStructOrder';
import { toJson, toStructJson } from './toJson';
import { toYaml } from './yaml/toYaml';

/** Options of the non-table printers. */
export interface PrintObjectsOptions {
  /** Several objects, or a list request: wrap them in a `kind: List` as `kubectl get` does. */
  asList: boolean;
  /** `--no-headers` (custom-columns only). */
  noHeaders?: boolean;
  /**
   * The object is a Go struct kubectl built (a generator's, or the typed
   * answer to its create): `-o json` lists its fields in struct order.
   * Objects read from the server are maps to kubectl, so their keys come sorted.
   */
  goStruct?: boolean;
}

/** The object as kubectl holds it after decoding JSON (no undefined fields). */
function plain(obj: unknown): unknown {
  return JSON.parse(JSON.stringify(obj)) as unknown;
}

/** `OmitManagedFieldsPrinter`: `-o yaml|json` hide metadata.managedFields unless asked. */
function withoutManagedFields(obj: KubeObject): unknown {
  const copy = plain(obj) as KubeObject;
  if (copy.metadata && 'managedFields' in copy.metadata) delete copy.metadata.managedFields;
  return copy;
}

/** The `List` kubectl builds around several objects (`resourceVersion: ""`). */
function listOf(items: unknown[]): unknown {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** `-o name`: `<kind>[.<group>]/<name>` per object. */
function nameOf(obj: KubeObject): string {
  const { group } = splitApiVersion(obj.apiVersion ?? '');
  const kind = group ? `${obj.kind}.${group}` : obj.kind;
  return `${kind.toLowerCase()}/${obj.metadata.name}`;
}

/**
 * `-o yaml|json|name|jsonpath|custom-columns` of objects (a List when
 * `asList`, as `kubectl get` wraps several objects). Errors come back as
 * kubectl's message, without the `error: ` prefix.
 */
export function printObjects(format: OutputFormat, objects: readonly KubeObject[], options: PrintObjectsOptions, _ctx: PrintContext): { text: string } | { error: string } {
  switch (format.type) {
    case 'name':
      return { text: objects.map((o) => `${nameOf(o)}\n`).join('') };
    case 'yaml':
    case 'json': {
      const items = objects.map(withoutManagedFields);
      const value = options.asList ? listOf(items) : items[0];
      if (value === undefined) return { text: '' };
      if (format.type === 'yaml') return { text: toYaml(value) };
      return { text: options.goStruct && !options.asList ? toStructJson(inGoStructOrder(value as KubeObject)) : toJson(value) };
    }
    case 'jsonpath': {
      const items = objects.map(plain);
      const value = options.asList ? listOf(items) : items[0];
      if (value === undefined) return { text: '' };
      return printJsonPath(format.template, value, format.asJson);
    }
    case 'go-template': {
      const items = objects.map(plain);
      const value = options.asList ? listOf(items) : items[0];
      if (value === undefined) return { text: '' };
      return printGoTemplate(format.template, value);
    }
    case 'custom-columns': {
      const columns = parseCustomColumns(format.spec);
      if ('error' in columns) return columns;
      return printCustomColumns(columns, objects.map(plain), !!options.noHeaders);
    }
    case 'table':
    case 'wide':
      return { error: 'table output is printed with printTable' };
  }
}
