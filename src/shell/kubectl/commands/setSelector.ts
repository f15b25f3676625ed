import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, fieldManagerFlag, outputFlag, recordFlag, templateFlags } from '../common';
import { deepCopy } from '../deepCopy';
import { err, type KubectlError } from '../errors';
import { formatMatchExpressions, parseToLabelSelector } from '../parseToLabelSelector';
import { resolveTargets } from '../targets';
import { examples, longDesc } from '../text';
import { LOCAL_RESOURCE_ERROR, aggregateResult, localTargets, mutationOutputFormat, recordChangeCause, writeAndPrint } from './setObjects';

/** `kubectl set selector` (kubectl `pkg/cmd/set/set_selector.go`). */
export const setSelectorCommand: CommandSpec = {
  path: ['set', 'selector'],
  use: 'selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version]',
  short: 'Set the selector on a resource',
  long: longDesc(`
    Set the selector on a resource. Note that the new selector will overwrite the old selector if the resource had one prior to the invocation
    of 'set selector'.

    A selector must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
    If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.
    Note: currently selectors can only be set on Service objects.`),
  example: examples(`
    # Set the labels and selector before creating a deployment/service pair
    kubectl create service clusterip my-svc --clusterip="None" -o yaml --dry-run=client | kubectl set selector --local -f - 'environment=qa' -o yaml | kubectl create -f -
    kubectl create deployment my-dep -o yaml --dry-run=client | kubectl label --local -f - environment=qa -o yaml | kubectl create -f -`),
  completion: 'resource',
  // cli-runtime's ResourceBuilderFlags (WithAll, WithLocal, WithLatest): `-f` worded tersely, `-R` on by default, no `-k`.
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
    dryRunFlag,
    fieldManagerFlag('kubectl-set'),
    { name: 'filename', shorthand: 'f', type: 'stringSlice', default: '[]', usage: 'identifying the resource.' },
    { name: 'local', type: 'bool', usage: 'If true, annotation will NOT contact api-server but run locally.' },
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
    { name: 'recursive', shorthand: 'R', type: 'bool', default: 'true', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    recordFlag,
    { name: 'resource-version', type: 'string', usage: 'If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.' },
    ...templateFlags,
  ],
  run: runSetSelector,
};

/** Complete → Validate → Run; the builder's errors surface in Run, each object visited in turn. */
function runSetSelector(ctx: CommandContext): CommandResult {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  // getResourcesAndSelector: the last argument is the selector.
  const last = ctx.args.length ? parseToLabelSelector(ctx.args[ctx.args.length - 1]) : undefined;
  if (last && 'error' in last) return err.message(last.error);
  const printer = mutationOutputFormat(ctx);
  if (!('format' in printer)) return printer;
  if (!last) return err.message('one selector is required');
  const resources = ctx.args.slice(0, -1);
  const local = ctx.flags.bool('local');
  if (local && resources.length > 0) return err.message(LOCAL_RESOURCE_ERROR);
  const resolved = local ? localTargets(ctx) : resolveTargets(ctx, resources, { all: true });
  if ('type' in resolved) return resolved;
  const resourceVersion = ctx.flags.string('resource-version');
  const errors: KubectlError[] = [...resolved.errors];
  for (const { info, obj } of resolved.targets) {
    const copy = deepCopy(obj);
    if (resourceVersion) copy.metadata.resourceVersion = resourceVersion;
    // updateSelectorForObject: only a Service, and only equality requirements.
    if (info.kind !== 'Service' || info.group) {
      errors.push(err.message('setting a selector is only supported for Services'));
      continue;
    }
    if (last.matchExpressions.length > 0) {
      errors.push(err.message(`match expression ${formatMatchExpressions(last.matchExpressions)} not supported on this object`));
      continue;
    }
    const spec = ((copy as { spec?: { selector?: Record<string, string> } }).spec ??= {});
    const keys = Object.keys(last.matchLabels).sort();
    if (keys.length) spec.selector = Object.fromEntries(keys.map((k) => [k, last.matchLabels[k]]));
    else delete spec.selector;
    recordChangeCause(ctx, copy);
    const failed = writeAndPrint(ctx, info, obj, copy, {
      dry,
      local,
      format: printer.format,
      operation: 'selector updated',
      unchanged: !resourceVersion && JSON.stringify(copy) === JSON.stringify(obj),
      failure: (e) => e,
    });
    if (failed) errors.push(failed);
  }
  return aggregateResult(errors);
}
