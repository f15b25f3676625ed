import { deepCopy } from '../deepCopy';
import { storageName, type KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, dryRunSuffix, filenameFlags, objectRef, templateFlags, type DryRun } from '../common';
import { LAST_APPLIED_ANNOTATION } from '../engineApi';
import { err, type KubectlError } from '../errors';
import { describePodTemplate } from '../printerApi';
import { examples, longDesc } from '../text';
import { canonicalJson, controlledHistory, findHistory, revisionTemplate } from './controllerHistory';
import { groupKindString, ownedReplicaSets, REVISION_ANNOTATION, revisionOf, rolloutTargets } from './rollout';

/** `kubectl rollout undo` (kubectl `pkg/cmd/rollout/rollout_undo.go`, `polymorphichelpers/rollback.go`). */
export const rolloutUndoCommand: CommandSpec = {
  path: ['rollout', 'undo'],
  use: 'undo (TYPE NAME | TYPE/NAME) [flags]',
  short: 'Undo a previous rollout',
  long: longDesc(`
    Roll back to a previous rollout.`),
  example: examples(`
    # Roll back to the previous deployment
    kubectl rollout undo deployment/abc

    # Roll back to daemonset revision 3
    kubectl rollout undo daemonset/abc --to-revision=3

    # Roll back to the previous deployment with dry-run
    kubectl rollout undo --dry-run=server deployment/abc`),
  completion: 'resource',
  flags: [
    dryRunFlag,
    ...filenameFlags('identifying the resource to get from a server.'),
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'to-revision', type: 'int', default: '0', usage: 'The revision to rollback to. Default to 0 (last revision).' },
    ...templateFlags,
  ],
  run: runRolloutUndo,
};

/** Annotations kept from the deployment rather than copied from the ReplicaSet (`annotationsToSkip`). */
const ANNOTATIONS_TO_SKIP = new Set([LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, 'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to']);

const HASH_LABEL = 'pod-template-hash';

function withoutHash(template: unknown): Record<string, unknown> {
  const t = deepCopy((template ?? {}) as Record<string, unknown>);
  const meta = (t.metadata ?? {}) as { labels?: Record<string, string> };
  if (meta.labels) {
    delete meta.labels[HASH_LABEL];
    if (Object.keys(meta.labels).length === 0) delete meta.labels;
  }
  return t;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** `deploymentRevision`: the RS of `toRevision`, or of the previous revision when 0. */
function deploymentRevision(ctx: CommandContext, deployment: KubeObject, toRevision: number): KubeObject | KubectlError {
  let latest: KubeObject | undefined;
  let latestRev = -1;
  let previous: KubeObject | undefined;
  let previousRev = -1;
  for (const rs of ownedReplicaSets(ctx, deployment)) {
    const v = revisionOf(rs);
    if (Number.isNaN(v)) continue;
    if (toRevision === 0) {
      if (latestRev < v) {
        previousRev = latestRev;
        previous = latest;
        latestRev = v;
        latest = rs;
      } else if (previousRev < v) {
        previousRev = v;
        previous = rs;
      }
    } else if (toRevision === v) return rs;
  }
  if (toRevision > 0) return err.message(`unable to find specified revision ${toRevision} in history`);
  if (!previous) return err.message(`no rollout history found for deployment "${deployment.metadata.name}"`);
  return previous;
}

function rollbackDeployment(ctx: CommandContext, deployment: KubeObject, toRevision: number, dry: DryRun): string | KubectlError {
  if (toRevision < 0) return err.message(`unable to find specified revision ${toRevision} in history`);
  const rs = deploymentRevision(ctx, deployment, toRevision);
  if ('type' in rs && !('metadata' in rs)) return rs as KubectlError;
  const source = rs as KubeObject;
  const rsTemplate = (source.spec as { template?: unknown }).template;
  if (dry === 'client') return describePodTemplate(rsTemplate as Parameters<typeof describePodTemplate>[0]);
  const spec = deployment.spec as { paused?: boolean; template?: unknown };
  if (spec.paused) return err.message(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${deployment.metadata.name}' and try again`);
  if (canonical(withoutHash(rsTemplate)) === canonical(withoutHash(spec.template))) return `skipped rollback (current template already matches revision ${toRevision})`;
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(deployment.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(source.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const patch = [
    { op: 'replace', path: '/spec/template', value: withoutHash(rsTemplate) },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
  const r = ctx.client.patch(storageName(ctx.cluster.resources.resolve('deployments')!), deployment.metadata.namespace, deployment.metadata.name, patch, 'json', { dryRun: dry === 'server' });
  if (!r.ok) return err.message(`failed restoring revision ${toRevision}: ${r.status.message}`);
  ctx.cluster.runUntilIdle();
  return 'rolled back';
}

/** `StatefulSetRollbacker` / `DaemonSetRollbacker`: patch the owner with a ControllerRevision's data. */
function rollbackControllerRevision(ctx: CommandContext, t: { info: Parameters<typeof storageName>[0]; obj: KubeObject }, toRevision: number, dry: DryRun): string | KubectlError {
  if (toRevision < 0) return err.message(`unable to find specified revision ${toRevision} in history`);
  const history = controlledHistory(ctx, t.obj);
  if (toRevision === 0 && history.length <= 1) return err.message('no last revision to roll back to');
  const to = findHistory(toRevision, history);
  if (!to) return err.message(`unable to find specified revision ${toRevision} in history`);
  const template = revisionTemplate(to);
  if (dry === 'client') return describePodTemplate(template as Parameters<typeof describePodTemplate>[0]);
  if (canonicalJson(template) === canonicalJson((t.obj.spec as { template?: unknown }).template)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const r = ctx.client.patch(storageName(t.info), t.obj.metadata.namespace, t.obj.metadata.name, to.data, 'strategic', { dryRun: dry === 'server' });
  if (!r.ok) return err.message(`failed restoring revision ${toRevision}: ${r.status.message}`);
  ctx.cluster.runUntilIdle();
  return 'rolled back';
}

function runRolloutUndo(ctx: CommandContext): CommandResult {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const resolved = rolloutTargets(ctx);
  if ('type' in resolved) return resolved;
  const errors = [...resolved.errors];
  for (const t of resolved.targets) {
    const toRevision = ctx.flags.int('to-revision');
    let result: string | KubectlError;
    if (t.info.kind === 'Deployment') result = rollbackDeployment(ctx, t.obj, toRevision, dry);
    else if (t.info.kind === 'StatefulSet' || t.info.kind === 'DaemonSet') result = rollbackControllerRevision(ctx, t, toRevision, dry);
    else {
      errors.push(err.message(`no rollbacker has been implemented for "${groupKindString(t)}"`));
      continue;
    }
    if (typeof result !== 'string') {
      errors.push(result);
      continue;
    }
    ctx.out(`${objectRef(t.info, t.obj.metadata.name)} ${result}${dryRunSuffix(dry)}\n`);
  }
  if (errors.length === 1) return errors[0];
  if (errors.length > 1) return err.aggregate(errors);
  return 0;
}
