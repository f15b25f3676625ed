import { storageName, type KubeObject, type Selector } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { type DryRun, dryRunFlag, dryRunStrategy, dryRunSuffix, labelSelector, selectorFlag } from '../common';
import { err, type KubectlError } from '../errors';
import { notFoundError } from '../targets';
import { examples, longDesc } from '../text';

/** `kubectl cordon` (kubectl `pkg/cmd/drain/drain.go` NewCmdCordon). */
export const cordonCommand: CommandSpec = {
  path: ['cordon'],
  use: 'cordon NODE',
  short: 'Mark node as unschedulable',
  long: longDesc(`
    Mark node as unschedulable.`),
  example: examples(`
    # Mark node "foo" as unschedulable
    kubectl cordon foo`),
  completion: 'node',
  flags: [dryRunFlag, selectorFlag],
  run: (ctx) => runCordon(ctx, true),
};

/** `kubectl uncordon` (kubectl `pkg/cmd/drain/drain.go` NewCmdUncordon). */
export const uncordonCommand: CommandSpec = {
  path: ['uncordon'],
  use: 'uncordon NODE',
  short: 'Mark node as schedulable',
  long: longDesc(`
    Mark node as schedulable.`),
  example: examples(`
    # Mark node "foo" as schedulable
    kubectl uncordon foo`),
  completion: 'node',
  flags: [dryRunFlag, selectorFlag],
  run: (ctx) => runCordon(ctx, false),
};

/** Resolves the NODE arguments (or `-l`) of cordon, uncordon and drain. */
export function resolveNodes(ctx: CommandContext, use: string): KubeObject[] | KubectlError {
  if (ctx.args.length === 0 && !ctx.flags.changed('selector')) return err.usage(ctx.commandPath, `USAGE: ${use} [flags]`);
  if (ctx.args.length > 0 && ctx.flags.string('selector')) return err.usage(ctx.commandPath, 'error: cannot specify both a node name and a --selector option');
  const info = ctx.cluster.resources.resolve('nodes')!;
  if (ctx.args.length === 0) {
    const sel = labelSelector(ctx);
    if (sel && 'type' in sel) return sel;
    return ctx.client.list(storageName(info), { labelSelector: sel as Selector | undefined });
  }
  const nodes: KubeObject[] = [];
  const errors: KubectlError[] = [];
  for (const a of ctx.args) {
    const name = a.startsWith('node/') ? a.slice(5) : a.startsWith('nodes/') ? a.slice(6) : a;
    const n = ctx.client.get(storageName(info), undefined, name);
    if (n) nodes.push(n);
    else errors.push(notFoundError(info, name));
  }
  if (errors.length) return errors.length === 1 ? errors[0] : err.aggregate(errors);
  return nodes;
}

/** `RunCordonOrUncordon`: patches spec.unschedulable and prints `node/x cordoned` (or `already cordoned`). */
export function cordonNodes(ctx: CommandContext, nodes: readonly KubeObject[], desired: boolean, dry: DryRun): void {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const node of nodes) {
    const current = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
    if (current === desired) {
      ctx.out(`node/${node.metadata.name} already ${verb}ed${dryRunSuffix(dry)}\n`);
      continue;
    }
    if (dry !== 'client') {
      const r = ctx.client.patch('nodes', undefined, node.metadata.name, { spec: { unschedulable: desired ? true : null } }, 'strategic', { dryRun: dry === 'server' });
      if (!r.ok) {
        ctx.errOut(`error: unable to ${verb} node "${node.metadata.name}": ${r.status.message}\n`);
        continue;
      }
      ctx.cluster.runUntilIdle();
    }
    ctx.out(`node/${node.metadata.name} ${verb}ed${dryRunSuffix(dry)}\n`);
  }
}

function runCordon(ctx: CommandContext, desired: boolean): CommandResult {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const nodes = resolveNodes(ctx, desired ? 'cordon NODE' : 'uncordon NODE');
  if (!Array.isArray(nodes)) return nodes;
  cordonNodes(ctx, nodes, desired, dry);
  return 0;
}
