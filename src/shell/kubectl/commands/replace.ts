import { kindGroup, storageName, type KubeObject, type ResourceInfo } from '../../../sim/k8s/index';
import { WaitingExecution } from '../../execution';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, dryRunSuffix, fieldManagerFlag, fileNameFlags, objectRef, printContext, printFlagsFormat, readFiles, templateFlags, validateFlag, manifestArgs } from '../common';
import { deepCopy } from '../deepCopy';
import { decodeObject, LAST_APPLIED_ANNOTATION, lastAppliedValue, parseManifests } from '../engineApi';
import { addSourceToErr, err, messageForError, type KubectlError } from '../errors';
import { isTable, printObjects, type OutputFormat } from '../printerApi';
import { examples, longDesc } from '../text';
import { runRawPut, SCALABLE, statusUpdate, validateRaw } from './replaceRaw';

/** How long `--force` waits for the old objects to be gone when no --timeout is given (kubectl: 5 minutes). */
const FORCE_WAIT_MS = 5 * 60_000;

/**
 * `kubectl replace` (kubectl `pkg/cmd/replace/replace.go`): PUT the object from the file (to its
 * `status` with --subresource), or with --force delete and re-create it, printing each as -o asks;
 * --raw PUTs the file as it is to a URI (`replaceRaw.ts`).
 */
export const replaceCommand: CommandSpec = {
  path: ['replace'],
  use: 'replace -f FILENAME',
  short: 'Replace a resource by file name or stdin',
  long: longDesc(`
    Replace a resource by file name or stdin.

    JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ kubectl get TYPE NAME -o yaml`),
  example: examples(`
    # Replace a pod using the data in pod.json
    kubectl replace -f ./pod.json

    # Replace a pod based on the JSON passed into stdin
    cat pod.json | kubectl replace -f -

    # Update a single-container pod's image version (tag) to v4
    kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -

    # Force replace, delete and then re-create the resource
    kubectl replace --force -f ./pod.json`),
  flags: [
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    dryRunFlag,
    fieldManagerFlag('kubectl-replace'),
    ...fileNameFlags('The files that contain the configurations to replace.'),
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: '-1', usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'raw', type: 'string', usage: 'Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file.' },
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
    { name: 'subresource', type: 'string', usage: 'If specified, replace will operate on the subresource of the requested object. This flag is beta and may change in the future.' },
    { name: 'timeout', type: 'duration', usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    validateFlag,
    { name: 'wait', type: 'bool', usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
    ...templateFlags,
  ],
  run: runReplace,
};

interface Item {
  info: ResourceInfo;
  object: KubeObject;
  source: string;
}

function runReplace(ctx: CommandContext): CommandResult {
  // Complete: the dry-run strategy, the printer, then the files.
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const format = printFlagsFormat(ctx);
  if ('error' in format) return err.message(format.error);
  const filenames = manifestArgs(ctx);
  if (filenames.length === 0) return err.message('must specify one of -f and -k');
  if (ctx.args.length > 0) return err.usage(ctx.commandPath, `Unexpected args: [${ctx.args.join(' ')}]`);
  // Validate.
  const force = ctx.flags.bool('force');
  if (!force && ctx.flags.int('grace-period') >= 0) return err.message('--grace-period must have --force specified');
  if (!force && ctx.flags.changed('timeout')) return err.message('--timeout must have --force specified');
  if (force && dry !== 'none') return err.message('--dry-run can not be used when --force is set');
  const raw = ctx.flags.string('raw');
  if (raw) {
    const invalid = validateRaw(ctx, raw, filenames);
    // --raw sends the file as it is: no builder, no dry run, no printer.
    return invalid ?? runRawPut(ctx, raw, filenames[0]);
  }
  const items = readItems(ctx);
  if (!Array.isArray(items)) return items;
  const out: Output = { format, dry };
  return force ? forceReplace(ctx, items, out) : replaceAll(ctx, items, out);
}

/** How each replaced object is printed: `<kind>/<name> replaced[ (dry run)]`, or -o. */
interface Output {
  format: OutputFormat;
  dry: 'none' | 'client' | 'server';
}

function printReplaced(ctx: CommandContext, info: ResourceInfo, obj: KubeObject, out: Output): KubectlError | undefined {
  if (isTable(out.format)) {
    ctx.out(`${objectRef(info, obj.metadata.name)} replaced${dryRunSuffix(out.dry)}\n`);
    return undefined;
  }
  const printed = printObjects(out.format, [obj], { asList: false }, printContext(ctx));
  if ('error' in printed) return err.message(printed.error);
  ctx.out(printed.text);
  return undefined;
}

/** `util.CreateOrUpdateAnnotation`: --save-config writes the last-applied annotation, which an object that has one keeps current. */
function withApplyAnnotation(ctx: CommandContext, object: KubeObject): KubeObject {
  if (!ctx.flags.bool('save-config') && object.metadata.annotations?.[LAST_APPLIED_ANNOTATION] === undefined) return object;
  return { ...object, metadata: { ...object.metadata, annotations: { ...object.metadata.annotations, [LAST_APPLIED_ANNOTATION]: lastAppliedValue(object) } } };
}

function readItems(ctx: CommandContext): Item[] | KubectlError {
  const files = readFiles(ctx, manifestArgs(ctx), ctx.flags.bool('recursive'));
  if (!Array.isArray(files)) return files;
  const items: Item[] = [];
  const errors: KubectlError[] = [];
  for (const f of files) {
    const parsed = parseManifests(f.text);
    if (parsed.error) errors.push(err.message(`error parsing ${f.source}: ${parsed.error.message}`));
    for (const doc of parsed.documents) {
      const d = decodeObject(doc.value, ctx.cluster.resources);
      if (!d.ok) {
        const meta = ((doc.value as { metadata?: { name?: string; namespace?: string } } | null)?.metadata ?? {}) as { name?: string; namespace?: string };
        if (d.reason === 'noMatch') errors.push(err.message(`resource mapping not found for name: "${meta.name ?? ''}" namespace: "${meta.namespace ?? ''}" from "${f.source}": ${d.message}\nensure CRDs are installed first`));
        else errors.push(d.status ? addSourceToErr('replacing', f.source, err.status(d.status)) : err.message(`unable to decode "${f.source}": ${d.message}`));
        continue;
      }
      const object: KubeObject = deepCopy(d.object);
      if (d.info.namespaced) object.metadata.namespace = object.metadata.namespace || ctx.namespace;
      items.push({ info: d.info, object, source: f.source });
    }
  }
  if (errors.length === 1) return errors[0];
  if (errors.length > 1) return err.aggregate(errors);
  return items;
}

const notFoundPath = (): KubectlError => err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });

/**
 * `--subresource`: PUT …/NAME/status takes the object's status (the kinds
 * that have one); …/NAME/scale decodes the body as an autoscaling/v1 Scale,
 * which no manifest kubectl can read is; any other is not served.
 */
function replaceSubresource(ctx: CommandContext, info: ResourceInfo, obj: KubeObject, subresource: string, serverDryRun: boolean): { ok: true; object: KubeObject } | KubectlError {
  if (subresource === 'status' && info.hasStatus) {
    const r = statusUpdate(ctx, info, obj, serverDryRun);
    return r.ok ? r : err.status(r.status);
  }
  if (subresource !== 'scale' || !SCALABLE.has(info.kind)) return notFoundPath();
  const pkg = `k8s.io/api/${info.group || 'core'}/${info.version}`;
  return err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'BadRequest', code: 400, message: `${info.kind} in version "${info.version}" cannot be handled as a Scale: converting (${pkg}) ${info.kind} to (k8s.io/kubernetes/pkg/apis/autoscaling) Scale: unknown conversion` });
}

/** PUT each object; without a resourceVersion of its own it takes the live one (the helper's overwrite). */
function replaceAll(ctx: CommandContext, items: Item[], out: Output): CommandResult {
  const errors: KubectlError[] = [];
  const subresource = ctx.flags.string('subresource');
  for (const item of items) {
    const { info, source } = item;
    const object = withApplyAnnotation(ctx, item.object);
    if (out.dry === 'client') {
      const e = printReplaced(ctx, info, object, out);
      if (e) return e;
      continue;
    }
    const live = ctx.client.get(storageName(info), object.metadata.namespace, object.metadata.name);
    if (!live && !subresource) {
      errors.push(addSourceToErr('replacing', source, notFound(info, object.metadata.name)));
      continue;
    }
    const obj = { ...object, metadata: { ...object.metadata, resourceVersion: object.metadata.resourceVersion ?? live?.metadata.resourceVersion } };
    const r = subresource ? replaceSubresource(ctx, info, obj, subresource, out.dry === 'server') : ctx.client.update(obj, { dryRun: out.dry === 'server' });
    if ('type' in r || !r.ok) {
      errors.push(addSourceToErr('replacing', source, 'type' in r ? r : err.status(r.status)));
      continue;
    }
    const e = printReplaced(ctx, info, r.object, out);
    if (e) return e;
  }
  ctx.cluster.runUntilIdle();
  if (errors.length === 1) return errors[0];
  if (errors.length > 1) return err.aggregate(errors);
  return 0;
}

/** --force: delete every object (as `kubectl delete` prints it), wait until each is gone, then create them again. */
function forceReplace(ctx: CommandContext, items: Item[], out: Output): CommandResult {
  const grace = ctx.flags.int('grace-period');
  const cascade = ctx.flags.string('cascade');
  const propagationPolicy = cascade === 'orphan' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : 'Background';
  const deleted: { item: Item; uid: string | undefined }[] = [];
  for (const item of items) {
    const r = ctx.client.delete(storageName(item.info), item.object.metadata.namespace, item.object.metadata.name, { gracePeriodSeconds: grace >= 0 ? grace : undefined, propagationPolicy });
    if (!r.ok && r.status.reason !== 'NotFound') return addSourceToErr('deleting', item.source, err.status(r.status));
    if (r.ok) ctx.out(`${kindGroup(item.info)} "${item.object.metadata.name}" deleted\n`);
    deleted.push({ item, uid: r.ok ? r.object.metadata.uid : undefined });
  }
  ctx.cluster.runUntilIdle();
  const deadline = ctx.cluster.now() + (ctx.flags.duration('timeout') || FORCE_WAIT_MS);
  const gone = ({ item, uid }: { item: Item; uid: string | undefined }) => {
    const live = ctx.client.get(storageName(item.info), item.object.metadata.namespace, item.object.metadata.name);
    return !live || live.metadata.uid !== uid;
  };
  const exec = new WaitingExecution({
    deadline,
    check: () => {
      if (deleted.every(gone)) return createAll(ctx, items, out);
      if (ctx.cluster.now() >= deadline) {
        ctx.errOut('error: timed out waiting for the condition\n');
        return 1;
      }
      return undefined;
    },
  });
  exec.poll();
  return exec;
}

function createAll(ctx: CommandContext, items: Item[], out: Output): number {
  let code = 0;
  for (const { info, object: fileObject, source } of items) {
    const object = withApplyAnnotation(ctx, fileObject);
    const { resourceVersion: _rv, uid: _uid, ...metadata } = object.metadata;
    const r = ctx.client.create({ ...object, metadata });
    if (!r.ok) {
      ctx.errOut(`${messageForError(addSourceToErr('creating', source, err.status(r.status)))}\n`);
      code = 1;
      continue;
    }
    const e = printReplaced(ctx, info, r.object, out);
    if (e) {
      ctx.errOut(`${messageForError(e)}\n`);
      code = 1;
    }
  }
  ctx.cluster.runUntilIdle();
  return code;
}

function notFound(info: ResourceInfo, name: string): KubectlError {
  const gr = info.group ? `${info.resource}.${info.group}` : info.resource;
  return err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: `${gr} "${name}" not found`, details: { name, group: info.group, kind: info.resource } });
}
