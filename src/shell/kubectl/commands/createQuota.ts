import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, templateFlags, validateFlag } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import { examples, longDesc } from '../text';
import { populateResourceList } from './setResources';

/** `kubectl create quota` (kubectl `pkg/cmd/create/create_quota.go`). */
export const createQuotaCommand: CommandSpec = {
  path: ['create', 'quota'],
  use: 'quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]',
  aliases: ['resourcequota'],
  short: 'Create a quota with the specified name',
  long: longDesc(`
    Create a resource quota with the specified name, hard limits, and optional scopes.`),
  example: examples(`
    # Create a new resource quota named my-quota
    kubectl create quota my-quota --hard=cpu=1,memory=1G,pods=2,services=3,replicationcontrollers=2,resourcequotas=1,secrets=5,persistentvolumeclaims=10

    # Create a new resource quota named best-effort
    kubectl create quota best-effort --hard=pods=100 --scopes=BestEffort`),
  flags: [
    dryRunFlag,
    fieldManagerFlag('kubectl-create'),
    { name: 'hard', type: 'string', usage: 'A comma-delimited set of resource=quantity pairs that define a hard limit.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
    { name: 'scopes', type: 'string', usage: 'A comma-delimited set of quota scopes that must all match each object tracked by the quota.' },
    validateFlag,
    ...templateFlags,
  ],
  run: runCreateQuota,
};

function runCreateQuota(ctx: CommandContext): CommandResult {
  if (ctx.args.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${ctx.args.length}`);
  const hard = populateResourceList(ctx.flags.string('hard'));
  if ('error' in hard) return hard.error;
  const scopesText = ctx.flags.string('scopes');
  // kubectl passes scopes through unchecked; the API server validates them.
  const spec: Record<string, unknown> = {};
  if (Object.keys(hard.list).length) spec.hard = hard.list;
  if (scopesText) spec.scopes = scopesText.split(',');
  const quota: KubeObject = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { creationTimestamp: null as unknown as string, name: ctx.args[0] }, spec, status: {} };
  return createGenerated(ctx, quota);
}
