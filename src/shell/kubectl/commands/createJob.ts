import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, templateFlags, validateFlag } from '../common';
import { createGenerated } from '../createObject';
import { deepCopy } from '../deepCopy';
import { err } from '../errors';
import { resolveTargets } from '../targets';
import { examples, longDesc } from '../text';

/** `kubectl create job` (kubectl `pkg/cmd/create/create_job.go`). */
export const createJobCommand: CommandSpec = {
  path: ['create', 'job'],
  use: 'job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]',
  short: 'Create a job with the specified name',
  long: longDesc(`
    Create a job with the specified name.`),
  example: examples(`
    # Create a job
    kubectl create job my-job --image=busybox

    # Create a job with a command
    kubectl create job my-job --image=busybox -- date

    # Create a job from a cron job named "a-cronjob"
    kubectl create job test-job --from=cronjob/a-cronjob`),
  flags: [
    dryRunFlag,
    fieldManagerFlag('kubectl-create'),
    { name: 'from', type: 'string', usage: 'The name of the resource to create a Job from (only cronjob is supported).' },
    { name: 'image', type: 'string', usage: 'Image name to run.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    validateFlag,
    ...templateFlags,
  ],
  run: runCreateJob,
};

interface CronJobLike {
  metadata: KubeObject['metadata'];
  spec?: { jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: object } };
}

function runCreateJob(ctx: CommandContext): CommandResult {
  const named = ctx.dashIndex >= 0 ? ctx.args.slice(0, ctx.dashIndex) : ctx.args;
  if (named.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${named.length}`);
  const name = named[0];
  const image = ctx.flags.string('image');
  const from = ctx.flags.string('from');
  const command = ctx.dashIndex >= 0 ? ctx.args.slice(ctx.dashIndex) : [];
  if ((!image && !from) || (image && from)) return err.message('either --image or --from must be specified');
  if (command.length && from) return err.message('cannot specify --from and command');
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, name };
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  if (image) {
    const container: Record<string, unknown> = { image, name, resources: {} };
    if (command.length) container.command = command;
    const job: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: 'Never' } } }, status: {} };
    return createGenerated(ctx, job);
  }
  const resolved = resolveTargets(ctx, [from]);
  if ('type' in resolved) return resolved;
  if (resolved.errors.length) return resolved.errors[0];
  if (resolved.targets.length !== 1) return err.message('from must be an existing cronjob');
  const { info, obj } = resolved.targets[0];
  if (info.kind !== 'CronJob') return err.message(`unknown object type *v1.${info.kind}`);
  return createGenerated(ctx, jobFromCronJob(obj as unknown as CronJobLike, metadata));
}

/** `createJobFromCronJob`: the job template, marked as instantiated by hand and owned by the cron job. */
function jobFromCronJob(cronJob: CronJobLike, metadata: KubeObject['metadata']): KubeObject {
  const tpl = cronJob.spec?.jobTemplate ?? {};
  metadata.annotations = { 'cronjob.kubernetes.io/instantiate': 'manual', ...tpl.metadata?.annotations };
  if (tpl.metadata?.labels) metadata.labels = { ...tpl.metadata.labels };
  metadata.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name, uid: cronJob.metadata.uid!, controller: true }];
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: deepCopy((tpl.spec ?? {}) as Record<string, unknown>), status: {} };
}
