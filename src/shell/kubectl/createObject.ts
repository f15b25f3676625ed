import { deepCopy } from './deepCopy';
import type { KubeObject, ResourceInfo } from '../../sim/k8s/index';
import type { CommandContext, CommandResult } from './command';
import { dryRunStrategy, dryRunSuffix, objectRef, outputFormat, printContext, type DryRun } from './common';
import { err, type KubectlError } from './errors';
import { LAST_APPLIED_ANNOTATION, lastAppliedValue } from './engineApi';
import { isTable, printObjects } from './printerApi';

/**
 * The tail every generator command shares (`create deployment`, `create
 * namespace`, `run`, `expose`): dry-run, `-o`, `--save-config`, create, and print
 * `<kind>/<name> created` (or the command's own verb, `exposed`).
 * @param generated the object as kubectl builds it (printed as is by `--dry-run=client -o yaml`)
 */
export function createGenerated(ctx: CommandContext, generated: KubeObject, options: { failurePrefix?: string; operation?: string; quiet?: boolean } = {}): CommandResult {
  const sent = sendGenerated(ctx, generated, options.failurePrefix);
  if ('type' in sent) return sent;
  if (options.quiet) return 0;
  return printGenerated(ctx, sent, options.operation);
}

/** A generated object as sent (or, with `--dry-run=client`, as built), ready to print. */
export interface SentObject {
  info: ResourceInfo;
  object: KubeObject;
  dry: DryRun;
}

/** The create half of `createGenerated`: `--save-config`, then the create request unless `--dry-run=client`. */
export function sendGenerated(ctx: CommandContext, generated: KubeObject, failurePrefix?: string): SentObject | KubectlError {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const info: ResourceInfo | undefined = ctx.cluster.resources.forKind(generated.apiVersion, generated.kind);
  if (!info) return err.message(`no matches for kind "${generated.kind}" in version "${generated.apiVersion}"`);
  const format = outputFormat(ctx);
  if ('error' in format) return err.message(format.error);
  const obj = deepCopy(generated);
  if (ctx.flags.bool('save-config')) obj.metadata.annotations = { ...obj.metadata.annotations, [LAST_APPLIED_ANNOTATION]: lastAppliedValue(generated) };
  if (dry === 'client') return { info, object: obj, dry };
  const toSend = stripEmpty(obj);
  if (info.namespaced) toSend.metadata.namespace = obj.metadata.namespace || ctx.namespace;
  const r = ctx.client.create(toSend, { dryRun: dry === 'server' });
  if (!r.ok) return failurePrefix ? err.message(`${failurePrefix}: ${r.status.message}`) : err.status(r.status);
  ctx.cluster.runUntilIdle();
  return { info, object: r.object, dry };
}

/** The print half: `-o` as asked, else `<kind>/<name> created` (or the command's own verb, `exposed`). */
export function printGenerated(ctx: CommandContext, sent: SentObject, operation = 'created'): CommandResult {
  const format = outputFormat(ctx);
  if ('error' in format) return err.message(format.error);
  if (!isTable(format)) {
    const r = printObjects(format, [sent.object], { asList: false, goStruct: true }, printContext(ctx));
    if ('error' in r) return err.message(r.error);
    ctx.out(r.text);
    return 0;
  }
  ctx.out(`${objectRef(sent.info, sent.object.metadata.name)} ${operation}${dryRunSuffix(sent.dry)}\n`);
  return 0;
}

/** Drops what only exists for printing (`creationTimestamp: null`, `status: {}`) before sending. */
function stripEmpty(obj: KubeObject): KubeObject {
  const copy = deepCopy(obj);
  if (copy.metadata.creationTimestamp === null) delete (copy.metadata as Record<string, unknown>).creationTimestamp;
  const tpl = (copy.spec as { template?: { metadata?: Record<string, unknown> } } | undefined)?.template;
  if (tpl?.metadata && tpl.metadata.creationTimestamp === null) delete tpl.metadata.creationTimestamp;
  if (copy.status && typeof copy.status === 'object' && Object.keys(copy.status).length === 0) delete copy.status;
  return copy;
}
