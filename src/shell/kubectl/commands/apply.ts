import { deepCopy } from '../deepCopy';
import { storageName, type KubeObject, type ResourceInfo, type Status } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, dryRunSuffix, fieldManagerFlag, fileNameFlags, objectRef, outputFormat, printContext, readFiles, recordFlag, templateFlags, type DryRun, validateFlag, manifestArgs } from '../common';
import { addSourceToErr, checkErrText, err, messageForError, type KubectlError } from '../errors';
import { createApplyPatch, decodeObject, LAST_APPLIED_ANNOTATION, lastAppliedValue, parseManifests, splitPath, type ManifestDocument } from '../engineApi';
import { isTable, printObjects } from '../printerApi';
import { fileNamespaceError } from '../targets';
import { examples, longDesc } from '../text';

/** `kubectl apply` (kubectl `pkg/cmd/apply/apply.go`, client-side apply). */
export const applyCommand: CommandSpec = {
  path: ['apply'],
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: longDesc(`
    Apply a configuration to a resource by file name or stdin.
    The resource name must be specified. This resource will be created if it doesn't exist yet.
    To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

    JSON and YAML formats are accepted.

    Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.`),
  example: examples(`
    # Apply the configuration in pod.json to a pod
    kubectl apply -f ./pod.json

    # Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
    kubectl apply -k dir/

    # Apply the JSON passed into stdin to a pod
    cat pod.json | kubectl apply -f -

    # Apply the configuration from all files that end with '.json'
    kubectl apply -f '*.json'

    # Note: --prune is still in Alpha
    # Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx
    kubectl apply --prune -f manifest.yaml -l app=nginx

    # Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file
    kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap`),
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    dryRunFlag,
    fieldManagerFlag('kubectl-client-side-apply'),
    ...fileNameFlags('The files that contain the configurations to apply.'),
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'force-conflicts', type: 'bool', usage: 'If true, server-side apply will force the changes against conflicts.' },
    { name: 'grace-period', type: 'int', default: '-1', usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'openapi-patch', type: 'bool', default: 'true', usage: 'If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'overwrite', type: 'bool', default: 'true', usage: 'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration' },
    { name: 'prune', type: 'bool', usage: 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.' },
    { name: 'prune-allowlist', type: 'stringArray', default: '[]', usage: 'Overwrite the default allowlist with <group/version/kind> for --prune' },
    recordFlag,
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'server-side', type: 'bool', usage: 'If true, apply runs in the server instead of the client.' },
    { name: 'subresource', type: 'string', usage: 'If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side. This flag is beta and may change in the future.' },
    { name: 'timeout', type: 'duration', usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    validateFlag,
    { name: 'wait', type: 'bool', usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
    ...templateFlags,
  ],
  run: runApply,
};

/** An apply failure with where it points in the user's file, if known. */
interface Located {
  error: KubectlError;
  where?: string;
}

/** `spec.containers[0].image` from `['spec', 'containers', 0, 'image']`. */
function dotted(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The playground's extra line: where the error points in the file. */
function locate(source: string, doc: ManifestDocument | undefined, paths: readonly (readonly (string | number)[])[]): string | undefined {
  if (!doc) return undefined;
  const path = paths.find((p) => p.length > 0);
  if (!path) return `  --> ${source}:${doc.start.line}:${doc.start.column}`;
  const pos = doc.positionOf(path);
  return `  --> ${source}:${pos.line}:${pos.column} (${dotted(path)})`;
}

function statusPaths(s: Status): (string | number)[][] {
  const out = (s.details?.causes ?? []).map((c) => c.field ?? '').filter((f) => f !== '' && !f.startsWith('<')).map(splitPath);
  const m = /unknown field "([^"]+)"/.exec(s.message);
  if (m) out.push(splitPath(m[1]));
  return out;
}

function runApply(ctx: CommandContext): CommandResult {
  if (ctx.args.length > 0) return err.usage(ctx.commandPath, `Unexpected args: [${ctx.args.join(' ')}]`);
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  if (ctx.flags.bool('server-side')) return err.message('not simulated yet: server-side apply (--server-side); use client-side apply');
  if (ctx.flags.bool('prune')) return err.message('not simulated yet: apply --prune');
  const filenames = manifestArgs(ctx);
  if (filenames.length === 0) return err.message('must specify one of -f and -k');
  const format = outputFormat(ctx);
  if ('error' in format) return err.message(format.error);
  const files = readFiles(ctx, filenames, ctx.flags.bool('recursive'));
  if (!Array.isArray(files)) return files;
  const parseFailures: Located[] = [];
  const failures: Located[] = [];
  let applied = 0;
  for (const file of files) {
    const parsed = parseManifests(file.text);
    if (parsed.error) {
      parseFailures.push({
        error: err.message(`error parsing ${file.source}: ${parsed.error.message}`),
        where: `  --> ${file.source}:${parsed.error.position.line}:${parsed.error.position.column}`,
      });
    }
    for (const doc of parsed.documents) {
      applied++;
      const failure = applyDocument(ctx, file.source, doc, dry, isTable(format) ? undefined : format);
      if (failure) failures.push(failure);
    }
  }
  const all = [...parseFailures, ...failures];
  if (applied === 0 && all.length === 0) return err.message('no objects passed to apply');
  if (all.length === 0) return 0;
  if (all.length === 1) {
    ctx.errOut(checkErrText(all[0].error) + (all[0].where ? `${all[0].where}\n` : ''));
    return 1;
  }
  ctx.errOut(all.map((f) => `${messageForError(f.error)}\n${f.where ? `${f.where}\n` : ''}`).join(''));
  return 1;
}

function applyDocument(ctx: CommandContext, source: string, doc: ManifestDocument, dry: DryRun, format: ReturnType<typeof outputFormat> | undefined): Located | undefined {
  const decoded = decodeObject(doc.value, ctx.cluster.resources);
  if (!decoded.ok) {
    const where = locate(source, doc, decoded.paths);
    if (decoded.reason === 'noMatch') {
      const meta = (doc.value as { metadata?: { name?: string; namespace?: string } }).metadata ?? {};
      return { error: err.message(`resource mapping not found for name: "${meta.name ?? ''}" namespace: "${meta.namespace ?? ''}" from "${source}": ${decoded.message}\nensure CRDs are installed first`), where };
    }
    if (decoded.status) return { error: addSourceToErr('creating', source, err.status(decoded.status)), where };
    return { error: err.message(`unable to decode "${source}": ${decoded.message}`), where };
  }
  const { info } = decoded;
  const desired: KubeObject = deepCopy(decoded.object);
  const objNs = desired.metadata.namespace;
  if (info.namespaced) {
    const mismatch = fileNamespaceError(ctx, objNs);
    if (mismatch) return { error: mismatch, where: locate(source, doc, [['metadata', 'namespace']]) };
    desired.metadata.namespace = objNs || ctx.namespace;
  } else if (objNs) delete desired.metadata.namespace;
  const name = desired.metadata.name;
  if (!name) {
    if (desired.metadata.generateName) return { error: err.message(`from ${desired.metadata.generateName}: cannot use generate name with apply`), where: locate(source, doc, [['metadata', 'generateName']]) };
  }
  if (ctx.flags.bool('record')) {
    desired.metadata.annotations = { ...desired.metadata.annotations, 'kubernetes.io/change-cause': ctx.commandLine };
  }
  const resource = storageName(info);
  const ns = info.namespaced ? desired.metadata.namespace : undefined;
  // Read at the manifest's version, as kubectl GETs at its group/version: the three-way merge compares like with like.
  const live = name ? ctx.client.get(resource, ns, name, info.version) : undefined;
  const annotated = withLastApplied(desired);
  if (!live) {
    if (dry === 'client') return report(ctx, info, annotated, `created${dryRunSuffix(dry)}`, format);
    const r = ctx.client.create(annotated, { dryRun: dry === 'server' });
    if (!r.ok) return { error: addSourceToErr('creating', source, err.status(r.status)), where: locate(source, doc, statusPaths(r.status)) };
    ctx.cluster.runUntilIdle();
    return report(ctx, info, r.object, `created${dryRunSuffix(dry)}`, format);
  }
  const lastText = live.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
  let lastApplied: unknown;
  if (lastText) {
    try {
      lastApplied = JSON.parse(lastText);
    } catch {
      lastApplied = undefined;
    }
  } else {
    ctx.errOut(
      `Warning: resource ${info.group ? `${info.resource}.${info.group}` : info.resource}/${name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const { patch, empty } = createApplyPatch(live, lastApplied, desired, info);
  if (empty) return report(ctx, info, live, `unchanged${dryRunSuffix(dry)}`, format);
  if (dry === 'client') return report(ctx, info, live, `configured${dryRunSuffix(dry)}`, format);
  const r = ctx.client.patch(resource, ns, name, patch, 'strategic', { dryRun: dry === 'server', version: info.version });
  if (!r.ok) {
    const infoString = `Resource: "${info.group ? `${info.group}/` : '/'}${info.version}, Resource=${info.resource}", GroupVersionKind: "${info.group ? `${info.group}/` : '/'}${info.version}, Kind=${info.kind}"\nName: "${name}", Namespace: "${ns ?? ''}"`;
    const inner = addSourceToErr('patching', source, err.status(r.status));
    return { error: addSourceToErr(`applying patch:\n${JSON.stringify(patch)}\nto:\n${infoString}\nfor:`, source, inner), where: locate(source, doc, statusPaths(r.status)) };
  }
  ctx.cluster.runUntilIdle();
  return report(ctx, info, r.object, `configured${dryRunSuffix(dry)}`, format);
}

/** The object as apply sends it: with the last-applied-configuration annotation (also what `kubectl diff` dry-runs). */
export function withLastApplied(desired: KubeObject): KubeObject {
  const copy = deepCopy(desired);
  copy.metadata.annotations = { ...copy.metadata.annotations, [LAST_APPLIED_ANNOTATION]: lastAppliedValue(desired) };
  return copy;
}

function report(ctx: CommandContext, info: ResourceInfo, obj: KubeObject, operation: string, format: ReturnType<typeof outputFormat> | undefined): undefined {
  if (format && !('error' in format) && !isTable(format)) {
    const r = printObjects(format, [obj], { asList: false }, printContext(ctx));
    if (!('error' in r)) ctx.out(r.text);
    return undefined;
  }
  ctx.out(`${objectRef(info, obj.metadata.name)} ${operation}\n`);
  return undefined;
}

