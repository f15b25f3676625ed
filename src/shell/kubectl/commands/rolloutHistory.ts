import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { filenameFlags, objectRef, templateFlags } from '../common';
import { err } from '../errors';
import { describePodTemplate, tabwrite } from '../printerApi';
import { examples, longDesc } from '../text';
import { controlledHistory, revisionTemplate } from './controllerHistory';
import { CHANGE_CAUSE_ANNOTATION, groupKindString, ownedReplicaSets, revisionOf, rolloutTargets } from './rollout';

/** `kubectl rollout history` (kubectl `pkg/cmd/rollout/rollout_history.go`, `polymorphichelpers/history.go`). */
export const rolloutHistoryCommand: CommandSpec = {
  path: ['rollout', 'history'],
  use: 'history (TYPE NAME | TYPE/NAME) [flags]',
  short: 'View rollout history',
  long: longDesc(`
    View previous rollout revisions and configurations.`),
  example: examples(`
    # View the rollout history of a deployment
    kubectl rollout history deployment/abc

    # View the details of daemonset revision 3
    kubectl rollout history daemonset/abc --revision=3`),
  completion: 'resource',
  flags: [
    ...filenameFlags('identifying the resource to get from a server.'),
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'revision', type: 'int', default: '0', usage: 'See the details, including podTemplate of the revision specified' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    ...templateFlags,
  ],
  run: runRolloutHistory,
};

/** `DeploymentHistoryViewer.ViewHistory`. */
export function deploymentHistory(ctx: CommandContext, deployment: KubeObject, revision: number): string | { error: string } {
  const history = new Map<number, { template: unknown; cause?: string }>();
  for (const rs of ownedReplicaSets(ctx, deployment)) {
    const v = revisionOf(rs);
    if (Number.isNaN(v)) continue;
    history.set(v, { template: (rs.spec as { template?: unknown }).template, cause: rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] });
  }
  return printHistory(history, revision);
}

/** `StatefulSetHistoryViewer` / `DaemonSetHistoryViewer`: the owner's ControllerRevisions. */
export function controllerRevisionHistory(ctx: CommandContext, owner: KubeObject, revision: number): string | { error: string } {
  const history = new Map<number, { template: unknown; cause?: string }>();
  for (const r of controlledHistory(ctx, owner)) history.set(r.revision, { template: revisionTemplate(r), cause: r.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] });
  return printHistory(history, revision);
}

/** `printHistory`: the REVISION/CHANGE-CAUSE table, or one revision's pod template. */
function printHistory(history: Map<number, { template: unknown; cause?: string }>, revision: number): string | { error: string } {
  if (history.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const h = history.get(revision);
    if (!h) return { error: 'unable to find the specified revision' };
    return describePodTemplate(h.template as Parameters<typeof describePodTemplate>[0]);
  }
  const revisions = [...history.keys()].sort((a, b) => a - b);
  return tabwrite([['REVISION', 'CHANGE-CAUSE'], ...revisions.map((r) => [String(r), history.get(r)!.cause || '<none>'])], { minWidth: 0, padding: 2 });
}

/** `HistoryViewerFor`, by kind. */
const HISTORY_VIEWERS: Readonly<Record<string, typeof deploymentHistory>> = {
  Deployment: deploymentHistory,
  StatefulSet: controllerRevisionHistory,
  DaemonSet: controllerRevisionHistory,
};

function runRolloutHistory(ctx: CommandContext): CommandResult {
  const resolved = rolloutTargets(ctx);
  if ('type' in resolved) return resolved;
  const revision = ctx.flags.int('revision');
  if (revision < 0) return err.message(`revision must be a positive integer: ${revision}`);
  const errors = [...resolved.errors];
  for (const t of resolved.targets) {
    const viewer = HISTORY_VIEWERS[t.info.kind];
    if (!viewer) {
      errors.push(err.message(`no history viewer has been implemented for "${groupKindString(t)}"`));
      continue;
    }
    const h = viewer(ctx, t.obj, revision);
    if (typeof h !== 'string') {
      errors.push(err.message(h.error));
      continue;
    }
    const withRevision = revision > 0 ? `with revision #${revision}` : '';
    ctx.out(`${objectRef(t.info, t.obj.metadata.name)} ${withRevision}\n${h}\n`);
  }
  if (errors.length === 1) return errors[0];
  if (errors.length > 1) return err.aggregate(errors);
  return 0;
}
