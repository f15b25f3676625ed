import { deepCopy } from './deepCopy';
import { storageName, type KubeObject, type ResourceInfo } from '../../sim/k8s/index';
import type { CommandContext, CommandResult } from './command';
import { dryRunStrategy, dryRunSuffix, objectRef, outputFormat, printContext } from './common';
import { err } from './errors';
import { LAST_APPLIED_ANNOTATION, lastAppliedValue } from './engineApi';
import { isTable, printObjects } from './printerApi';

/**
 * The tail every generator command shares (`create deployment`, `create
 * namespace`, `run`, `expose`): dry-run, `-o`, `--save-config`, create, and print
 * `<kind>/<name> created` (or the command's own verb, `exposed`).
 * @param generated the object as kubectl builds it (printed as is by `--dry-run=client -o yaml`)
 */
export function createGenerated(ctx: CommandContext, generated: KubeObject, options: { failurePrefix?: string; operation?: string; quiet?: boolean } = {}): CommandResult {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const info: ResourceInfo | undefined = ctx.cluster.resources.forKind(generated.apiVersion, generated.kind);
  if (!info) return err.message(`no matches for kind "${generated.kind}" in version "${generated.apiVersion}"`);
  const format = outputFormat(ctx);
  if ('error' in format) return err.message(format.error);
  const obj = deepCopy(generated);
  if (ctx.flags.bool('save-config')) obj.metadata.annotations = { ...obj.metadata.annotations, [LAST_APPLIED_ANNOTATION]: lastAppliedValue(generated) };
  let result = obj;
  if (dry !== 'client') {
    const toSend = stripEmpty(obj);
    if (info.namespaced) toSend.metadata.namespace = obj.metadata.namespace || ctx.namespace;
    const r = ctx.client.create(toSend, { dryRun: dry === 'server' });
    if (!r.ok) {
      if (options.failurePrefix) return err.message(`${options.failurePrefix}: ${r.status.message}`);
      return err.status(r.status);
    }
    ctx.cluster.runUntilIdle();
    result = r.object;
  }
  if (options.quiet) return 0;
  if (!isTable(format)) {
    const r = printObjects(format, [result], { asList: false }, printContext(ctx));
    if ('error' in r) return err.message(r.error);
    ctx.out(r.text);
    return 0;
  }
  ctx.out(`${objectRef(info, result.metadata.name)} ${options.operation ?? 'created'}${dryRunSuffix(dry)}\n`);
  void storageName;
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
