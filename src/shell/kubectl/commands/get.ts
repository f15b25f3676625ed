import { parseDuration } from '../../../lib/duration';
import { storageName, type KubeObject, type ResourceInfo } from '../../../sim/k8s/index';
import { WaitingExecution } from '../../execution';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { fieldSelector, filenameFlags, labelSelector, listObjects, manifestArgs, matchesFields, outputFormat, printContext, templateFlags, type FieldRequirement } from '../common';
import { err, type KubectlError } from '../errors';
import { missingObjectError, objectsFromFiles } from '../targets';
import { isTable, type OutputFormat, printObjects, printTable, sortObjects, type TableOptions } from '../printerApi';
import { parseResourceArgs } from '../resourceArgs';
import { examples, longDesc, SUGGEST_API_RESOURCES } from '../text';
import { runGetRaw } from './getRaw';
import { matches, type Selector } from '../../../sim/k8s/index';

/** `kubectl get` (kubectl `pkg/cmd/get/get.go`). */
export const getCommand: CommandSpec = {
  path: ['get'],
  use: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  short: 'Display one or many resources',
  long: longDesc(`
    Display one or many resources.

    Prints a table of the most important information about the specified resources.
    You can filter the list using a label selector and the --selector flag. If the
    desired resource type is namespaced you will only see results in the current
    namespace if you don't specify any namespace.

    By specifying the output as 'template' and providing a Go template as the value
    of the --template flag, you can filter the attributes of the fetched resources.`) + SUGGEST_API_RESOURCES,
  example: examples(`
    # List all pods in ps output format
    kubectl get pods

    # List all pods in ps output format with more information (such as node name)
    kubectl get pods -o wide

    # List a single replication controller with specified NAME in ps output format
    kubectl get replicationcontroller web

    # List deployments in JSON output format, in the "v1" version of the "apps" API group
    kubectl get deployments.v1.apps -o json

    # List a single pod in JSON output format
    kubectl get -o json pod web-pod-13je7

    # List a pod identified by type and name specified in "pod.yaml" in JSON output format
    kubectl get -f pod.yaml -o json

    # List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml
    kubectl get -k dir/

    # Return only the phase value of the specified pod
    kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}

    # List resource information in custom columns
    kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

    # List all replication controllers and services together in ps output format
    kubectl get rc,services

    # List one or more resources by their type and names
    kubectl get rc/web service/frontend pods/web-pod-13je7

    # List the 'status' subresource for a single pod
    kubectl get pod web-pod-13je7 --subresource status

    # List all deployments in namespace 'backend'
    kubectl get deployments.apps --namespace backend

    # List all pods existing in all namespaces
    kubectl get pods --all-namespaces`),
  suggestFor: ['list', 'ps'],
  completion: 'resource',
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'chunk-size', type: 'int', default: '500', usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    ...filenameFlags('identifying the resource to get from a server.'),
    { name: 'ignore-not-found', type: 'bool', usage: 'If the requested object does not exist the command will return exit code 0.' },
    { name: 'label-columns', shorthand: 'L', type: 'stringSlice', default: '[]', usage: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    {
      name: 'output',
      shorthand: 'o',
      type: 'string',
      usage:
        'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].',
    },
    { name: 'output-watch-events', type: 'bool', usage: 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.' },
    { name: 'raw', type: 'string', usage: 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'server-print', type: 'bool', default: 'true', usage: 'If true, have the server return the appropriate table output. Supports extension APIs and CRDs.' },
    { name: 'show-kind', type: 'bool', usage: 'If present, list the resource type for the requested object(s).' },
    { name: 'show-labels', type: 'bool', usage: 'When printing, show all labels as the last column (default hide labels column)' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string." },
    { name: 'subresource', type: 'string', usage: "If specified, gets the subresource of the requested object. This flag is beta and may change in the future." },
    { name: 'watch', shorthand: 'w', type: 'bool', usage: 'After listing/getting the requested object, watch for changes.' },
    { name: 'watch-only', type: 'bool', usage: 'Watch for changes to the requested object(s), without listing/getting first.' },
    ...templateFlags,
  ],
  run: runGet,
};

interface Batch {
  info: ResourceInfo;
  objects: KubeObject[];
}

function runGet(ctx: CommandContext): CommandResult {
  const raw = ctx.flags.string('raw');
  if (raw) return runGetRaw(ctx, raw);
  const format = outputFormat(ctx);
  if ('error' in format) return err.message(format.error);
  const watch = ctx.flags.bool('watch') || ctx.flags.bool('watch-only');
  const files = manifestArgs(ctx);
  if (ctx.args.length === 0 && files.length === 0 && !watch) {
    ctx.errOut('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    return err.usage(ctx.commandPath, 'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).');
  }
  if (ctx.flags.bool('show-labels') && !isTable(format)) return err.message(`--show-labels option cannot be used with ${ctx.flags.string('output')} printer`);
  if (files.length > 0) {
    if (ctx.args.length > 0) return err.message('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    if (watch) return err.message('not simulated yet: kubectl get -f with --watch; name the resources instead (kubectl get TYPE NAME --watch)');
  }
  const sel: FileSelection | ReturnType<typeof parseResourceArgs> = files.length > 0 ? fileSelection(ctx, files) : parseResourceArgs(ctx.cluster.resources, ctx.args);
  if ('type' in sel && sel.type !== 'types' && sel.type !== 'names') return sel;
  const selection = sel as Exclude<typeof sel, KubectlError> | FileSelection;
  const selector = labelSelector(ctx);
  if (selector && 'type' in selector) return selector;
  const allNamespaces = ctx.flags.bool('all-namespaces');
  const batches: Batch[] = [];
  const errors: KubectlError[] = [];
  let singleItem = false;
  // Objects are printed at the version asked for (`hpa.v1.autoscaling`); tables, which the server builds from the stored object, are the same at every version.
  const versionOf = (info: ResourceInfo) => (isTable(format) ? undefined : info.version);
  if (selection.type === 'types') {
    for (const info of selection.infos) {
      const fields = fieldSelector(ctx, info);
      if (!Array.isArray(fields)) return fields;
      batches.push({ info, objects: listObjects(ctx, info, { allNamespaces, selector: selector as Selector | undefined, fields, version: versionOf(info) }) });
    }
  } else {
    // The resource builder implies a single item for one name, or for one file (or -k) holding one object.
    singleItem = selection.items.length === 1 && (!('oneFile' in selection) || selection.oneFile);
    for (const item of selection.items) {
      const { info, name } = item;
      const ns = info.namespaced ? (('namespace' in item ? item.namespace : undefined) ?? ctx.namespace) : undefined;
      const obj = ctx.client.get(storageName(info), ns, name, versionOf(info));
      if (!obj) {
        if (!ctx.flags.bool('ignore-not-found')) errors.push(missingObjectError(ctx, info, ns, name));
        continue;
      }
      const last = batches[batches.length - 1];
      if (last && last.info === info) last.objects.push(obj);
      else batches.push({ info, objects: [obj] });
    }
  }
  const multipleTypes = ctx.flags.bool('show-kind') || (ctx.args.length > 0 && (ctx.args[0].includes(',') || ctx.args[0].toLowerCase() === 'all')) || new Set(batches.map((b) => b.info)).size > 1;
  if (watch) return startWatch(ctx, batches, selection.type === 'names' ? selection.items.map((i) => i.name) : undefined, format, multipleTypes, selector as Selector | undefined);
  // --sort-by orders every output, and fails when no object has the field (NewRuntimeSorter's error).
  const sortBy = ctx.flags.string('sort-by');
  if (sortBy) {
    for (const b of batches) {
      const sorted = sortObjects(b.objects, sortBy);
      if (!Array.isArray(sorted)) return err.message(sorted.error);
      b.objects = sorted;
    }
  }
  const printed = printBatches(ctx, batches, format, multipleTypes, singleItem, allNamespaces, selection.type === 'types');
  if (errors.length) return err.aggregate(errors);
  // kubectl returns the printer's error (a jsonpath that cannot be executed): exit status 1.
  return printed ? 0 : 1;
}

interface FileSelection {
  type: 'names';
  items: { info: ResourceInfo; name: string; namespace?: string }[];
  /** One file (or one kustomization) was read: one object in it is printed as itself, not as a List. */
  oneFile: boolean;
}

/**
 * `get -f FILE` (or `-k DIR`): the live objects the files name, each in its
 * own namespace (the default one when it names none), in file order.
 */
function fileSelection(ctx: CommandContext, paths: string[]): FileSelection | KubectlError {
  const read = objectsFromFiles(ctx, paths);
  if ('type' in read) return read;
  if (read.errors.length > 0) return err.aggregate(read.errors);
  const oneFile = ctx.flags.changed('kustomize') || (paths.length === 1 && ctx.env.files.read(paths[0]) !== undefined);
  return { type: 'names', items: read.objects.map((o) => ({ info: o.info, name: o.name, namespace: o.namespace })), oneFile };
}

function tableOptions(ctx: CommandContext, format: OutputFormat, withKind: boolean): TableOptions {
  return {
    wide: format.type === 'wide',
    showLabels: ctx.flags.bool('show-labels'),
    labelColumns: ctx.flags.list('label-columns'),
    allNamespaces: ctx.flags.bool('all-namespaces'),
    withKindPrefix: withKind,
    noHeaders: ctx.flags.bool('no-headers'),
  };
}

/** Prints the objects; false when the printer failed (its error already written). */
function printBatches(ctx: CommandContext, batches: Batch[], format: OutputFormat, withKind: boolean, singleItem: boolean, allNamespaces: boolean, listing: boolean): boolean {
  const pctx = printContext(ctx);
  const nonEmpty = batches.filter((b) => b.objects.length > 0);
  if (!isTable(format)) {
    const objects = nonEmpty.flatMap((b) => b.objects);
    if (objects.length === 0 && listing && format.type === 'name') {
      noResources(ctx, batches, allNamespaces);
      return true;
    }
    const r = printObjects(format, objects, { asList: !singleItem }, pctx);
    if ('error' in r) {
      ctx.errOut(`error: ${r.error}\n`);
      return false;
    }
    ctx.out(r.text);
    return true;
  }
  if (nonEmpty.length === 0) {
    if (listing) noResources(ctx, batches, allNamespaces);
    return true;
  }
  const text = nonEmpty.map((b) => printTable(b.info, b.objects, tableOptions(ctx, format, withKind), pctx)).join(ctx.flags.bool('no-headers') ? '' : '\n');
  ctx.out(text);
  return true;
}

function noResources(ctx: CommandContext, batches: Batch[], allNamespaces: boolean): void {
  const namespaced = batches.length === 0 || batches.some((b) => b.info.namespaced);
  if (namespaced && !allNamespaces) ctx.errOut(`No resources found in ${ctx.namespace} namespace.\n`);
  else ctx.errOut('No resources found\n');
}

function startWatch(ctx: CommandContext, batches: Batch[], names: string[] | undefined, format: OutputFormat, withKind: boolean, selector: Selector | undefined): CommandResult {
  const infos = [...new Set(batches.map((b) => b.info))];
  if (infos.length !== 1) return err.message('you may only specify a single resource type');
  const info = infos[0];
  const fields = fieldSelector(ctx, info) as FieldRequirement[];
  const pctx = () => printContext(ctx);
  const opts = tableOptions(ctx, format, withKind);
  const shown: KubeObject[] = ctx.flags.bool('watch-only') ? [] : batches[0].objects.slice();
  // --output-watch-events: the listed objects are ADDED events, then each event's type in an EVENT column.
  const withEvents = ctx.flags.bool('output-watch-events');
  const types: string[] = shown.map(() => 'ADDED');
  const tableOpts = () => (withEvents ? { ...opts, eventTypes: types } : opts);
  if (shown.length > 0) {
    if (withEvents && isTable(format)) ctx.out(printTable(info, shown, tableOpts(), pctx()));
    else if (withEvents) for (const o of shown) printWatchEvent('ADDED', o);
    else printBatches(ctx, [{ info, objects: shown }], format, withKind, names?.length === 1, opts.allNamespaces ?? false, false);
  }
  const wanted = (o: KubeObject): boolean => {
    if (names && !names.includes(o.metadata.name)) return false;
    if (info.namespaced && !opts.allNamespaces && (o.metadata.namespace ?? '') !== ctx.namespace) return false;
    if (selector && !matches(selector, o.metadata.labels)) return false;
    return matchesFields(o, fields ?? []);
  };
  // custom-columns prints its header once per watch (the printer's lastType), not with every event.
  let headerDone = ctx.flags.bool('no-headers') || shown.length > 0;
  function printWatchEvent(type: string, obj: KubeObject): void {
    // kubectl wraps each object in a metav1.WatchEvent for every printer but the table one (jsonpath reads {.type}).
    if (!withEvents || (format.type !== 'json' && format.type !== 'yaml' && format.type !== 'jsonpath')) {
      const r = printObjects(format, [obj], { asList: false, noHeaders: headerDone }, pctx());
      headerDone = true;
      if (!('error' in r)) ctx.out(format.type === 'yaml' ? `---\n${r.text}` : r.text);
      return;
    }
    // A metav1.WatchEvent: {type, object}.
    const event = { type, object: obj } as unknown as KubeObject;
    const r = printObjects(format, [event], { asList: false }, pctx());
    if (!('error' in r)) ctx.out(format.type === 'yaml' ? `---\n${r.text}` : r.text);
  }
  const unwatch = ctx.cluster.watch(storageName(info), (event) => {
    const obj = event.object as unknown as KubeObject;
    // The API server's filtered watch: an object that starts matching is ADDED, one that stops matching DELETED.
    const now = wanted(obj);
    const before = event.type === 'MODIFIED' && event.old ? wanted(event.old as unknown as KubeObject) : now;
    if (!now && !before) return;
    const type = event.type === 'MODIFIED' && now !== before ? (now ? 'ADDED' : 'DELETED') : event.type;
    if (!isTable(format)) {
      printWatchEvent(type, obj);
      return;
    }
    types.push(type);
    const text = printTable(info, [...shown, obj], tableOpts(), pctx());
    const lines = text.split('\n').filter((l) => l !== '');
    ctx.out(shown.length === 0 ? text : `${lines[lines.length - 1]}\n`);
    shown.push(obj);
  });
  // A watch ends when the server closes it: with --request-timeout, after that long (exit 0).
  const timeoutText = ctx.flags.string('request-timeout');
  const timeout = timeoutText && timeoutText !== '0' ? (parseDuration(timeoutText) ?? (/^\d+$/.test(timeoutText) ? Number(timeoutText) * 1000 : 0)) : 0;
  const deadline = timeout > 0 ? ctx.cluster.now() + timeout : undefined;
  const exec = new WaitingExecution({ deadline, check: () => (deadline !== undefined && ctx.cluster.now() >= deadline ? 0 : undefined), dispose: unwatch });
  exec.poll();
  return exec;
}
