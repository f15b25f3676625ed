import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { generatorFlags } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import { examples, longDesc } from '../text';

/** `kubectl create serviceaccount` (kubectl `pkg/cmd/create/create_serviceaccount.go`). */
export const createServiceAccountCommand: CommandSpec = {
  path: ['create', 'serviceaccount'],
  use: 'serviceaccount NAME [--dry-run=server|client|none]',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  long: longDesc(`
    Create a service account with the specified name.`),
  example: examples(`
    # Create a new service account named my-service-account
    kubectl create serviceaccount my-service-account`),
  flags: generatorFlags('kubectl-create'),
  run: runCreateServiceAccount,
};

function runCreateServiceAccount(ctx: CommandContext): CommandResult {
  if (ctx.args.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${ctx.args.length}`);
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, name: ctx.args[0] };
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  return createGenerated(ctx, { apiVersion: 'v1', kind: 'ServiceAccount', metadata });
}
