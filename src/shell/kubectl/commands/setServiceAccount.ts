import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, fieldManagerFlag, filenameFlags, outputFlag, recordFlag, templateFlags } from '../common';
import { deepCopy } from '../deepCopy';
import { err, errorString, type KubectlError } from '../errors';
import { podSpecOf, podSpecPath } from '../podSpec';
import { examples, longDesc } from '../text';
import { aggregateResult, infoObjectName, mutationOutputFormat, recordChangeCause, setTargets, writeAndPrint, LOCAL_SERVER_DRY_RUN } from './setObjects';

/** `kubectl set serviceaccount` (kubectl `pkg/cmd/set/set_serviceaccount.go`). */
export const setServiceAccountCommand: CommandSpec = {
  path: ['set', 'serviceaccount'],
  use: 'serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT',
  aliases: ['sa'],
  short: 'Update the service account of a resource',
  long: longDesc(`
    Update the service account of pod template resources.

    Possible resources (case insensitive) can be:

    replicationcontroller (rc), deployment (deploy), daemonset (ds), job, replicaset (rs), statefulset`),
  example: examples(`
    # Set deployment nginx-deployment's service account to serviceaccount1
    kubectl set serviceaccount deployment nginx-deployment serviceaccount1

    # Print the result (in YAML format) of updated nginx deployment with the service account from local file, without hitting the API server
    kubectl set sa -f nginx-deployment.yaml serviceaccount1 --local --dry-run=client -o yaml
    `),
  completion: 'resource',
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types' },
    dryRunFlag,
    fieldManagerFlag('kubectl-set'),
    ...filenameFlags('identifying the resource to get from a server.'),
    { name: 'local', type: 'bool', usage: 'If true, set serviceaccount will NOT contact api-server but run locally.' },
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
    recordFlag,
    ...templateFlags,
  ],
  run: runSetServiceAccount,
};

/** Complete (the builder's errors stop the command before any write), then Run. */
function runSetServiceAccount(ctx: CommandContext): CommandResult {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const local = ctx.flags.bool('local');
  if (local && dry === 'server') return err.message(LOCAL_SERVER_DRY_RUN);
  const printer = mutationOutputFormat(ctx);
  if (!('format' in printer)) return printer;
  if (ctx.args.length === 0) return err.message('serviceaccount is required');
  const serviceAccountName = ctx.args[ctx.args.length - 1];
  // Resource arguments are not even read with --local (the builder takes files only).
  const resolved = setTargets(ctx, ctx.args.slice(0, -1), { local, all: true });
  if ('type' in resolved) return resolved;
  if (resolved.errors.length) return aggregateResult(resolved.errors);
  const errors: KubectlError[] = [];
  for (const { info, obj } of resolved.targets) {
    const copy = deepCopy(obj);
    const spec = podSpecPath(info.kind) ? (podSpecOf(copy) as { serviceAccountName?: string } | undefined) : undefined;
    if (!spec) {
      errors.push(err.message(`error: ${infoObjectName(info, obj.metadata.name, local)} the object is not a pod or does not have a pod template: *v1.${info.kind}\n`));
      continue;
    }
    spec.serviceAccountName = serviceAccountName;
    recordChangeCause(ctx, copy);
    // No empty-patch check upstream: an unchanged object is still reported updated.
    const failed = writeAndPrint(ctx, info, obj, copy, {
      dry,
      local,
      format: printer.format,
      operation: 'serviceaccount updated',
      unchanged: JSON.stringify(copy) === JSON.stringify(obj),
      failure: (e) => err.message(`failed to patch ServiceAccountName ${errorString(e)}`),
    });
    if (failed) errors.push(failed);
  }
  return aggregateResult(errors);
}
