import { storageName, toTimestamp } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunStrategy, dryRunSuffix, fieldManagerFlag, filenameFlags, objectRef, templateFlags } from '../common';
import { err } from '../errors';
import { examples, longDesc } from '../text';
import { resourceQuoted, rolloutTargets } from './rollout';

const RESTARTABLE = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

/** `kubectl rollout restart` (kubectl `pkg/cmd/rollout/rollout_restart.go`, `polymorphichelpers/objectrestarter.go`). */
export const rolloutRestartCommand: CommandSpec = {
  path: ['rollout', 'restart'],
  use: 'restart RESOURCE',
  short: 'Restart a resource',
  long: longDesc(`
    Restart a resource.

        Resource rollout will be restarted.`),
  example: examples(`
    # Restart all deployments in the test-namespace namespace
    kubectl rollout restart deployment -n test-namespace

    # Restart a deployment
    kubectl rollout restart deployment/nginx

    # Restart a daemon set
    kubectl rollout restart daemonset/abc

    # Restart deployments with the app=nginx label
    kubectl rollout restart deployment --selector=app=nginx`),
  completion: 'resource',
  // kubectl 1.32's restart has no --dry-run (dryRunStrategy reads "none").
  flags: [
    fieldManagerFlag('kubectl-rollout'),
    ...filenameFlags('identifying the resource to get from a server.'),
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    ...templateFlags,
  ],
  run: runRolloutRestart,
};

function runRolloutRestart(ctx: CommandContext): CommandResult {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const resolved = rolloutTargets(ctx);
  if ('type' in resolved) {
    if (resolved.type === 'message' && resolved.message === 'resource(s) were provided, but no name was specified') return restartAll(ctx, dry);
    return resolved;
  }
  return restartTargets(ctx, resolved.targets, resolved.errors, dry);
}

function restartAll(ctx: CommandContext, dry: ReturnType<typeof dryRunStrategy>): CommandResult {
  const info = ctx.cluster.resources.resolve(ctx.args[0]);
  if (!info) return err.message('no resources found');
  const objs = ctx.client.list(storageName(info), { namespace: info.namespaced ? ctx.namespace : undefined });
  return restartTargets(ctx, objs.map((obj) => ({ info, obj })), [], dry);
}

function restartTargets(ctx: CommandContext, targets: Parameters<typeof resourceQuoted>[0][], errors: ReturnType<typeof err.message>[], dry: ReturnType<typeof dryRunStrategy>): CommandResult {
  if (typeof dry !== 'string') return dry;
  const stamp = toTimestamp(ctx.cluster.now());
  for (const t of targets) {
    if (!RESTARTABLE.has(t.info.kind)) {
      errors.push(err.message(`error: ${resourceQuoted(t)} restarting is not supported`));
      continue;
    }
    if ((t.obj.spec as { paused?: boolean }).paused) {
      errors.push(err.message(`error: ${resourceQuoted(t)} can't restart paused deployment (run rollout resume first)`));
      continue;
    }
    if (dry !== 'client') {
      const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': stamp } } } } };
      const r = ctx.client.patch(storageName(t.info), t.obj.metadata.namespace, t.obj.metadata.name, patch, 'strategic', { dryRun: dry === 'server' });
      if (!r.ok) {
        errors.push(err.status(r.status));
        continue;
      }
      ctx.cluster.runUntilIdle();
    }
    ctx.out(`${objectRef(t.info, t.obj.metadata.name)} restarted${dryRunSuffix(dry)}\n`);
  }
  if (errors.length === 1) return errors[0];
  if (errors.length > 1) return err.aggregate(errors);
  return 0;
}
