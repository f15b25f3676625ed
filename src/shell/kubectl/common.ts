import { kindGroup, parseSelector, SelectorParseError, storageName, type KubeObject, type ResourceInfo, type Selector } from '../../sim/k8s/index';
import { KustomizeError, kustomizeBuild } from './kustomize/build';
import type { CommandContext } from './command';
import { err, type KubectlError } from './errors';
import type { FlagSpec } from './flags';
import { parseOutputFormat, type OutputFormat, type PrintContext } from './printerApi';
import { WEBSITE_EXAMPLE_COUNT, websiteExample } from './examples/websiteExamples';

/** Helpers shared by the kubectl commands (flags they all declare, names, files). */

export type DryRun = 'none' | 'client' | 'server';

/** `cmdutil.GetDryRunStrategy`. */
export function dryRunStrategy(ctx: CommandContext): DryRun | KubectlError {
  const v = ctx.flags.string('dry-run');
  switch (v) {
    case '':
    case 'none':
    case 'false':
      return 'none';
    case 'unchanged':
    case 'client':
    case 'true':
      return 'client';
    case 'server':
      return 'server';
    default:
      return err.message(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

/** The ` (dry run)` / ` (server dry run)` suffix of success messages. */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

/** `deployment.apps/web`. */
export function objectRef(info: ResourceInfo, name: string): string {
  return `${kindGroup(info)}/${name}`;
}

/** The namespace to use for `info`: the context's for namespaced kinds, undefined otherwise. */
export function namespaceFor(info: ResourceInfo, ctx: CommandContext): string | undefined {
  return info.namespaced ? ctx.namespace : undefined;
}

/** The command's `-o` (with `--template`), parsed as kubectl's PrintFlags do, or kubectl's error text. */
export function outputFormat(ctx: CommandContext): OutputFormat | { error: string } {
  return parseOutputFormat(ctx.flags.string('output'), ctx.flags.string('template'), (path) => ctx.env.files.read(path));
}

/**
 * `-o` as cli-runtime's PrintFlags.ToPrinter reads it for a command that
 * prints the objects it changed: no tables, and `--template` without `-o`
 * means `-o go-template`. A `table` result: no `-o` (the `<kind>/<name> <verb>` line).
 */
export function printFlagsFormat(ctx: CommandContext): OutputFormat | { error: string } {
  const template = ctx.flags.string('template');
  const output = ctx.flags.string('output') || (template ? 'go-template' : '');
  const format = parseOutputFormat(output, template, (path) => ctx.env.files.read(path));
  const noPrinter = 'error' in format ? format.error.startsWith('unable to match a printer') : format.type === 'wide' || format.type === 'custom-columns';
  if (!noPrinter) return format;
  return { error: `unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml` };
}

export function printContext(ctx: CommandContext): PrintContext {
  return { cluster: ctx.cluster, client: ctx.client, now: ctx.cluster.now() };
}

/** Parses `-l`; undefined when absent. */
export function labelSelector(ctx: CommandContext, flag = 'selector'): Selector | undefined | KubectlError {
  const text = ctx.flags.string(flag);
  if (!text) return undefined;
  try {
    return parseSelector(text);
  } catch (e) {
    if (e instanceof SelectorParseError) return err.message(`unable to parse requirement: ${e.message}`);
    throw e;
  }
}

export interface FieldRequirement {
  field: string;
  value: string;
  negate: boolean;
}

const POD_FIELDS = ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'];

/** The API server's selectable fields of an Event (pkg/registry/core/event ToSelectableFields). */
const EVENT_FIELDS = [
  'metadata.name',
  'metadata.namespace',
  'involvedObject.kind',
  'involvedObject.namespace',
  'involvedObject.name',
  'involvedObject.uid',
  'involvedObject.apiVersion',
  'involvedObject.resourceVersion',
  'involvedObject.fieldPath',
  'reason',
  'reportingComponent',
  'source',
  'type',
];

function fieldValue(obj: KubeObject, field: string): string {
  if (obj.kind === 'Event' && (field === 'source' || field === 'reportingComponent')) {
    const e = obj as KubeObject & { source?: { component?: string }; reportingComponent?: string };
    return field === 'source' ? e.source?.component || e.reportingComponent || '' : (e.reportingComponent ?? '');
  }
  let cur: unknown = obj;
  for (const part of field.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
  return cur === undefined || cur === null ? '' : String(cur);
}

/** `fields.ParseSelector`: `--field-selector`'s requirements, with no check of the fields. */
export function parseFieldSelector(text: string): FieldRequirement[] | KubectlError {
  if (!text) return [];
  const reqs: FieldRequirement[] = [];
  for (const part of text.split(',')) {
    const m = /^([^!=]+)(==|!=|=)(.*)$/.exec(part.trim());
    if (!m) return err.message(`invalid selector: '${text}'; can't understand '${part}'`);
    reqs.push({ field: m[1].trim(), value: m[3].trim(), negate: m[2] === '!=' });
  }
  return reqs;
}

/**
 * Parses `--field-selector` and checks the fields the API server supports
 * for the kind. `wrapped`: the error as kubectl's resource builder words it
 * (get, delete…); a plain client call (top) shows the API server's own.
 */
export function fieldSelector(ctx: CommandContext, info: ResourceInfo, wrapped = true): FieldRequirement[] | KubectlError {
  const text = ctx.flags.string('field-selector');
  const reqs = parseFieldSelector(text);
  if (!Array.isArray(reqs)) return reqs;
  const allowed = info.kind === 'Pod' ? POD_FIELDS : info.kind === 'Event' ? EVENT_FIELDS : ['metadata.name', 'metadata.namespace'];
  const bad = reqs.find((r) => !allowed.includes(r.field));
  if (bad === undefined) return reqs;
  const gv = info.group ? `${info.group}/${info.version}` : `/${info.version}`;
  const message = `field label not supported: ${bad.field}`;
  return err.status({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    reason: 'BadRequest',
    code: 400,
    message: wrapped ? `Unable to find "${gv}, Resource=${info.resource}" that match label selector "${ctx.flags.string('selector')}", field selector "${text}": ${message}` : message,
  });
}

export function matchesFields(obj: KubeObject, reqs: readonly FieldRequirement[]): boolean {
  return reqs.every((r) => (fieldValue(obj, r.field) === r.value) !== r.negate);
}

/** Objects in the order the API server lists them (etcd key order: namespace, then name). */
export function sortByKey<T extends KubeObject>(objects: T[]): T[] {
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  return objects.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Lists objects of a kind as kubectl would request them (sorted as the API server returns them). */
export function listObjects(ctx: CommandContext, info: ResourceInfo, opts: { allNamespaces?: boolean; selector?: Selector; fields?: FieldRequirement[]; version?: string }): KubeObject[] {
  const namespace = info.namespaced && !opts.allNamespaces ? ctx.namespace : undefined;
  const list = sortByKey(ctx.client.list(storageName(info), { namespace, labelSelector: opts.selector, version: opts.version }));
  const fields = opts.fields ?? [];
  return fields.length ? list.filter((o) => matchesFields(o, fields)) : list;
}

/** Standard `-f` flags. */
export function filenameFlags(usage: string): FlagSpec[] {
  return [
    { name: 'filename', shorthand: 'f', type: 'stringSlice', default: '[]', usage: `Filename, directory, or URL to files ${usage}` },
    { name: 'kustomize', shorthand: 'k', type: 'string', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'recursive', shorthand: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  ];
}

/** cli-runtime's FileNameFlags (delete, apply, replace): `-f` worded by the command, `-k` as "a kustomization directory". */
export function fileNameFlags(usage: string): FlagSpec[] {
  const [filename, kustomize, recursive] = filenameFlags('');
  return [{ ...filename, usage }, { ...kustomize, usage: "Process a kustomization directory. This flag can't be used together with -f or -R." }, recursive];
}

/** cli-runtime's RecordFlags: `--record`, deprecated (pflag warns when it is given), hidden from help. */
export const recordFlag: FlagSpec = {
  name: 'record',
  type: 'bool',
  usage: 'Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.',
  deprecated: '--record will be removed in the future',
};

/** `-l, --selector` as cmdutil.AddLabelSelectorFlagVar words it. */
export const selectorFlag: FlagSpec = {
  name: 'selector',
  shorthand: 'l',
  type: 'string',
  usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};

export const dryRunFlag: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
  usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

export const outputFlag = (formats: string): FlagSpec => ({ name: 'output', shorthand: 'o', type: 'string', usage: `Output format. One of: (${formats}).` });

export const templateFlags: FlagSpec[] = [
  { name: 'allow-missing-template-keys', type: 'bool', default: 'true', usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
  { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  { name: 'template', type: 'string', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
];

export const fieldManagerFlag = (def: string): FlagSpec => ({ name: 'field-manager', type: 'string', default: def, usage: 'Name of the manager used to track field ownership.' });

export const validateFlag: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  noOptDefault: 'strict',
  usage:
    'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
};

/** The flags of kubectl's object generators (`create namespace|serviceaccount …`): dry run, field manager, printing, save-config, validation. */
export const generatorFlags = (fieldManager: string): FlagSpec[] => [
  dryRunFlag,
  fieldManagerFlag(fieldManager),
  outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
  { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
  validateFlag,
  ...templateFlags,
];

export interface SourceFile {
  /** The name as the user gave it (what error messages quote). */
  source: string;
  text: string;
}

const MANIFEST_EXT = ['.json', '.yaml', '.yml'];

/** What a command that reads manifests was given: the `-f` arguments, or the `-k` directory (which `readFiles` builds). */
export function manifestArgs(ctx: CommandContext): string[] {
  return ctx.flags.changed('kustomize') ? [ctx.flags.string('kustomize')] : ctx.flags.list('filename');
}

/** `-k DIR`: the kustomization's build as one source named DIR (as kubectl's KustomizeVisitor names it), kustomize's warnings printed. */
function kustomized(ctx: CommandContext): SourceFile[] | KubectlError {
  const dir = ctx.flags.string('kustomize');
  try {
    const built = kustomizeBuild(ctx.env.files, dir);
    for (const w of built.warnings) ctx.errOut(`${w}\n`);
    return [{ source: dir, text: built.yaml }];
  } catch (e) {
    if (e instanceof KustomizeError) return err.message(e.message);
    throw e;
  }
}

/** Reads `-f` arguments through the environment's files (browser tabs or disk), or builds `-k`'s kustomization. */
export function readFiles(ctx: CommandContext, paths: readonly string[], recursive: boolean): SourceFile[] | KubectlError {
  if (ctx.flags.changed('kustomize')) return kustomized(ctx);
  const out: SourceFile[] = [];
  const visit = (p: string, top: boolean): KubectlError | undefined => {
    if (/^https?:\/\//.test(p)) {
      // kubernetes.io's examples the docs apply by URL are served offline; the playground reaches no other address.
      const text = websiteExample(p);
      if (text === undefined) return err.message(`not simulated: no network access in the playground; cannot read "${p}" (of https://k8s.io/examples/ it serves ${WEBSITE_EXAMPLE_COUNT} files offline; copy any other manifest into a file instead)`);
      out.push({ source: p, text });
      return undefined;
    }
    if (p === '-') {
      // kubectl names standard input STDIN in its errors; a stream is read once.
      if (ctx.stdin === undefined) return err.message("not simulated: reading standard input from the terminal; pipe into it (kubectl create … --dry-run=client -o yaml | kubectl apply -f -) or use -f FILE");
      out.push({ source: 'STDIN', text: ctx.stdin.text ?? '' });
      ctx.stdin.text = undefined;
      return undefined;
    }
    const text = ctx.env.files.read(p);
    if (text !== undefined) {
      out.push({ source: p, text });
      return undefined;
    }
    const list = ctx.env.files.list?.(p);
    if (list !== undefined) {
      for (const child of [...list].sort()) {
        const isDir = ctx.env.files.read(child) === undefined && ctx.env.files.list?.(child) !== undefined;
        if (isDir) {
          if (recursive) {
            const e = visit(child, false);
            if (e) return e;
          }
          continue;
        }
        if (MANIFEST_EXT.some((x) => child.endsWith(x))) {
          const e = visit(child, false);
          if (e) return e;
        }
      }
      return undefined;
    }
    return top ? err.message(`the path "${p}" does not exist`) : undefined;
  };
  for (const p of paths) {
    const e = visit(p, true);
    if (e) return e;
  }
  return out;
}

/** Writes `text` to stdout when non-empty. */
export function print(ctx: CommandContext, text: string): void {
  if (text) ctx.out(text);
}
