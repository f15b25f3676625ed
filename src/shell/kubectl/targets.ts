import { storageName, type KubeObject, type ResourceInfo, type Selector } from '../../sim/k8s/index';
import type { CommandContext } from './command';
import { labelSelector, listObjects, readFiles, manifestArgs } from './common';
import { decodeObject, parseManifests } from './engineApi';
import { err, type KubectlError } from './errors';
import { MISSING_RESOURCE } from './missingResource';
import { parseResourceArgs } from './resourceArgs';

/** A live object a command acts on. */
export interface Target {
  info: ResourceInfo;
  obj: KubeObject;
}

export interface Targets {
  targets: Target[];
  /** Per-object failures (NotFound …), reported after the others are done (ContinueOnError). */
  errors: KubectlError[];
}

/** A NotFound status as the API server words it. */
export function notFoundError(info: ResourceInfo, name: string): KubectlError {
  const gr = info.group ? `${info.resource}.${info.group}` : info.resource;
  return err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: `${gr} "${name}" not found`, details: { name, group: info.group, kind: info.resource } });
}

/**
 * cli-runtime's `Info.Get` on a NotFound: when the namespace asked for (one
 * other than `default`) does not exist either, the error names it instead
 * (`namespaces "nope" not found`), the mistake a learner most likely made.
 */
export function missingObjectError(ctx: CommandContext, info: ResourceInfo, namespace: string | undefined, name: string): KubectlError {
  const namespaces = ctx.cluster.resources.byName('namespaces');
  if (info.namespaced && namespace && namespace !== 'default' && namespaces && !ctx.client.get('namespaces', undefined, namespace)) return notFoundError(namespaces, namespace);
  return notFoundError(info, name);
}

/** An object named in a `-f` file: what it is, where it lives, which file said so. */
export interface FileObject {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
  source: string;
  /** The object as the file has it (decoded). */
  object: KubeObject;
}

/** The resource builder's RequireNamespace: a `-f` object's own namespace that contradicts an explicit `-n`. */
export function fileNamespaceError(ctx: CommandContext, own: string | undefined): KubectlError | undefined {
  if (!own || !ctx.explicitNamespace || own === ctx.namespace) return undefined;
  return err.message(`the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
}

/** Reads and decodes every document of the `-f` files, as kubectl's resource builder does. */
export function objectsFromFiles(ctx: CommandContext, filenames: string[]): { objects: FileObject[]; errors: KubectlError[] } | KubectlError {
  const files = readFiles(ctx, filenames, ctx.flags.bool('recursive'));
  if (!Array.isArray(files)) return files;
  const objects: FileObject[] = [];
  const errors: KubectlError[] = [];
  for (const f of files) {
    const parsed = parseManifests(f.text);
    if (parsed.error) errors.push(err.message(`error parsing ${f.source}: ${parsed.error.message}`));
    for (const doc of parsed.documents) {
      const d = decodeObject(doc.value, ctx.cluster.resources);
      if (!d.ok) {
        errors.push(err.message(`unable to recognize "${f.source}": ${d.message}`));
        continue;
      }
      objects.push({ info: d.info, namespace: d.info.namespaced ? d.object.metadata.namespace || ctx.namespace : undefined, name: d.object.metadata.name, source: f.source, object: d.object });
    }
  }
  return { objects, errors };
}

/**
 * Resolves `TYPE NAME…`, `TYPE/NAME…`, `-f FILE`, or `TYPE -l SEL` / `TYPE --all`
 * into live objects, the way kubectl's resource builder does for most verbs.
 */
export function resolveTargets(ctx: CommandContext, args: readonly string[], opts: { selector?: boolean; all?: boolean; namespaceCheck?: boolean } = {}): Targets | KubectlError {
  const missing = (info: ResourceInfo, namespace: string | undefined, name: string) => (opts.namespaceCheck === false ? notFoundError(info, name) : missingObjectError(ctx, info, namespace, name));
  const targets: Target[] = [];
  const errors: KubectlError[] = [];
  const filenames = manifestArgs(ctx);
  if (filenames.length > 0) {
    const read = objectsFromFiles(ctx, filenames);
    if ('type' in read) return read;
    errors.push(...read.errors);
    for (const o of read.objects) {
      const live = ctx.client.get(storageName(o.info), o.namespace, o.name, o.info.version);
      if (live) targets.push({ info: o.info, obj: live });
      else errors.push(missing(o.info, o.namespace, o.name));
    }
    return { targets, errors };
  }
  if (args.length === 0) return err.message(MISSING_RESOURCE);
  const sel = parseResourceArgs(ctx.cluster.resources, args);
  if (!('type' in sel) || (sel.type !== 'types' && sel.type !== 'names')) return sel as KubectlError;
  if (sel.type === 'names') {
    for (const { info, name } of sel.items) {
      const ns = info.namespaced ? ctx.namespace : undefined;
      const live = ctx.client.get(storageName(info), ns, name, info.version);
      if (live) targets.push({ info, obj: live });
      else errors.push(missing(info, ns, name));
    }
    return { targets, errors };
  }
  const selector = opts.selector ? labelSelector(ctx) : undefined;
  if (selector && 'type' in selector) return selector;
  const all = opts.all && ctx.flags.bool('all');
  if (!selector && !all) return err.message('resource(s) were provided, but no name was specified');
  for (const info of sel.infos) {
    for (const obj of listObjects(ctx, info, { allNamespaces: ctx.flags.bool('all-namespaces'), selector: selector as Selector | undefined, version: info.version })) targets.push({ info, obj });
  }
  return { targets, errors };
}
