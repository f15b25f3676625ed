import { kindGroup, type KubeObject, type ResourceInfo } from '../../../../sim/k8s/index';
import { tabwrite } from '../text/tabwrite';
import { writeEscaped } from '../text/writeEscaped';
import type { PrintContext, TableOptions } from '../types';
import { formatLabels } from './objectFields';
import { printerFor } from './index';
import type { Cell, Column } from './tableTypes';

/**
 * `kubectl get` output for one kind: the server-side table of printers.go
 * decorated by cli-runtime's `HumanReadablePrinter` (NAMESPACE column,
 * `kind/` name prefix, `-L` and `--show-labels` columns), priority-1
 * columns dropped unless `-o wide`, cells cut at the first line break,
 * then aligned by Go's tabwriter (min width 6, padding 3).
 */

/** Cell text as `printTable` writes it: cut at `\f\n\r` (with `...`) and escaped. */
function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  const s = typeof cell === 'string' ? cell : String(cell);
  const cut = s.search(/[\f\n\r]/);
  return cut >= 0 ? `${writeEscaped(s.slice(0, cut))}...` : writeEscaped(s);
}

/** `formatLabelHeaders`: the last path segment of a label key, upper-cased. */
function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1].toUpperCase();
}

/** One resource's table (header + rows), newline-terminated; '' when there are no objects. */
export function printTable(info: ResourceInfo, objects: readonly KubeObject[], options: TableOptions, ctx: PrintContext): string {
  if (objects.length === 0) return '';
  const printer = printerFor(info);
  const events = options.eventTypes;

  const withNamespace = !!options.allNamespaces && info.namespaced;
  const labelColumns = options.labelColumns ?? [];
  const columns: Column[] = [
    ...(events ? [{ name: 'Event' }] : []),
    ...(withNamespace ? [{ name: 'Namespace' }] : []),
    ...printer.columns,
    ...labelColumns.map((k) => ({ name: labelHeader(k) })),
    ...(options.showLabels ? [{ name: 'Labels' }] : []),
  ];
  const nameColumn = options.withKindPrefix ? printer.columns.findIndex((c) => c.format === 'name') + (withNamespace ? 1 : 0) + (events ? 1 : 0) : -1;
  const prefix = options.withKindPrefix ? `${kindGroup(info)}/` : '';

  const visible = columns.map((c) => options.wide || !c.priority);
  const rows: string[][] = [];
  if (!options.noHeaders) rows.push(columns.filter((_, i) => visible[i]).map((c) => c.name.toUpperCase()));
  for (const [i, obj] of objects.entries()) {
    const labels = obj.metadata.labels ?? {};
    const cells: Cell[] = [
      ...(events ? [events[i] ?? ''] : []),
      ...(withNamespace ? [obj.metadata.namespace ?? ''] : []),
      ...printer.row(obj, ctx.now),
      ...labelColumns.map((k) => labels[k] ?? ''),
      ...(options.showLabels ? [formatLabels(labels)] : []),
    ];
    if (nameColumn >= 0) cells[nameColumn] = `${prefix}${cells[nameColumn]}`;
    rows.push(cells.filter((_, i) => visible[i]).map(cellText));
  }
  return tabwrite(rows, { minWidth: 6, padding: 3 });
}
