/**
 * The printers kubectl uses (tables, -o formats, describe). They are written
 * in `./printers` by another hand; until that module lands this file holds
 * minimal stand-ins with the same contracts, so the commands compile and run.
 * Swap the bodies for re-exports of `./printers/index` when it exists.
 */
import { stringify } from 'yaml';
import { humanDuration } from '../../lib/duration';
import { kindGroup, parseTimestamp, type ApiClient, type Cluster, type KubeObject, type ResourceInfo } from '../../sim/k8s/index';

export interface PrintContext {
  cluster: Cluster;
  client: ApiClient;
  now: number;
}

export interface TableOptions {
  wide?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  allNamespaces?: boolean;
  withKindPrefix?: boolean;
  noHeaders?: boolean;
  sortBy?: string;
}

export type OutputFormat = { type: 'table' } | { type: 'wide' } | { type: 'yaml' } | { type: 'json' } | { type: 'name' } | { type: 'jsonpath'; template: string } | { type: 'custom-columns'; spec: string };

/** Whether `-o` asks for a table (default or wide). */
export function isTable(format: OutputFormat): boolean {
  return format.type === 'table' || format.type === 'wide';
}

/** Go text/tabwriter over rows of cells (last cell not padded). */
export function tabwrite(rows: readonly (readonly string[])[], opts: { minWidth?: number; padding?: number } = {}): string {
  const padding = opts.padding ?? 0;
  const minWidth = opts.minWidth ?? 0;
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => i < r.length - 1 && (widths[i] = Math.max(widths[i] ?? 0, c.length + padding, minWidth)));
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]) : c)).join('') + '\n').join('');
}

/** `kubectl get` table for objects of one kind. */
export function printTable(info: ResourceInfo, objects: readonly KubeObject[], opts: TableOptions, ctx: PrintContext): string {
  const rows: string[][] = [];
  if (!opts.noHeaders) rows.push([...(opts.allNamespaces && info.namespaced ? ['NAMESPACE'] : []), 'NAME', 'AGE', ...(opts.showLabels ? ['LABELS'] : [])]);
  for (const o of objects) {
    const created = parseTimestamp(o.metadata.creationTimestamp as string | undefined) ?? ctx.now;
    const name = opts.withKindPrefix ? `${kindGroup(info)}/${o.metadata.name}` : o.metadata.name;
    const labels = Object.entries(o.metadata.labels ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    rows.push([...(opts.allNamespaces && info.namespaced ? [o.metadata.namespace ?? ''] : []), name, humanDuration(ctx.now - created), ...(opts.showLabels ? [labels || '<none>'] : [])]);
  }
  return tabwrite(rows, { minWidth: 6, padding: 3 });
}

/** Parses `-o`. */
export function parseOutputFormat(flag: string): OutputFormat | { error: string } {
  switch (flag) {
    case '':
      return { type: 'table' };
    case 'wide':
      return { type: 'wide' };
    case 'yaml':
      return { type: 'yaml' };
    case 'json':
      return { type: 'json' };
    case 'name':
      return { type: 'name' };
    default:
      return {
        error: `unable to match a printer suitable for the output format "${flag}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
      };
  }
}

export function toYaml(value: unknown): string {
  return stringify(value);
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 4) + '\n';
}

/** -o yaml|json|name of objects (a List when `asList`). */
export function printObjects(format: OutputFormat, objects: readonly KubeObject[], opts: { asList: boolean }, ctx: PrintContext): { text: string } | { error: string } {
  if (format.type === 'name') {
    return {
      text: objects
        .map((o) => {
          const info = ctx.cluster.resources.forKind(o.apiVersion, o.kind);
          return `${info ? kindGroup(info) : o.kind.toLowerCase()}/${o.metadata.name}\n`;
        })
        .join(''),
    };
  }
  const value = opts.asList ? { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } } : objects[0];
  if (format.type === 'yaml') return { text: toYaml(value) };
  if (format.type === 'json') return { text: toJson(value) };
  return { error: `output format ${format.type} is not simulated yet` };
}

/** `kubectl describe` of one object. */
export function describe(_info: ResourceInfo, obj: KubeObject, _ctx: PrintContext): string {
  return `Name:         ${obj.metadata.name}\n`;
}

/** A pod template as `DescribePodTemplate` prints it (rollout history --revision). */
export function describePodTemplate(template: unknown, _ctx: PrintContext): string {
  return `Pod Template:\n${toYaml(template)}`;
}
