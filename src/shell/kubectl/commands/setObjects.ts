import type { KubeObject, ResourceInfo } from '../../../sim/k8s/index';
import type { CommandContext } from '../command';
import { dryRunSuffix, objectRef, printContext, printFlagsFormat, type DryRun, manifestArgs } from '../common';
import { err, type KubectlError } from '../errors';
import { MISSING_RESOURCE } from '../missingResource';
import { podSpecPath } from '../podSpec';
import { isTable, printObjects, type OutputFormat } from '../printerApi';
import { objectsFromFiles, resolveTargets, type Targets } from '../targets';
import { CHANGE_CAUSE_ANNOTATION } from './rollout';

/**
 * What `set serviceaccount|selector|subject` share: where their objects come
 * from (the server, or with `--local` the `-f` files as written), how kubectl
 * names an object in their errors, and the write-then-print step.
 */

/** cli-runtime's `LocalResourceError`. */
export const LOCAL_RESOURCE_ERROR = `you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

/** `printFlagsFormat` as a command result: the format, or PrintFlags' error. */
export function mutationOutputFormat(ctx: CommandContext): { format: OutputFormat } | KubectlError {
  const format = printFlagsFormat(ctx);
  return 'error' in format ? err.message(format.error) : { format };
}

/** `--record`: the command line in the object's change-cause annotation (kubectl's Recorder). */
export function recordChangeCause(ctx: CommandContext, obj: KubeObject): void {
  if (ctx.flags.bool('record')) obj.metadata.annotations = { ...obj.metadata.annotations, [CHANGE_CAUSE_ANNOTATION]: ctx.commandLine };
}

/** What every command with `--local` says to `--dry-run=server` (their Validate). */
export const LOCAL_SERVER_DRY_RUN = 'cannot specify --local and --dry-run=server - did you mean --dry-run=client?';

/** What `set image|env|resources --local` say without `-f` (their Validate). */
export const LOCAL_NEEDS_FILES = "you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'";

/** `--local`: the objects of the `-f` files as written, never read from the server (`builder.Local()`). */
export function localTargets(ctx: CommandContext): Targets | KubectlError {
  const filenames = manifestArgs(ctx);
  if (filenames.length === 0) return err.message(MISSING_RESOURCE);
  const read = objectsFromFiles(ctx, filenames);
  if ('type' in read) return read;
  return { targets: read.objects.map((o) => ({ info: o.info, obj: asTyped(o.object) })), errors: read.errors };
}

/** Each ObjectMeta a typed Go object carries encodes a missing creationTimestamp as null. */
function asTyped(obj: KubeObject): KubeObject {
  const withTimestamp = (meta: unknown) => {
    if (meta && typeof meta === 'object' && !('creationTimestamp' in meta)) (meta as Record<string, unknown>).creationTimestamp = null;
  };
  withTimestamp(obj.metadata);
  // Every template on the way to the pod spec: spec.template, spec.jobTemplate(.spec.template).
  let cur: unknown = obj;
  for (const key of podSpecPath(obj.kind) ?? []) {
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
    if ((key === 'template' || key === 'jobTemplate') && cur && typeof cur === 'object') withTimestamp(((cur as { metadata?: unknown }).metadata ??= {}));
  }
  return obj;
}

/** The objects a `set` command acts on: `--local` reads only files; otherwise the resource builder's. */
export function setTargets(ctx: CommandContext, resources: readonly string[], opts: { local: boolean; selector?: boolean; all?: boolean }): Targets | KubectlError {
  return opts.local ? localTargets(ctx) : resolveTargets(ctx, resources, opts);
}

/**
 * `resource.Info.ObjectName()`: `deployments/web` for an object read from the
 * server; a local one is named by its kind, and (an upstream quirk kept here)
 * a grouped kind's name ends in a newline.
 */
export function infoObjectName(info: ResourceInfo, name: string, local: boolean): string {
  if (!local) return `${info.resource}/${name}`;
  const kind = info.kind.toLowerCase();
  return info.group ? `${kind}.${info.group}/${name}\n` : `${kind}/${name}`;
}

export interface SetWrite {
  dry: DryRun;
  local: boolean;
  format: OutputFormat;
  /** The printer's operation: `serviceaccount updated`. */
  operation: string;
  /** Whether to skip the write (the patch would be empty; the server would return the object as is). */
  unchanged?: boolean;
  /** How the command words a failed write. */
  failure(e: KubectlError): KubectlError;
}

/**
 * Sends the changed copy (unless `--local` or a client dry run) and prints the
 * result as PrintFlags do: `<kind>/<name> <operation>[ (dry run)]` or `-o`.
 */
export function writeAndPrint(ctx: CommandContext, info: ResourceInfo, original: KubeObject, copy: KubeObject, w: SetWrite): KubectlError | undefined {
  let result = copy;
  if (!w.local && w.dry !== 'client') {
    if (w.unchanged) result = original;
    else {
      const r = ctx.client.update(copy, { dryRun: w.dry === 'server' });
      if (!r.ok) return w.failure(err.status(r.status));
      if (w.dry === 'none') ctx.cluster.runUntilIdle();
      result = r.object;
    }
  }
  if (isTable(w.format)) {
    ctx.out(`${objectRef(info, copy.metadata.name)} ${w.operation}${dryRunSuffix(w.dry)}\n`);
    return undefined;
  }
  const printed = printObjects(w.format, [result], { asList: false }, printContext(ctx));
  if ('error' in printed) return err.message(printed.error);
  ctx.out(printed.text);
  return undefined;
}

/** `utilerrors.NewAggregate` as CheckErr prints it: nothing, the one error, or the list. */
export function aggregateResult(errors: readonly KubectlError[]): number | KubectlError {
  if (errors.length === 0) return 0;
  return errors.length === 1 ? errors[0] : err.aggregate([...errors]);
}
