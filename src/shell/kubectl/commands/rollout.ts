import { storageName, type KubeObject } from '../../../sim/k8s/index';
import { manifestArgs } from '../common';
import type { CommandContext, CommandSpec } from '../command';
import { err, type KubectlError } from '../errors';
import { resolveTargets, type Target } from '../targets';
import { examples, longDesc } from '../text';
import { defaultSubCommandRun } from './parent';

/** `kubectl rollout` (kubectl `pkg/cmd/rollout/rollout.go`). */
export const rolloutCommand: CommandSpec = {
  path: ['rollout'],
  use: 'rollout SUBCOMMAND',
  short: 'Manage the rollout of a resource',
  // Upstream appends the list right after an indented line, which its markdown renders as code.
  long: longDesc(`
        Manage the rollout of one or many resources.
    Valid resource types include:

       * deployments
       * daemonsets
       * statefulsets`),
  example: examples(`
    # Rollback to the previous deployment
    kubectl rollout undo deployment/abc

    # Check the rollout status of a daemonset
    kubectl rollout status daemonset/foo

    # Restart a deployment
    kubectl rollout restart deployment/abc

    # Restart deployments with the 'app=nginx' label
    kubectl rollout restart deployment --selector=app=nginx`),
  flags: [],
  run: defaultSubCommandRun,
};

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/** `GroupKind.String()`: `Pod`, `ReplicaSet.apps`. */
export function groupKindString(t: Target): string {
  return t.info.group ? `${t.info.kind}.${t.info.group}` : t.info.kind;
}

/** `deployments.apps "web"` as the rollout commands prefix their per-object errors. */
export function resourceQuoted(t: Target): string {
  return `${t.info.group ? `${t.info.resource}.${t.info.group}` : t.info.resource} "${t.obj.metadata.name}"`;
}

/** Resolves the targets of a rollout subcommand, with its "Required resource not specified." usage error. */
export function rolloutTargets(ctx: CommandContext): { targets: Target[]; errors: KubectlError[] } | KubectlError {
  if (ctx.args.length === 0 && manifestArgs(ctx).length === 0) return err.usage(ctx.commandPath, 'Required resource not specified.');
  return resolveTargets(ctx, ctx.args, { selector: true, all: false });
}

/** ReplicaSets controlled by a deployment (by owner uid), as `deploymentutil.GetAllReplicaSets` finds them. */
export function ownedReplicaSets(ctx: CommandContext, deployment: KubeObject): KubeObject[] {
  return ctx.client
    .list(storageName(ctx.cluster.resources.resolve('replicasets')!), { namespace: deployment.metadata.namespace })
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === deployment.metadata.uid));
}

/** `deploymentutil.Revision`: the revision annotation as a number (NaN when absent). */
export function revisionOf(obj: KubeObject): number {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  return v === undefined || !/^\d+$/.test(v) ? NaN : Number(v);
}
