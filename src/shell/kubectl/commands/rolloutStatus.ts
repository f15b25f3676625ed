import { storageName, type KubeObject } from '../../../sim/k8s/index';
import { WaitingExecution } from '../../execution';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { filenameFlags } from '../common';
import { checkErrText, err } from '../errors';
import { examples, longDesc } from '../text';
import { groupKindString, revisionOf, rolloutTargets } from './rollout';
import { daemonSetStatus, statefulSetStatus, type RolloutStatus } from './rolloutStatusViewers';

/** `kubectl rollout status` (kubectl `pkg/cmd/rollout/rollout_status.go`, `polymorphichelpers/rollout_status.go`). */
export const rolloutStatusCommand: CommandSpec = {
  path: ['rollout', 'status'],
  use: 'status (TYPE NAME | TYPE/NAME) [flags]',
  short: 'Show the status of the rollout',
  long: longDesc(`
    Show the status of the rollout.

    By default 'rollout status' will watch the status of the latest rollout
    until it's done. If you don't want to wait for the rollout to finish then
    you can use --watch=false. Note that if a new rollout starts in-between, then
    'rollout status' will continue watching the latest revision. If you want to
    pin to a specific revision and abort if it is rolled over by another revision,
    use --revision=N where N is the revision you need to watch for.`),
  example: examples(`
    # Watch the rollout status of a deployment
    kubectl rollout status deployment/nginx`),
  completion: 'resource',
  flags: [
    ...filenameFlags('identifying the resource to get from a server.'),
    { name: 'revision', type: 'int', default: '0', usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'timeout', type: 'duration', usage: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
    { name: 'watch', shorthand: 'w', type: 'bool', default: 'true', usage: "Watch the status of the rollout until it's done." },
  ],
  run: runRolloutStatus,
};

interface DeploymentLike {
  metadata: KubeObject['metadata'];
  spec?: { replicas?: number };
  status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number; availableReplicas?: number; conditions?: { type: string; reason?: string }[] };
}

/** `DeploymentStatusViewer.Status`. */
export function deploymentStatus(obj: KubeObject, revision: number): RolloutStatus {
  const d = obj as unknown as DeploymentLike;
  const name = d.metadata.name;
  if (revision > 0) {
    const rev = revisionOf(obj);
    if (Number.isNaN(rev)) return { error: `cannot get the revision of deployment "${name}": revision not found` };
    if (rev !== revision) return { error: `desired revision (${revision}) is different from the running revision (${rev})` };
  }
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const cond = (st.conditions ?? []).find((c) => c.type === 'Progressing');
    if (cond && cond.reason === 'ProgressDeadlineExceeded') return { error: `deployment "${name}" exceeded its progress deadline` };
    const replicas = d.spec?.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    const total = st.replicas ?? 0;
    const available = st.availableReplicas ?? 0;
    if (updated < replicas) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    if (total > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...\n`, done: false };
    if (available < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}

/** `StatusViewerFor`: by kind (all apps/v1). */
const STATUS_VIEWERS: Readonly<Record<string, (obj: KubeObject, revision: number) => RolloutStatus>> = {
  Deployment: deploymentStatus,
  DaemonSet: daemonSetStatus,
  StatefulSet: statefulSetStatus,
};

function runRolloutStatus(ctx: CommandContext): CommandResult {
  const resolved = rolloutTargets(ctx);
  if ('type' in resolved) return resolved;
  if (resolved.errors.length) return resolved.errors.length === 1 ? resolved.errors[0] : err.aggregate(resolved.errors);
  if (resolved.targets.length !== 1) return err.message('rollout status is only supported on individual resources and resource collections are not supported yet');
  const target = resolved.targets[0];
  const viewer = STATUS_VIEWERS[target.info.kind];
  if (!viewer) return err.message(`no status viewer has been implemented for ${groupKindString(target)}`);
  const revision = ctx.flags.int('revision');
  if (revision < 0) return err.message(`revision must be a positive integer: ${revision}`);
  const { namespace, name } = target.obj.metadata;
  const resource = storageName(target.info);
  // Like upstream (`UntilWithSync` over the deployment), a line for every watch event, repeats included.
  const show = (obj: KubeObject): number | undefined => {
    const s = viewer(obj, revision);
    if ('error' in s) {
      ctx.errOut(checkErrText(err.message(s.error)));
      return 1;
    }
    ctx.out(s.message);
    if (s.done) return 0;
    return ctx.flags.bool('watch') ? undefined : 0;
  };
  const first = show(target.obj);
  if (first !== undefined) return first;
  const timeout = ctx.flags.duration('timeout');
  const deadline = timeout > 0 ? ctx.cluster.now() + timeout : undefined;
  let result: number | undefined;
  const exec: WaitingExecution = new WaitingExecution({
    deadline,
    check: () => {
      if (result !== undefined) return result;
      if (deadline !== undefined && ctx.cluster.now() >= deadline) {
        ctx.errOut('error: timed out waiting for the condition\n');
        return 1;
      }
      return undefined;
    },
    dispose: () => unwatch(),
  });
  const unwatch = ctx.cluster.watch(resource, (event) => {
    if (result !== undefined) return;
    const obj = event.object as unknown as KubeObject;
    if (obj.metadata.name !== name || obj.metadata.namespace !== namespace) return;
    if (event.type === 'DELETED') {
      ctx.errOut('error: object has been deleted\n');
      result = 1;
    } else result = show(obj);
  });
  exec.poll();
  return exec;
}
