import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, templateFlags, validateFlag } from '../common';
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
  flags: [
    dryRunFlag,
    fieldManagerFlag('kubectl-create'),
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    validateFlag,
    ...templateFlags,
  ],
  run: runCreateNamespace,
};

function runCreateNamespace(ctx: CommandContext): CommandResult {
  if (ctx.args.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${ctx.args.length}`);
  const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null as unknown as string, name: ctx.args[0] }, spec: {}, status: {} };
  return createGenerated(ctx, ns);
}
