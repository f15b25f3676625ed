import { storageName } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, dryRunSuffix, filenameFlags, objectRef, recordFlag, templateFlags } from '../common';
import { err, errorString, type KubectlError } from '../errors';
import { resolveTargets } from '../targets';
import { examples, longDesc } from '../text';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/** `kubectl scale` (kubectl `pkg/cmd/scale/scale.go`). */
export const scaleCommand: CommandSpec = {
  path: ['scale'],
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: longDesc(`
    Set a new size for a deployment, replica set, replication controller, or stateful set.

    Scale also allows users to specify one or more preconditions for the scale action.

    If --current-replicas or --resource-version is specified, it is validated before the
    scale is attempted, and it is guaranteed that the precondition holds true when the
    scale is sent to the server.`),
  example: examples(`
    # Scale a replica set named 'foo' to 3
    kubectl scale --replicas=3 rs/foo

    # Scale a resource identified by type and name specified in "foo.yaml" to 3
    kubectl scale --replicas=3 -f foo.yaml

    # If the deployment named mysql's current size is 2, scale mysql to 3
    kubectl scale --current-replicas=2 --replicas=3 deployment/mysql

    # Scale multiple replication controllers
    kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3

    # Scale stateful set named 'web' to 3
    kubectl scale --replicas=3 statefulset/web`),
  completion: 'resource',
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'current-replicas', type: 'int', default: '-1', usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    dryRunFlag,
    ...filenameFlags('identifying the resource to set a new size'),
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    recordFlag,
    { name: 'replicas', type: 'int', default: '0', required: true, usage: 'The new desired number of replicas. Required.' },
    { name: 'resource-version', type: 'string', usage: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'timeout', type: 'duration', usage: 'The length of time to wait before giving up on a scale operation, zero means don\'t wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
    ...templateFlags,
  ],
  run: runScale,
};

function runScale(ctx: CommandContext): CommandResult {
  const replicas = ctx.flags.int('replicas');
  if (replicas < 0) return err.message('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const resolved = resolveTargets(ctx, ctx.args, { selector: true, all: true });
  if ('type' in resolved) return resolved;
  const errors: KubectlError[] = [...resolved.errors];
  // Nothing found: the builder's errors ride on the message (`no objects passed to scale [a, b]` for several).
  if (resolved.targets.length === 0) return err.message(errors.length === 0 ? 'no objects passed to scale' : `no objects passed to scale ${errorString(errors.length === 1 ? errors[0] : err.aggregate(errors))}`);
  const current = ctx.flags.int('current-replicas');
  const rv = ctx.flags.string('resource-version');
  for (const { info, obj } of resolved.targets) {
    if (!SCALABLE.has(info.kind)) {
      errors.push(err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' }));
      continue;
    }
    const spec = (obj.spec ?? {}) as { replicas?: number };
    const now = spec.replicas ?? 1;
    if (current >= 0 && current !== now) {
      errors.push(err.message(`Expected replicas to be ${current}, was ${now}`));
      continue;
    }
    if (rv && rv !== obj.metadata.resourceVersion) {
      errors.push(err.message(`Expected resource version to be ${rv}, was ${obj.metadata.resourceVersion ?? ''}`));
      continue;
    }
    if (dry !== 'client') {
      const r = ctx.client.patch(storageName(info), obj.metadata.namespace, obj.metadata.name, { spec: { replicas } }, 'merge', { dryRun: dry === 'server' });
      if (!r.ok) {
        errors.push(err.status(r.status));
        continue;
      }
      // The recorder's merge patch, sent after the scale (RunScale), with the same dry run.
      if (ctx.flags.bool('record')) ctx.client.patch(storageName(info), obj.metadata.namespace, obj.metadata.name, { metadata: { annotations: { 'kubernetes.io/change-cause': ctx.commandLine } } }, 'merge', { dryRun: dry === 'server' });
      ctx.cluster.runUntilIdle();
    }
    ctx.out(`${objectRef(info, obj.metadata.name)} scaled${dryRunSuffix(dry)}\n`);
  }
  if (errors.length === 1) return errors[0];
  if (errors.length > 1) return err.aggregate(errors);
  return 0;
}
