import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { type DryRun, dryRunStrategy, dryRunSuffix, filenameFlags, generatorFlags, printContext, printFlagsFormat, recordFlag } from '../common';
import { LAST_APPLIED_ANNOTATION } from '../engineApi';
import { err, type KubectlError } from '../errors';
import { isTable, printObjects } from '../printerApi';
import { resolveTargets, type Target } from '../targets';
import { examples, longDesc } from '../text';
import { CHANGE_CAUSE_ANNOTATION } from './rollout';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/** `kubectl autoscale` (kubectl `pkg/cmd/autoscale/autoscale.go`): an autoscaling/v1 HPA for a workload. */
export const autoscaleCommand: CommandSpec = {
  path: ['autoscale'],
  use: 'autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  long: longDesc(`
    Creates an autoscaler that automatically chooses and sets the number of pods that run in a Kubernetes cluster.

    Looks up a deployment, replica set, stateful set, or replication controller by name and creates an autoscaler that uses the given resource as a reference. An autoscaler can automatically increase or decrease number of pods deployed within the system as needed.`),
  example: examples(`
    # Auto scale a deployment "foo", with the number of pods between 2 and 10, no target CPU utilization specified so a default autoscaling policy will be used
    kubectl autoscale deployment foo --min=2 --max=10

    # Auto scale a replication controller "foo", with the number of pods between 1 and 5, target CPU utilization at 80%
    kubectl autoscale rc foo --max=5 --cpu-percent=80`),
  completion: 'resource',
  flags: [
    { name: 'cpu-percent', type: 'int', default: '-1', usage: 'The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it\'s not specified or negative, a default autoscaling policy will be used.' },
    ...filenameFlags('identifying the resource to autoscale.'),
    { name: 'max', type: 'int', default: '-1', usage: 'The upper limit for the number of pods that can be set by the autoscaler. Required.' },
    { name: 'min', type: 'int', default: '-1', usage: 'The lower limit for the number of pods that can be set by the autoscaler. If it\'s not specified or negative, the server will apply a default value.' },
    { name: 'name', type: 'string', usage: 'The name for the newly created object. If not specified, the name of the input resource will be used.' },
    recordFlag,
    // --field-manager is parsed only: the playground's API server keeps no managedFields.
    ...generatorFlags('kubectl-autoscale').filter((f) => f.name !== 'validate'),
  ],
  run: runAutoscale,
};

function runAutoscale(ctx: CommandContext): CommandResult {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const max = ctx.flags.int('max');
  const min = ctx.flags.int('min');
  if (max < 1) return err.message(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) return err.message(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  const resolved = resolveTargets(ctx, ctx.args);
  if ('type' in resolved) return resolved;
  const errors: KubectlError[] = [...resolved.errors];
  let count = 0;
  for (const t of resolved.targets) {
    if (!SCALABLE.has(t.info.kind)) {
      errors.push(err.message(`error: cannot autoscale a ${t.info.kind}: cannot autoscale a ${t.info.kind}`));
      continue;
    }
    const e = autoscaleOne(ctx, t, dry);
    if (e) errors.push(e);
    else count++;
  }
  if (errors.length) return errors.length === 1 ? errors[0] : err.aggregate(errors);
  if (count === 0) return err.message('no objects passed to autoscale');
  return 0;
}

/** `createHorizontalPodAutoscaler`: the autoscaling/v1 object kubectl 1.32 sends, fields in the Go struct's order. */
function generateHpa(ctx: CommandContext, t: Target): KubeObject {
  const min = ctx.flags.int('min');
  const cpu = ctx.flags.int('cpu-percent');
  const metadata: KubeObject['metadata'] = { name: ctx.flags.string('name') || t.obj.metadata.name };
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  (metadata as Record<string, unknown>).creationTimestamp = null;
  const spec: Record<string, unknown> = { scaleTargetRef: { kind: t.info.kind, name: t.obj.metadata.name, apiVersion: `${t.info.group ? `${t.info.group}/` : ''}${t.info.version}` } };
  if (min > 0) spec.minReplicas = min;
  spec.maxReplicas = ctx.flags.int('max');
  if (cpu >= 0) spec.targetCPUUtilizationPercentage = cpu;
  const hpa: KubeObject = { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v1', metadata, spec, status: { currentReplicas: 0, desiredReplicas: 0 } };
  if (ctx.flags.bool('record')) hpa.metadata.annotations = { [CHANGE_CAUSE_ANNOTATION]: ctx.commandLine };
  return hpa;
}

/**
 * `--save-config`'s annotation of a typed object (`GetModifiedConfiguration`):
 * its JSON without that annotation, fields in struct order, an emptied
 * annotations map left out (omitempty), `<`, `>` and `&` escaped as Go does.
 */
function typedLastApplied(obj: KubeObject): string {
  const { [LAST_APPLIED_ANNOTATION]: _, ...annotations } = obj.metadata.annotations ?? {};
  const { annotations: __, ...metadata } = obj.metadata;
  const json = JSON.stringify({ ...obj, metadata: Object.keys(annotations).length ? { ...metadata, annotations } : metadata });
  return `${json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** One target's autoscaler: printed (client dry run), or created and printed as the server answered, at autoscaling/v1. */
function autoscaleOne(ctx: CommandContext, t: Target, dry: DryRun): KubectlError | undefined {
  const hpa = generateHpa(ctx, t);
  const print = (obj: KubeObject, operation: string): KubectlError | undefined => {
    const format = printFlagsFormat(ctx);
    if ('error' in format) return err.message(format.error);
    if (isTable(format)) {
      ctx.out(`horizontalpodautoscaler.autoscaling/${obj.metadata.name} ${operation}${dryRunSuffix(dry)}\n`);
      return undefined;
    }
    const r = printObjects(format, [obj], { asList: false }, printContext(ctx));
    if ('error' in r) return err.message(r.error);
    ctx.out(r.text);
    return undefined;
  };
  if (dry === 'client') return print(hpa, 'created');
  if (ctx.flags.bool('save-config')) hpa.metadata.annotations = { ...hpa.metadata.annotations, [LAST_APPLIED_ANNOTATION]: typedLastApplied(hpa) };
  // Sent at autoscaling/v1 as kubectl does: the API server converts it, and answers at v1.
  const r = ctx.client.create({ ...hpa, metadata: { ...hpa.metadata, namespace: ctx.namespace } }, { dryRun: dry === 'server' });
  if (!r.ok) return err.status(r.status);
  ctx.cluster.runUntilIdle();
  return print(r.object, 'autoscaled');
}
