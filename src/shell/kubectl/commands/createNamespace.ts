import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { generatorFlags } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import { examples, longDesc } from '../text';

/** `kubectl create namespace` (kubectl `pkg/cmd/create/create_namespace.go`). */
export const createNamespaceCommand: CommandSpec = {
  path: ['create', 'namespace'],
  use: 'namespace NAME [--dry-run=server|client|none]',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  long: longDesc(`
    Create a namespace with the specified name.`),
  example: examples(`
    # Create a new namespace named my-namespace
    kubectl create namespace my-namespace`),
  flags: generatorFlags('kubectl-create'),
  run: runCreateNamespace,
};

function runCreateNamespace(ctx: CommandContext): CommandResult {
  if (ctx.args.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${ctx.args.length}`);
  const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null as unknown as string, name: ctx.args[0] }, spec: {}, status: {} };
  return createGenerated(ctx, ns);
}
