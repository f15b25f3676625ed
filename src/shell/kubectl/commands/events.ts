import type { KubeObject, ResourceInfo } from '../../../sim/k8s/index';
import { WaitingExecution } from '../../execution';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { printContext, templateFlags } from '../common';
import { err } from '../errors';
import { parseOutputFormat, printObjects, tabwrite, type OutputFormat } from '../printerApi';
import { eventInterval, sortEvents } from '../printers/text/eventTiming';
import { writeEscaped } from '../printers/text/writeEscaped';
import { resolveType } from '../resourceArgs';
import { examples, longDesc } from '../text';

/** Output formats `kubectl events` takes besides its own table (PrintFlags without the table printer). */
const ALLOWED = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';
/** The formats in the order the print flags list them (help); the error lists them sorted. */
const FORMATS = ['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'];

/** `kubectl events` (kubectl `pkg/cmd/events/events.go`, `event_printer.go`). */
export const eventsCommand: CommandSpec = {
  path: ['events'],
  use: `events [(-o|--output=)${FORMATS.join('|')}] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]`,
  short: 'List events',
  long: longDesc(`
    Display events.

    Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.`),
  example: examples(`
    # List recent events in the default namespace
    kubectl events

    # List recent events in all namespaces
    kubectl events --all-namespaces

    # List recent events for the specified pod, then wait for more events and list them as they arrive
    kubectl events --for pod/web-pod-13je7 --watch

    # List recent events in YAML format
    kubectl events -oyaml

    # List recent only events of type 'Warning' or 'Normal'
    kubectl events --types=Warning,Normal`),
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'chunk-size', type: 'int', default: '500', usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    { name: 'for', type: 'string', usage: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default output format, don't print headers." },
    { name: 'output', shorthand: 'o', type: 'string', usage: `Output format. One of: (${FORMATS.join(', ')}).` },
    ...templateFlags,
    { name: 'types', type: 'stringSlice', usage: 'Output only events of given types.' },
    { name: 'watch', shorthand: 'w', type: 'bool', usage: 'After listing the requested events, watch for more events.' },
  ],
  run: runEvents,
};

/** The fields of an Event the filters and the table read. */
interface EventView {
  metadata: { namespace?: string };
  involvedObject?: { kind?: string; name?: string };
  type?: string;
  reason?: string;
  message?: string;
}

function runEvents(ctx: CommandContext): CommandResult {
  const output = ctx.flags.string('output');
  const format = output === '' ? undefined : parseOutputFormat(output, ctx.flags.string('template'), (path) => ctx.env.files.read(path));
  if (format && ('error' in format || format.type === 'wide' || format.type === 'custom-columns')) {
    return err.message(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`);
  }
  let forObject: { info: ResourceInfo; name: string } | undefined;
  const forFlag = ctx.flags.string('for');
  if (forFlag !== '') {
    if (!forFlag.includes('/')) return err.message('--for must be in resource/name form');
    const seg = forFlag.split('/');
    if (seg.length !== 2) return err.message('arguments in resource/name form may not have more than one slash');
    const info = resolveType(ctx.cluster.resources, seg[0]);
    if ('type' in info) return info;
    forObject = { info, name: seg[1] };
  }
  const types = [...new Set(ctx.flags.list('types'))].sort();
  for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') return err.message('valid --types are Normal or Warning');
  const allNamespaces = ctx.flags.bool('all-namespaces');
  const wanted = (e: EventView): boolean => {
    if (!allNamespaces && (e.metadata.namespace ?? '') !== ctx.namespace) return false;
    if (forObject && (e.involvedObject?.kind !== forObject.info.kind || e.involvedObject?.name !== forObject.name)) return false;
    return types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase());
  };
  const noHeaders = ctx.flags.bool('no-headers');
  if (ctx.flags.bool('watch')) return watchEvents(ctx, wanted, format, allNamespaces, noHeaders);

  const events = sortEvents(ctx.client.list('events', allNamespaces ? {} : { namespace: ctx.namespace }).filter((o) => wanted(o as unknown as EventView)));
  if (events.length === 0) {
    ctx.errOut(allNamespaces ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  if (format) return printFormatted(ctx, format, { apiVersion: 'v1', kind: 'EventList', metadata: {}, items: events } as unknown as KubeObject);
  const now = ctx.cluster.now();
  ctx.out(tabwrite([...(noHeaders ? [] : [headings(allNamespaces)]), ...events.map((e) => row(e, now, allNamespaces))], { minWidth: 6, padding: 3 }));
  return 0;
}

/** `--watch`: every new or updated event as it comes (deletions, an hour on, are not printed), each row flushed on its own. */
function watchEvents(ctx: CommandContext, wanted: (e: EventView) => boolean, format: OutputFormat | undefined, allNamespaces: boolean, noHeaders: boolean): CommandResult {
  let headersPrinted = noHeaders;
  const unwatch = ctx.cluster.watch('events', (event) => {
    if (event.type === 'DELETED') return;
    const e = event.object as unknown as EventView;
    if (!wanted(e)) return;
    if (format) {
      printFormatted(ctx, format, event.object as unknown as KubeObject);
      return;
    }
    const rows = [row(event.object as unknown as KubeObject, ctx.cluster.now(), allNamespaces)];
    if (!headersPrinted) rows.unshift(headings(allNamespaces));
    headersPrinted = true;
    ctx.out(tabwrite(rows, { minWidth: 6, padding: 3 }));
  });
  const exec = new WaitingExecution({ check: () => undefined, dispose: unwatch });
  exec.poll();
  return exec;
}

function printFormatted(ctx: CommandContext, format: OutputFormat, obj: KubeObject): CommandResult {
  const items = (obj as unknown as { items?: KubeObject[] }).items;
  // The name printer lists a list's items.
  const r = format.type === 'name' && items ? printObjects(format, items, { asList: false }, printContext(ctx)) : printObjects(format, [obj], { asList: false }, printContext(ctx));
  if ('error' in r) return err.message(r.error);
  ctx.out(r.text);
  return 0;
}

function headings(allNamespaces: boolean): string[] {
  return [...(allNamespaces ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
}

/** `printOneEvent`: the interval, type, reason, `Kind/name` and message (cut at a line break). */
function row(obj: KubeObject, now: number, allNamespaces: boolean): string[] {
  const e = obj as unknown as EventView;
  return [...(allNamespaces ? [e.metadata.namespace ?? ''] : []), eventInterval(obj, now), cell(e.type), cell(e.reason), `${cell(e.involvedObject?.kind)}/${cell(e.involvedObject?.name)}`, cell((e.message ?? '').trim())];
}

/** `escapeCell`: a cell ends at its first line break, marked `...`; terminal escapes made visible. */
function cell(s: string | undefined): string {
  const text = s ?? '';
  const i = text.search(/[\f\n\r]/);
  return writeEscaped(i >= 0 ? `${text.slice(0, i)}...` : text);
}
