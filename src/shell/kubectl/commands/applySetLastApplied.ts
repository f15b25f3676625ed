import { jsonMarshal } from '../../../lib/goJson';
import { storageName, type KubeObject, type ResourceInfo } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, dryRunSuffix, objectRef, printContext, templateFlags, manifestArgs } from '../common';
import { LAST_APPLIED_ANNOTATION } from '../engineApi';
import { err } from '../errors';
import { MISSING_RESOURCE } from '../missingResource';
import { isTable, printObjects } from '../printerApi';
import { notFoundError, objectsFromFiles } from '../targets';
import { examples, longDesc } from '../text';
import { withFileNamespace } from './applyLastAppliedTargets';
import { mutationOutputFormat } from './setObjects';

/** `kubectl apply set-last-applied` (kubectl `pkg/cmd/apply/apply_set_last_applied.go`). */
export const applySetLastAppliedCommand: CommandSpec = {
  path: ['apply', 'set-last-applied'],
  use: 'set-last-applied -f FILENAME',
  short: 'Set the last-applied-configuration annotation on a live object to match the contents of a file',
  long: longDesc(`
    Set the latest last-applied-configuration annotations by setting it to match the contents of a file.
    This results in the last-applied-configuration being updated as though 'kubectl apply -f<file> ' was run,
    without updating any other parts of the object.`),
  example: examples(`
    # Set the last-applied-configuration of a resource to match the contents of a file
    kubectl apply set-last-applied -f deploy.yaml

    # Execute set-last-applied against each configuration file in a directory
    kubectl apply set-last-applied -f path/

    # Set the last-applied-configuration of a resource to match the contents of a file; will create the annotation if it does not already exist
    kubectl apply set-last-applied -f deploy.yaml --create-annotation=true`),
  completion: 'none',
  flags: [
    { name: 'create-annotation', type: 'bool', usage: "Will create 'last-applied-configuration' annotations if current objects doesn't have one" },
    dryRunFlag,
    { name: 'filename', shorthand: 'f', type: 'stringSlice', default: '[]', usage: 'Filename, directory, or URL to files that contains the last-applied-configuration annotations' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    ...templateFlags,
  ],
  run: runSetLastApplied,
};

/** One object to patch: its live copy and the annotation the file gives it. */
interface Pending {
  info: ResourceInfo;
  live: KubeObject;
  config: string;
}

/** `cmdutil.StripComments`: both sides compared as normalized JSON (`yaml.ToJSON`). */
function normalized(text: string | undefined): string {
  if (text === undefined) return 'null';
  try {
    return jsonMarshal(JSON.parse(text));
  } catch {
    return text;
  }
}

/**
 * Complete (dry run, printer) → Validate (every file object: read the live
 * object, check its annotation, note what changes; "no changes required" is
 * printed here) → Run (merge-patch the annotation, print each object).
 */
function runSetLastApplied(ctx: CommandContext): CommandResult {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const printer = mutationOutputFormat(ctx);
  if ('type' in printer) return printer;
  const filenames = manifestArgs(ctx);
  if (filenames.length === 0) return err.message(MISSING_RESOURCE);
  const read = objectsFromFiles(ctx, filenames);
  if ('type' in read) return read;
  if (read.errors.length > 0) return read.errors[0];
  const pending: Pending[] = [];
  for (const file of read.objects) {
    const o = withFileNamespace(ctx, file);
    if ('type' in o) return o;
    // editor.GetApplyPatch: the annotation is the file's object as JSON, as written.
    const config = jsonMarshal(o.object);
    const live = ctx.client.get(storageName(o.info), o.info.namespaced ? o.object.metadata.namespace : undefined, o.name);
    if (!live) return notFoundError(o.info, o.name);
    const original = live.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
    if (original === undefined && !ctx.flags.bool('create-annotation')) {
      return err.message(`no last-applied-configuration annotation found on resource: ${o.name}, to create the annotation, run the command with --create-annotation`);
    }
    if (normalized(original) !== normalized(config)) pending.push({ info: o.info, live, config });
    else ctx.out(`set-last-applied ${o.name}: no changes required.\n`);
  }
  for (const p of pending) {
    let result = p.live;
    if (dry !== 'client') {
      const ns = p.info.namespaced ? p.live.metadata.namespace : undefined;
      const patch = { metadata: { annotations: { [LAST_APPLIED_ANNOTATION]: p.config } } };
      const r = ctx.client.patch(storageName(p.info), ns, p.live.metadata.name, patch, 'merge', { dryRun: dry === 'server' });
      if (!r.ok) return err.status(r.status);
      if (dry === 'none') ctx.cluster.runUntilIdle();
      result = r.object;
    }
    if (isTable(printer.format)) ctx.out(`${objectRef(p.info, p.live.metadata.name)} configured${dryRunSuffix(dry)}\n`);
    else {
      const printed = printObjects(printer.format, [result], { asList: false }, printContext(ctx));
      if ('error' in printed) return err.message(printed.error);
      ctx.out(printed.text);
    }
  }
  return 0;
}
