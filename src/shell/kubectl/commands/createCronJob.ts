import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, templateFlags, validateFlag } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import { examples, longDesc } from '../text';

/** `kubectl create cronjob` (kubectl `pkg/cmd/create/create_cronjob.go`). */
export const createCronJobCommand: CommandSpec = {
  path: ['create', 'cronjob'],
  flagsInUseLine: true,
  use: "cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]",
  aliases: ['cj'],
  short: 'Create a cron job with the specified name',
  long: longDesc(`
    Create a cron job with the specified name.`),
  example: examples(`
    # Create a cron job
    kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *"

    # Create a cron job with a command
    kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date`),
  flags: [
    dryRunFlag,
    fieldManagerFlag('kubectl-create'),
    { name: 'image', type: 'string', required: true, usage: 'Image name to run.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'restart', type: 'string', usage: "job's restart policy. supported values: OnFailure, Never" },
    { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    { name: 'schedule', type: 'string', required: true, usage: 'A schedule in the Cron format the job should be run with.' },
    validateFlag,
    ...templateFlags,
  ],
  run: runCreateCronJob,
};

function runCreateCronJob(ctx: CommandContext): CommandResult {
  const named = ctx.dashIndex >= 0 ? ctx.args.slice(0, ctx.dashIndex) : ctx.args;
  if (named.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${named.length}`);
  const name = named[0];
  const image = ctx.flags.string('image');
  const schedule = ctx.flags.string('schedule');
  const command = ctx.dashIndex >= 0 ? ctx.args.slice(ctx.dashIndex) : [];
  // An empty --image or --schedule goes through as is (the API server's validation speaks then).
  const container: Record<string, unknown> = image ? { image, name, resources: {} } : { name, resources: {} };
  if (command.length) container.command = command;
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, name };
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  const podTemplate = { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: ctx.flags.string('restart') || 'OnFailure' } };
  const cronJob: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata,
    spec: { jobTemplate: { metadata: { creationTimestamp: null, name }, spec: { template: podTemplate } }, schedule },
    status: {},
  };
  return createGenerated(ctx, cronJob);
}
