import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { filenameFlags } from '../common';
import { err, type KubectlError } from '../errors';
import { resolveTargets } from '../targets';
import { examples, longDesc } from '../text';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/** `kubectl autoscale` (kubectl `pkg/cmd/autoscale/autoscale.go`): an autoscaling/v2 HPA for a workload. */
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
  ],
  run: runAutoscale,
};

function runAutoscale(ctx: CommandContext): CommandResult {
  const max = ctx.flags.int('max');
  const min = ctx.flags.int('min');
  if (max < 1) return err.message(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) return err.message(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  const resolved = resolveTargets(ctx, ctx.args);
  if ('type' in resolved) return resolved;
  const errors: KubectlError[] = [...resolved.errors];
  for (const t of resolved.targets) {
    if (!SCALABLE.has(t.info.kind)) {
      errors.push(err.message(`error: cannot autoscale a ${t.info.kind}: cannot autoscale a ${t.info.kind}`));
      continue;
    }
    const name = ctx.flags.string('name') || t.obj.metadata.name;
    const cpu = ctx.flags.int('cpu-percent');
    const spec: Record<string, unknown> = {
      scaleTargetRef: { apiVersion: `${t.info.group ? `${t.info.group}/` : ''}${t.info.version}`, kind: t.info.kind, name: t.obj.metadata.name },
      maxReplicas: max,
    };
    if (min >= 0) spec.minReplicas = min;
    if (cpu >= 0) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }];
    const hpa: KubeObject = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name, namespace: t.obj.metadata.namespace }, spec };
    const r = ctx.client.create(hpa);
    if (!r.ok) {
      errors.push(err.status(r.status));
      continue;
    }
    ctx.cluster.runUntilIdle();
    ctx.out(`horizontalpodautoscaler.autoscaling/${name} autoscaled\n`);
  }
  if (errors.length) return errors.length === 1 ? errors[0] : err.aggregate(errors);
  return 0;
}
