import { containerShell, type KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, fileNameFlags, templateFlags } from '../common';
import { printGenerated, sendGenerated } from '../createObject';
import { err, type KubectlError } from '../errors';
import { atoi, isImageReference, parseLabels } from '../generateParams';
import { examples, longDesc } from '../text';
import { attachToRun } from './runAttach';
import { applyOverrides, runService } from './runObjects';

/** `validation.IsEnvVarName`. */
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** `kubectl run` (kubectl `pkg/cmd/run/run.go`, generator `run-pod/v1`). */
export const runCommand: CommandSpec = {
  path: ['run'],
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  short: 'Run a particular image on the cluster',
  long: longDesc(`
    Create and run a particular image in a pod.`),
  example: examples(`
    # Start a nginx pod
    kubectl run nginx --image=nginx

    # Start a hazelcast pod and let the container expose port 5701
    kubectl run hazelcast --image=hazelcast/hazelcast --port=5701

    # Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
    kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"

    # Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container
    kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"

    # Dry run; print the corresponding API objects without creating them
    kubectl run nginx --image=nginx --dry-run=client

    # Start a nginx pod, but overload the spec with a partial set of values parsed from JSON
    kubectl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { ... } }'

    # Start a busybox pod and keep it in the foreground, don't restart it if it exits
    kubectl run -i -t busybox --image=busybox --restart=Never

    # Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command
    kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>

    # Start the nginx pod using a different command and custom arguments
    kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`),
  flags: [
    { name: 'annotations', type: 'stringArray', default: '[]', usage: 'Annotations to apply to the pod.' },
    { name: 'attach', type: 'bool', usage: "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned." },
    // DeleteFlags: kubectl run has them for --rm's delete, which ignores them all but --cascade.
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    { name: 'command', type: 'bool', usage: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    dryRunFlag,
    { name: 'env', type: 'stringArray', default: '[]', usage: 'Environment variables to set in the container.' },
    { name: 'expose', type: 'bool', usage: "If true, create a ClusterIP service associated with the pod.  Requires `--port`." },
    fieldManagerFlag('kubectl-run'),
    ...fileNameFlags('to use to replace the resource.'),
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: '-1', usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'image', type: 'string', required: true, usage: 'The image for the container to run.' },
    { name: 'image-pull-policy', type: 'string', usage: "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server." },
    { name: 'labels', shorthand: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'leave-stdin-open', type: 'bool', usage: "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes." },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'override-type', type: 'string', default: 'merge', usage: 'The method used to override the generated object: json, merge, or strategic.' },
    { name: 'overrides', type: 'string', usage: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
    { name: 'privileged', type: 'bool', usage: 'If true, run the container in privileged mode.' },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'If true, suppress prompt messages.' },
    { name: 'restart', type: 'string', default: 'Always', usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'rm', type: 'bool', usage: 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.' },
    { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    { name: 'stdin', shorthand: 'i', type: 'bool', usage: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', shorthand: 't', type: 'bool', usage: 'Allocate a TTY for the container in the pod.' },
    ...templateFlags,
    { name: 'timeout', type: 'duration', usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'wait', type: 'bool', usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  run: runRun,
};

function runRun(ctx: CommandContext): CommandResult {
  const named = ctx.dashIndex >= 0 ? ctx.args.slice(0, ctx.dashIndex) : ctx.args;
  // RunOptions.Validate, in its order (most of its errors are usage errors).
  const usage = (message: string) => err.usage(ctx.commandPath, message);
  if (named.length === 0) return usage('NAME is required for run');
  const image = ctx.flags.string('image');
  if (image === '') return err.message('--image is required');
  if (!isImageReference(image)) return err.message(`Invalid image name ${JSON.stringify(image)}: invalid reference format`);
  const stdin = ctx.flags.bool('stdin');
  const tty = ctx.flags.bool('tty');
  // -i attaches unless --attach=false says otherwise.
  const attach = ctx.flags.changed('attach') ? ctx.flags.bool('attach') : stdin;
  if (tty && !stdin) return usage('-i/--stdin is required for containers with -t/--tty=true');
  const port = ctx.flags.string('port');
  const expose = ctx.flags.bool('expose');
  if (expose && !port) return usage('--port must be set when exposing a service');
  const restartFlag = ctx.flags.string('restart');
  if (restartFlag && !['Always', 'OnFailure', 'Never'].includes(restartFlag)) return usage(`invalid restart policy: ${restartFlag}`);
  // An empty --restart: the pod gets the generator's Always, the wait for its exit OnFailure's rule when attached with -i.
  const restart = restartFlag || (stdin ? 'OnFailure' : 'Always');
  if (!attach && ctx.flags.bool('rm')) return usage('--rm should only be used for attached containers');
  if (attach && ctx.flags.string('dry-run') !== 'none') return usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const pull = ctx.flags.string('image-pull-policy');
  if (pull && !['Always', 'IfNotPresent', 'Never'].includes(pull)) return usage(`invalid image pull policy: ${pull}`);
  const name = named[0];
  const labelText = ctx.flags.string('labels');
  const labels = labelText ? parseLabels(labelText) : { run: name };
  if (typeof labels === 'string') return err.message(labels);
  const container: Record<string, unknown> = {};
  const rest = ctx.dashIndex >= 0 ? ctx.args.slice(ctx.dashIndex) : ctx.args.slice(1);
  if (rest.length > 0) container[ctx.flags.bool('command') ? 'command' : 'args'] = rest;
  const env = ctx.flags.list('env');
  if (env.length) {
    const vars = [];
    for (const e of env) {
      const i = e.indexOf('=');
      if (i <= 0 || !ENV_VAR_NAME.test(e.slice(0, i))) return err.message(`invalid env: ${e}`);
      vars.push({ name: e.slice(0, i), value: e.slice(i + 1) });
    }
    container.env = vars;
  }
  container.image = image;
  if (pull) container.imagePullPolicy = pull;
  container.name = name;
  if (port) {
    const n = atoi(port);
    if (typeof n === 'string') return err.message(n);
    // Go's int32(port): the low 32 bits.
    container.ports = [{ containerPort: Number(BigInt.asIntN(32, BigInt(n))) }];
  }
  container.resources = {};
  if (ctx.flags.bool('privileged')) container.securityContext = { privileged: true };
  if (stdin) {
    container.stdin = true;
    if (!ctx.flags.bool('leave-stdin-open')) container.stdinOnce = true;
  }
  if (tty) container.tty = true;
  const annotations: Record<string, string> = {};
  for (const a of ctx.flags.list('annotations')) {
    const i = a.indexOf('=');
    if (i <= 0) return err.message(`invalid annotations format: ${a}`);
    annotations[a.slice(0, i)] = a.slice(i + 1);
  }
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, labels, name };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  const generated: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restartFlag || 'Always' }, status: {} };
  const podInfo = ctx.cluster.resources.forKind('v1', 'Pod');
  const pod = podInfo ? applyOverrides(ctx, generated, podInfo) : { object: generated };
  if (pod.error) return pod.error;
  // The pod is created first; --expose's Service after it, printed at once (a `---` after it in YAML), the pod last.
  const sentPod = sendGenerated(ctx, pod.object);
  if ('type' in sentPod) return sentPod;
  const errors: KubectlError[] = [];
  let service: string | undefined;
  if (expose) {
    const svc = runService(ctx, name, labelText, port);
    const sent = svc.error ?? sendGenerated(ctx, svc.object);
    if ('type' in sent) errors.push(sent);
    else {
      const printed = printGenerated(ctx, sent);
      if (printed !== 0) return printed;
      // generateService's own separator, then the YAML printer's before its second object.
      if (ctx.flags.string('output') === 'yaml') ctx.out('---\n---\n');
      service = sent.object.metadata.name;
    }
  }
  if (!attach) {
    const printed = printGenerated(ctx, sentPod);
    if (printed !== 0) return printed;
    return errors.length ? err.aggregate(errors) : 0;
  }
  // Attached: the pod was created without a word; its output is shown instead (run.go prints the object only when not attaching).
  // -it with a shell (given, or the image's own command): the terminal's lines go to it once the pod runs.
  const shell = stdin && tty ? containerShell(image, rest) : undefined;
  const meta = sentPod.object.metadata;
  return attachToRun(ctx, {
    namespace: meta.namespace || ctx.namespace,
    name: meta.name,
    tty,
    quiet: ctx.flags.bool('quiet'),
    remove: ctx.flags.bool('rm'),
    removeAlso: service === undefined ? [] : [{ resource: 'services', name: service }],
    restart,
    runningTimeout: ctx.flags.duration('pod-running-timeout'),
    shell,
  });
}
