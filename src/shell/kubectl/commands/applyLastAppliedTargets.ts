import { storageName } from '../../../sim/k8s/index';
import { manifestArgs } from '../common';
import type { CommandContext } from '../command';
import { err, type KubectlError } from '../errors';
import { fileNamespaceError, notFoundError, objectsFromFiles, resolveTargets, type FileObject, type Target } from '../targets';

/** A live object, and the file that named it (`''` when an argument or a selector did: `resource.Info.Source`). */
export interface SourcedTarget extends Target {
  source: string;
}

/** What the resource builder visits, in order: objects, or the error that stops the visit. */
export type Visited = SourcedTarget | KubectlError;

/**
 * The resource builder's argument checks (cli-runtime `builder.go`: the errors
 * `ResourceTypeOrNameArgs`, `SelectAllParam` and `LabelSelectorParam` collect,
 * then `visitByPaths` and `visitBySelector`), which resolveTargets does not make.
 */
export function builderArgsError(ctx: CommandContext, args: readonly string[], opts: { selector: boolean; all: boolean }): KubectlError | undefined {
  const paths = manifestArgs(ctx).length > 0;
  const combined = args.some((a) => a.includes('/'));
  const selector = opts.selector ? ctx.flags.string('selector').trim() : '';
  const all = opts.all && ctx.flags.bool('all');
  const errs: KubectlError[] = [];
  if (combined && paths) errs.push(err.message('resource/name arguments cannot be provided when a path is specified'));
  if (all && selector) errs.push(err.message(`found non-empty label selector "${selector}" with previously set 'all' parameter. `));
  if (errs.length > 0) return errs.length === 1 ? errs[0] : err.aggregate(errs);
  if (paths) return args.length > 0 && !combined ? err.message('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well') : undefined;
  if (selector || all) {
    if (combined) return err.message('selectors and the all flag cannot be used when passing resource/name arguments');
    if (args.length > 1) return err.message('name cannot be provided when a selector is specified');
    if (args.length === 0) return err.message('at least one resource must be specified to use a selector');
  }
  return undefined;
}

/** The object of a `-f` file with the namespace the builder gives it (`SetNamespace`, `RequireNamespace` when `-n` was given). */
export function withFileNamespace(ctx: CommandContext, o: FileObject): FileObject | KubectlError {
  if (!o.info.namespaced) return o;
  const own = o.object.metadata.namespace;
  const mismatch = fileNamespaceError(ctx, own);
  if (mismatch) return mismatch;
  return { ...o, object: { ...o.object, metadata: { ...o.object.metadata, namespace: own || ctx.namespace } } };
}

/**
 * The live objects named by `-f` files (each with its file), or by
 * `TYPE NAME`, `TYPE/NAME`, `TYPE -l …`, `TYPE --all`; errors where the
 * builder would meet them.
 */
export function visitLastApplied(ctx: CommandContext, args: readonly string[], opts: { selector: boolean; all: boolean }): Visited[] | KubectlError {
  const invalid = builderArgsError(ctx, args, opts);
  if (invalid) return invalid;
  const filenames = manifestArgs(ctx);
  if (filenames.length === 0) {
    const resolved = resolveTargets(ctx, args, opts);
    if ('type' in resolved) return resolved;
    return [...resolved.targets.map((t) => ({ ...t, source: '' })), ...resolved.errors];
  }
  const read = objectsFromFiles(ctx, filenames);
  if ('type' in read) return read;
  const out: Visited[] = [...read.errors];
  for (const file of read.objects) {
    const o = withFileNamespace(ctx, file);
    if ('type' in o) {
      out.push(o);
      continue;
    }
    const live = ctx.client.get(storageName(o.info), o.info.namespaced ? o.object.metadata.namespace : undefined, o.name);
    out.push(live ? { info: o.info, obj: live, source: o.source } : notFoundError(o.info, o.name));
  }
  return out;
}

/** Whether a visited entry is an error. */
export function isError(v: Visited): v is KubectlError {
  return 'type' in v;
}
