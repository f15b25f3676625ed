import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { generatorFlags } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import { examples, longDesc } from '../text';
import { completeName, ruleError, ruleFlags, warnNonStandardVerbs } from './createRole';
import { completeVerbs, dedupe, generateResourcePolicyRules, parseResources, validateResources } from './generateResourcePolicyRules';

/** Verbs a non-resource URL rule may use (`validNonResourceVerbs`). */
const VALID_NON_RESOURCE_VERBS: readonly string[] = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** `kubectl create clusterrole` (kubectl `pkg/cmd/create/create_clusterrole.go`). */
export const createClusterRoleCommand: CommandSpec = {
  path: ['create', 'clusterrole'],
  use: 'clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none]',
  short: 'Create a cluster role',
  long: longDesc(`
    Create a cluster role.`),
  example: examples(`
    # Create a cluster role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods
    kubectl create clusterrole pod-reader --verb=get,list,watch --resource=pods

    # Create a cluster role named "pod-reader" with ResourceName specified
    kubectl create clusterrole pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod

    # Create a cluster role named "foo" with API Group specified
    kubectl create clusterrole foo --verb=get,list,watch --resource=rs.apps

    # Create a cluster role named "foo" with SubResource specified
    kubectl create clusterrole foo --verb=get,list,watch --resource=pods,pods/status

    # Create a cluster role name "foo" with NonResourceURL specified
    kubectl create clusterrole "foo" --verb=get --non-resource-url=/logs/*

    # Create a cluster role name "monitoring" with AggregationRule specified
    kubectl create clusterrole monitoring --aggregation-rule="rbac.example.com/aggregate-to-monitoring=true"`),
  flags: [
    ...generatorFlags('kubectl-create'),
    ...ruleFlags,
    // A cliflag.MapStringString: help prints its empty default as nothing.
    { name: 'aggregation-rule', type: 'stringArray', default: '', usage: 'An aggregation label selector for combining ClusterRoles.' },
    { name: 'non-resource-url', type: 'stringSlice', usage: 'A partial url that user should have access to.' },
  ],
  run: runCreateClusterRole,
};

/** `MapStringString.Set` over each `--aggregation-rule`: `k=v` pairs split at commas, trimmed; a later key wins. */
export function parseAggregationRule(values: readonly string[]): Record<string, string> | { malformed: string } {
  const labels: Record<string, string> = {};
  for (const value of values) {
    for (const raw of value.split(',')) {
      const pair = raw.trim();
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      if (eq < 0) return { malformed: value };
      labels[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  return labels;
}

/** `Validate` for the non-resource URLs: their verbs, a leading `/`, `*` only at the end. */
function validateNonResourceURLs(verbs: readonly string[], urls: readonly string[]): string | undefined {
  for (const v of verbs) if (!VALID_NON_RESOURCE_VERBS.includes(v)) return `invalid verb: '${v}' for nonResourceURL`;
  for (const url of urls) {
    if (url === '*') continue;
    if (!url.startsWith('/')) return 'nonResourceURL should start with /';
    if (url.slice(0, -1).includes('*')) return "nonResourceURL only supports wildcard matches when '*' is at the end";
  }
  return undefined;
}

function runCreateClusterRole(ctx: CommandContext): CommandResult {
  // pflag sets the map as it parses, before the command runs; cobra prints its error as `Error: …`.
  const aggregation = parseAggregationRule(ctx.flags.list('aggregation-rule'));
  if ('malformed' in aggregation) {
    ctx.errOut(`Error: invalid argument "${aggregation.malformed}" for "--aggregation-rule" flag: malformed pair, expect string=string\nSee '${ctx.commandPath} --help' for usage.\n`);
    return err.exit();
  }
  const nonResourceURLs = dedupe(ctx.flags.list('non-resource-url'));
  const name = completeName(ctx);
  if (typeof name !== 'string') return name;
  const verbs = completeVerbs(ctx.flags.list('verb'));
  const resources = parseResources(ctx.flags.list('resource'));
  const resourceNames = dedupe(ctx.flags.list('resource-name'));
  if (name === '') return err.message('name must be specified');
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, name };
  const base = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata };
  if (Object.keys(aggregation).length > 0) {
    if (nonResourceURLs.length > 0 || verbs.length > 0 || resources.length > 0 || resourceNames.length > 0) {
      return err.message('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
    }
    return createGenerated(ctx, { ...base, aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregation }] }, rules: null });
  }
  if (verbs.length === 0) return err.message('at least one verb must be specified');
  if (resources.length === 0 && nonResourceURLs.length === 0) return err.message('one of resource or nonResourceURL must be specified');
  const all = ctx.cluster.resources.all;
  if (resources.length > 0) {
    warnNonStandardVerbs(ctx, verbs);
    const invalid = validateResources(all, verbs, resources);
    if (invalid) return ruleError(ctx, invalid);
  }
  if (nonResourceURLs.length > 0) {
    const invalid = validateNonResourceURLs(verbs, nonResourceURLs);
    if (invalid) return err.message(invalid);
  }
  return createGenerated(ctx, { ...base, rules: generateResourcePolicyRules(all, verbs, resources, resourceNames, nonResourceURLs) });
}
