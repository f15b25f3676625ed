import { storageName } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { fieldManagerFlag, filenameFlags, objectRef, templateFlags } from '../common';
import { err, type KubectlError } from '../errors';
import { examples, longDesc } from '../text';
import { resourceQuoted, rolloutTargets } from './rollout';

const commonFlags = [
  fieldManagerFlag('kubectl-rollout'),
  ...filenameFlags('identifying the resource to get from a server.'),
  { name: 'output', shorthand: 'o', type: 'string' as const, usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  { name: 'selector', shorthand: 'l', type: 'string' as const, usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
  ...templateFlags,
];

/** `kubectl rollout pause` (kubectl `pkg/cmd/rollout/rollout_pause.go`, `polymorphichelpers/objectpauser.go`). */
export const rolloutPauseCommand: CommandSpec = {
  path: ['rollout', 'pause'],
  use: 'pause RESOURCE',
  short: 'Mark the provided resource as paused',
  long: longDesc(`
    Mark the provided resource as paused.

    Paused resources will not be reconciled by a controller.
    Use "kubectl rollout resume" to resume a paused resource.
    Currently only deployments support being paused.`),
  example: examples(`
    # Mark the nginx deployment as paused
    # Any current state of the deployment will continue its function; new updates
    # to the deployment will not have an effect as long as the deployment is paused
    kubectl rollout pause deployment/nginx`),
  completion: 'resource',
  flags: commonFlags,
  run: (ctx) => setPaused(ctx, true),
};

/** `kubectl rollout resume` (kubectl `pkg/cmd/rollout/rollout_resume.go`, `polymorphichelpers/objectresumer.go`). */
export const rolloutResumeCommand: CommandSpec = {
  path: ['rollout', 'resume'],
  use: 'resume RESOURCE',
  short: 'Resume a paused resource',
  long: longDesc(`
    Resume a paused resource.

    Paused resources will not be reconciled by a controller. By resuming a
    resource, we allow it to be reconciled again.
    Currently only deployments support being resumed.`),
  example: examples(`
    # Resume an already paused deployment
    kubectl rollout resume deployment/nginx`),
  completion: 'resource',
  flags: commonFlags,
  run: (ctx) => setPaused(ctx, false),
};

function setPaused(ctx: CommandContext, paused: boolean): CommandResult {
  const resolved = rolloutTargets(ctx);
  if ('type' in resolved) return resolved;
  const errors: KubectlError[] = [...resolved.errors];
  for (const t of resolved.targets) {
    if (t.info.kind !== 'Deployment') {
      errors.push(err.message(`error: ${resourceQuoted(t)} ${paused ? 'pausing' : 'resuming'} is not supported`));
      continue;
    }
    const now = (t.obj.spec as { paused?: boolean }).paused === true;
    if (now === paused) {
      errors.push(err.message(`error: ${resourceQuoted(t)} ${paused ? 'is already paused' : 'is not paused'}`));
      continue;
    }
    const r = ctx.client.patch(storageName(t.info), t.obj.metadata.namespace, t.obj.metadata.name, { spec: { paused } }, 'strategic');
    if (!r.ok) {
      errors.push(err.status(r.status));
      continue;
    }
    ctx.cluster.runUntilIdle();
    ctx.out(`${objectRef(t.info, t.obj.metadata.name)} ${paused ? 'paused' : 'resumed'}\n`);
  }
  if (errors.length === 1) return errors[0];
  if (errors.length > 1) return err.aggregate(errors);
  return 0;
}
