import { applyPatch, goQuote, parseManifests, storageName, type KubeObject, type PatchType, type ResourceInfo } from '../../../sim/k8s/index';
import { LOCAL_SERVER_DRY_RUN, localTargets as filesAsTargets } from './setObjects';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, dryRunSuffix, fieldManagerFlag, filenameFlags, objectRef, outputFormat, printContext, recordFlag, templateFlags, type DryRun, manifestArgs } from '../common';
import { deepCopy } from '../deepCopy';
import { err, type KubectlError } from '../errors';
import { scaleOf } from './scaleSubresource';
import { goJsonSyntaxError } from '../goJsonSyntax';
import { isTable, printObjects, type OutputFormat } from '../printerApi';
import { resolveTargets, type Target, type Targets } from '../targets';
import { examples, longDesc } from '../text';

const PATCH_TYPES: readonly PatchType[] = ['json', 'merge', 'strategic'];
const SUBRESOURCES = ['status', 'scale'];
/** Kinds that serve `/scale` (autoscaling/v1 Scale). */
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/** `kubectl patch` (kubectl `pkg/cmd/patch/patch.go`). */
export const patchCommand: CommandSpec = {
  path: ['patch'],
  use: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  short: 'Update fields of a resource',
  long: longDesc(`
    Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

    JSON and YAML formats are accepted.

    Note: Strategic merge patch is not supported for custom resources.`),
  example: examples(`
    # Partially update a node using a strategic merge patch, specifying the patch as JSON
    kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'

    # Partially update a node using a strategic merge patch, specifying the patch as YAML
    kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'

    # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
    kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'

    # Update a container's image; spec.containers[*].name is required because it's a merge key
    kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'

    # Update a container's image using a JSON patch with positional arrays
    kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'

    # Update a deployment's replicas through the 'scale' subresource using a merge patch
    kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`),
  completion: 'resource',
  flags: [
    dryRunFlag,
    fieldManagerFlag('kubectl-patch'),
    ...filenameFlags('identifying the resource to update'),
    { name: 'local', type: 'bool', usage: 'If true, patch will operate on the content of the file, not the server-side resource.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'patch', shorthand: 'p', type: 'string', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', usage: 'A file containing a patch to be applied to the resource.' },
    recordFlag,
    { name: 'subresource', type: 'string', usage: 'If specified, patch will operate on the subresource of the requested object. This flag is beta and may change in the future.' },
    { name: 'type', type: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
    ...templateFlags,
  ],
  run: runPatch,
};

interface PatchOptions {
  patchType: PatchType;
  patch: unknown;
  subresource: string;
  dry: DryRun;
  format: OutputFormat;
}

/** Flags → Options → Validate (`PatchOptions.Complete` and `Validate`). */
function patchOptions(ctx: CommandContext): PatchOptions | KubectlError {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const text = ctx.flags.string('patch');
  const file = ctx.flags.string('patch-file');
  if (text && file) return err.message('cannot specify --patch and --patch-file together');
  if (!text && !file) return err.message('must specify --patch or --patch-file containing the contents of the patch');
  if (ctx.flags.bool('local') && ctx.args.length !== 0) return err.message('cannot specify --local and server resources');
  if (ctx.flags.bool('local') && dry === 'server') return err.message(LOCAL_SERVER_DRY_RUN);
  const typeName = ctx.flags.string('type');
  const type = typeName.toLowerCase() as PatchType;
  if (typeName && !PATCH_TYPES.includes(type)) return err.message(`--type must be one of [json merge strategic], not ${goQuote(typeName)}`);
  const subresource = ctx.flags.string('subresource');
  if (subresource && !SUBRESOURCES.includes(subresource)) return err.message(`invalid subresource value: ${goQuote(subresource)}. Must be one of [status scale]`);
  const format = outputFormat(ctx);
  if ('error' in format) return err.message(format.error);
  let source = text;
  if (file) {
    const read = ctx.env.files.read(file);
    if (read === undefined) return err.message(`unable to read patch file: open ${file}: no such file or directory`);
    source = read;
  }
  const patch = patchToJson(source, text);
  if ('error' in patch) return patch.error;
  return { patchType: type || 'strategic', patch: patch.value, subresource, dry, format };
}

/** apimachinery `yaml.ToJSON`: JSON (a `{` first) passes as is, YAML is converted. */
function patchToJson(source: string, flagText: string): { value: unknown } | { error: KubectlError } {
  if (source.trimStart().startsWith('{')) {
    // Sent as is: the API server's JSON decoder is the one that complains.
    const syntax = goJsonSyntaxError(source);
    if (syntax) return { error: err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'BadRequest', code: 400, message: syntax }) };
    return { value: JSON.parse(source) as unknown };
  }
  const parsed = parseManifests(source);
  if (parsed.error) return { error: err.message(`unable to parse ${goQuote(flagText)}: ${parsed.error.message}`) };
  return { value: parsed.documents[0]?.value ?? null };
}

function runPatch(ctx: CommandContext): CommandResult {
  const opts = patchOptions(ctx);
  if ('type' in opts) return opts;
  const o = opts;
  const resolved = ctx.flags.bool('local') ? localTargets(ctx) : resolveTargets(ctx, ctx.args);
  if ('type' in resolved) return resolved;
  const errors: KubectlError[] = [...resolved.errors];
  for (const target of resolved.targets) {
    const r = patchOne(ctx, target, o);
    if ('type' in r) {
      errors.push(r);
      continue;
    }
    if (!isTable(o.format)) {
      const printed = printObjects(o.format, [r.object], { asList: false }, printContext(ctx));
      if ('error' in printed) return err.message(printed.error);
      ctx.out(printed.text);
    } else ctx.out(`${r.ref} ${r.changed ? 'patched' : 'patched (no change)'}${dryRunSuffix(o.dry)}\n`);
  }
  if (resolved.targets.length === 0 && errors.length === 0) return err.message('no objects passed to patch');
  if (errors.length === 1) return errors[0];
  if (errors.length > 1) return err.aggregate(errors);
  return 0;
}

interface Patched {
  object: KubeObject;
  ref: string;
  changed: boolean;
}

/** `--local`: the objects of the `-f` files as written, never read from the server (patch words a missing -f its own way). */
function localTargets(ctx: CommandContext): Targets | KubectlError {
  if (manifestArgs(ctx).length === 0) return err.message('you must provide one or more resources by argument or filename (.json|.yaml|.yml|stdin)');
  return filesAsTargets(ctx);
}

function patchOne(ctx: CommandContext, { info, obj }: Target, o: PatchOptions): Patched | KubectlError {
  const ref = objectRef(info, obj.metadata.name);
  if (ctx.flags.bool('local')) {
    const local = applyPatch(obj, o.patch, o.patchType, info);
    if (!local.ok) return err.message(local.message);
    return { object: local.object, ref, changed: !sameJson(local.object, obj) };
  }
  if (o.subresource === 'scale') return patchScale(ctx, info, obj, o);
  const ns = info.namespaced ? obj.metadata.namespace : undefined;
  if (o.subresource === 'status' || o.dry === 'client') {
    // The status subresource takes the patched object's status only; a client dry run patches locally.
    const local = applyPatch(obj, o.patch, o.patchType, info);
    if (!local.ok) return badRequest(local.message);
    if (o.dry === 'client') return { object: local.object, ref, changed: !sameJson(local.object, obj) };
    if (o.dry === 'server') return { object: { ...obj, status: local.object.status }, ref, changed: !sameJson(local.object.status, obj.status) };
    const w = ctx.client.updateStatus({ ...obj, status: local.object.status });
    if (!w.ok) return err.status(w.status);
    ctx.cluster.runUntilIdle();
    return { object: w.object, ref, changed: !sameJson(w.object, obj) };
  }
  let w = ctx.client.patch(storageName(info), ns, obj.metadata.name, o.patch, o.patchType, { dryRun: o.dry === 'server', version: info.version });
  if (!w.ok) return err.status(w.status);
  const changed = !sameJson(w.object, obj);
  if (ctx.flags.bool('record') && o.dry === 'none') {
    const recorded = ctx.client.patch(storageName(info), ns, obj.metadata.name, { metadata: { annotations: { 'kubernetes.io/change-cause': ctx.commandLine } } }, 'merge', { version: info.version });
    if (recorded.ok) w = recorded;
  }
  ctx.cluster.runUntilIdle();
  return { object: w.object, ref, changed };
}

/** `--subresource=scale`: the autoscaling/v1 Scale the API server serves for scalable kinds. */
function patchScale(ctx: CommandContext, info: ResourceInfo, obj: KubeObject, o: PatchOptions): Patched | KubectlError {
  if (!SCALABLE.has(info.kind)) return err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });
  const scale = scaleOf(obj);
  const patched = applyPatch(scale, o.patch, o.patchType, { ...info, kind: 'Scale', group: 'autoscaling', version: 'v1' });
  if (!patched.ok) return badRequest(patched.message);
  const replicas = (patched.object.spec as { replicas?: unknown } | undefined)?.replicas;
  const ref = `scale.autoscaling/${obj.metadata.name}`;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) return badRequest(`Scale.autoscaling "${obj.metadata.name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas ?? null)}: must be an integer`);
  if (o.dry === 'client') return { object: patched.object, ref, changed: !sameJson(patched.object, scale) };
  const w = ctx.client.patch(storageName(info), obj.metadata.namespace, obj.metadata.name, { spec: { replicas } }, 'merge', { dryRun: o.dry === 'server' });
  if (!w.ok) return err.status(w.status);
  ctx.cluster.runUntilIdle();
  const after = scaleOf(w.object);
  return { object: after, ref, changed: !sameJson(after, scale) };
}


function badRequest(message: string): KubectlError {
  return err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'BadRequest', code: 400, message });
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(deepCopy(a))) === JSON.stringify(sorted(deepCopy(b)));
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
  return v;
}
