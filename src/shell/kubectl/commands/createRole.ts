import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunStrategy, generatorFlags, outputFormat } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import type { FlagSpec } from '../flags';
import { examples, longDesc } from '../text';
import { completeVerbs, dedupe, generateResourcePolicyRules, parseResources, VALID_RESOURCE_VERBS, validateResources, type RuleError } from './generateResourcePolicyRules';

/** The rule flags `create role` and `create clusterrole` share. */
export const ruleFlags: FlagSpec[] = [
  { name: 'resource', type: 'stringSlice', usage: 'Resource that the rule applies to' },
  { name: 'resource-name', type: 'stringArray', usage: 'Resource in the white list that the rule applies to, repeat this flag for multiple items' },
  { name: 'verb', type: 'stringSlice', usage: 'Verb that applies to the resources contained in the rule' },
];

/** `kubectl create role` (kubectl `pkg/cmd/create/create_role.go`). */
export const createRoleCommand: CommandSpec = {
  path: ['create', 'role'],
  use: 'role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none]',
  short: 'Create a role with single rule',
  long: longDesc(`
    Create a role with single rule.`),
  example: examples(`
    # Create a role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods
    kubectl create role pod-reader --verb=get --verb=list --verb=watch --resource=pods

    # Create a role named "pod-reader" with ResourceName specified
    kubectl create role pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod

    # Create a role named "foo" with API Group specified
    kubectl create role foo --verb=get,list,watch --resource=rs.apps

    # Create a role named "foo" with SubResource specified
    kubectl create role foo --verb=get,list,watch --resource=pods,pods/status`),
  flags: [...generatorFlags('kubectl-create'), ...ruleFlags],
  run: runCreateRole,
};

/**
 * The checks Complete makes before Validate: one NAME, a valid `--dry-run`
 * and `-o`. Returns the name, or the error to stop with.
 */
export function completeName(ctx: CommandContext): string | CommandResult {
  if (ctx.args.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${ctx.args.length}`);
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const format = outputFormat(ctx);
  if ('error' in format) return err.message(format.error);
  return ctx.args[0];
}

/** A rule check's failure as `cmdutil.CheckErr` prints it (a no-match error has no `error: ` prefix). */
export function ruleError(ctx: CommandContext, e: RuleError): CommandResult {
  if (e.type === 'message') return err.message(e.message);
  ctx.errOut(`${e.message}\n`);
  return err.exit();
}

/** `Warning: 'x' is not a standard resource verb` for each verb kubectl does not know. */
export function warnNonStandardVerbs(ctx: CommandContext, verbs: readonly string[]): void {
  for (const v of verbs) if (!VALID_RESOURCE_VERBS.includes(v)) ctx.errOut(`Warning: '${v}' is not a standard resource verb\n`);
}

function runCreateRole(ctx: CommandContext): CommandResult {
  const name = completeName(ctx);
  if (typeof name !== 'string') return name;
  const verbs = completeVerbs(ctx.flags.list('verb'));
  const resources = parseResources(ctx.flags.list('resource'));
  const resourceNames = dedupe(ctx.flags.list('resource-name'));
  if (name === '') return err.message('name must be specified');
  if (verbs.length === 0) return err.message('at least one verb must be specified');
  warnNonStandardVerbs(ctx, verbs);
  if (resources.length === 0) return err.message('at least one resource must be specified');
  const all = ctx.cluster.resources.all;
  const invalid = validateResources(all, verbs, resources);
  if (invalid) return ruleError(ctx, invalid);
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, name };
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  const rules = generateResourcePolicyRules(all, verbs, resources, resourceNames, []);
  return createGenerated(ctx, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata, rules });
}
