import { deepCopy } from '../deepCopy';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, filenameFlags, templateFlags, validateFlag, manifestArgs } from '../common';
import { err } from '../errors';
import { examples, longDesc } from '../text';
import { storageName, type KubeObject } from '../../../sim/k8s/index';
import { dryRunStrategy, dryRunSuffix, objectRef, readFiles } from '../common';
import { decodeObject, LAST_APPLIED_ANNOTATION, lastAppliedValue, parseManifests } from '../engineApi';
import { addSourceToErr, type KubectlError } from '../errors';
import { defaultSubCommandRun } from './parent';

/** `kubectl create` (kubectl `pkg/cmd/create/create.go`); `-f` creates, subcommands generate objects. */
export const createCommand: CommandSpec = {
  path: ['create'],
  use: 'create -f FILENAME',
  short: 'Create a resource from a file or from stdin',
  long: longDesc(`
    Create a resource from a file or from stdin.

    JSON and YAML formats are accepted.`),
  example: examples(`
    # Create a pod using the data in pod.json
    kubectl create -f ./pod.json

    # Create a pod based on the JSON passed into stdin
    cat pod.json | kubectl create -f -

    # Edit the data in registry.yaml in JSON then create the resource using the edited data
    kubectl create -f registry.yaml --edit -o json`),
  flags: [
    dryRunFlag,
    { name: 'edit', type: 'bool', usage: 'Edit the API resource before creating' },
    fieldManagerFlag('kubectl-create'),
    ...filenameFlags('to use to create the resource'),
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'raw', type: 'string', usage: 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.' },
    { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    validateFlag,
    { name: 'windows-line-endings', type: 'bool', usage: 'Only relevant if --edit=true. Defaults to the line ending native to your platform.' },
    ...templateFlags,
  ],
  run: runCreate,
};

function runCreate(ctx: CommandContext): CommandResult {
  if (manifestArgs(ctx).length === 0) {
    ctx.errOut('Error: must specify one of -f and -k\n\n');
    return defaultSubCommandRun(ctx);
  }
  if (ctx.args.length > 0) return err.usage(ctx.commandPath, `Unexpected args: [${ctx.args.join(' ')}]`);
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const files = readFiles(ctx, manifestArgs(ctx), ctx.flags.bool('recursive'));
  if (!Array.isArray(files)) return files;
  const errors: KubectlError[] = [];
  for (const f of files) {
    const parsed = parseManifests(f.text);
    if (parsed.error) errors.push(err.message(`error parsing ${f.source}: ${parsed.error.message}`));
    for (const doc of parsed.documents) {
      const d = decodeObject(doc.value, ctx.cluster.resources);
      if (!d.ok) {
        const meta = (doc.value as { metadata?: { name?: string; namespace?: string } }).metadata ?? {};
        if (d.reason === 'noMatch') errors.push(err.message(`resource mapping not found for name: "${meta.name ?? ''}" namespace: "${meta.namespace ?? ''}" from "${f.source}": ${d.message}\nensure CRDs are installed first`));
        // The API server's strict decoding (unknown fields) answers BadRequest.
        else if (d.status) errors.push(addSourceToErr('creating', f.source, err.status(d.status)));
        else errors.push(err.message(`unable to decode "${f.source}": ${d.message}`));
        continue;
      }
      const obj: KubeObject = deepCopy(d.object);
      if (d.info.namespaced) obj.metadata.namespace = obj.metadata.namespace || ctx.namespace;
      if (ctx.flags.bool('save-config')) obj.metadata.annotations = { ...obj.metadata.annotations, [LAST_APPLIED_ANNOTATION]: lastAppliedValue(d.object) };
      if (dry === 'client') {
        ctx.out(`${objectRef(d.info, obj.metadata.name)} created${dryRunSuffix(dry)}\n`);
        continue;
      }
      const r = ctx.client.create(obj, { dryRun: dry === 'server' });
      if (!r.ok) {
        errors.push(addSourceToErr('creating', f.source, err.status(r.status)));
        continue;
      }
      ctx.cluster.runUntilIdle();
      ctx.out(`${objectRef(d.info, r.object.metadata.name)} created${dryRunSuffix(dry)}\n`);
      void storageName;
    }
  }
  if (errors.length === 1) return errors[0];
  if (errors.length > 1) return err.aggregate(errors);
  return 0;
}
