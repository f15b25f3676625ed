import { containerShell, type KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, templateFlags } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import { examples, longDesc } from '../text';
import { attachToRun } from './runAttach';

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
    { name: 'command', type: 'bool', usage: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    dryRunFlag,
    { name: 'env', type: 'stringArray', default: '[]', usage: 'Environment variables to set in the container.' },
    { name: 'expose', type: 'bool', usage: "If true, create a ClusterIP service associated with the pod.  Requires `--port`." },
    fieldManagerFlag('kubectl-run'),
    { name: 'image', type: 'string', usage: 'The image for the container to run.' },
    { name: 'image-pull-policy', type: 'string', usage: "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server." },
    { name: 'labels', shorthand: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'leave-stdin-open', type: 'bool', usage: "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes." },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
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
  ],
  run: runRun,
};

function runRun(ctx: CommandContext): CommandResult {
  const named = ctx.dashIndex >= 0 ? ctx.args.slice(0, ctx.dashIndex) : ctx.args;
  if (named.length === 0) return err.usage(ctx.commandPath, 'NAME is required for run');
  if (ctx.flags.string('overrides')) return err.message('not simulated yet: kubectl run --overrides');
  if (ctx.flags.bool('expose')) return err.message('not simulated yet: kubectl run --expose');
  const image = ctx.flags.string('image');
  if (image === '') return err.message('--image is required');
  const stdin = ctx.flags.bool('stdin');
  const tty = ctx.flags.bool('tty');
  // -i attaches unless --attach=false says otherwise.
  const attach = ctx.flags.changed('attach') ? ctx.flags.bool('attach') : stdin;
  if (tty && !stdin) return err.message('error: -i/--stdin is required for containers with -t/--tty=true');
  const restart = ctx.flags.string('restart');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) return err.message(`invalid restart policy: ${restart}`);
  if (!attach && ctx.flags.bool('rm')) return err.message('error: --rm should only be used for attached containers');
  if (attach && ctx.flags.string('dry-run') !== 'none') return err.message("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const name = named[0];
  const labels: Record<string, string> = {};
  const labelText = ctx.flags.string('labels');
  if (labelText) {
    for (const part of labelText.split(',')) {
      const [k, v, extra] = part.split('=');
      if (v === undefined || extra !== undefined) return err.message(`invalid label spec: ${part}`);
      labels[k] = v;
    }
  } else labels.run = name;
  const container: Record<string, unknown> = {};
  const rest = ctx.dashIndex >= 0 ? ctx.args.slice(ctx.dashIndex) : ctx.args.slice(1);
  if (rest.length > 0) container[ctx.flags.bool('command') ? 'command' : 'args'] = rest;
  const env = ctx.flags.list('env');
  if (env.length) {
    const vars = [];
    for (const e of env) {
      const i = e.indexOf('=');
      if (i <= 0) return err.message(`invalid env: ${e}`);
      vars.push({ name: e.slice(0, i), value: e.slice(i + 1) });
    }
    container.env = vars;
  }
  container.image = image;
  const pull = ctx.flags.string('image-pull-policy');
  if (pull) container.imagePullPolicy = pull;
  container.name = name;
  if (stdin) {
    container.stdin = true;
    if (attach && !ctx.flags.bool('leave-stdin-open')) container.stdinOnce = true;
  }
  if (tty) container.tty = true;
  const port = ctx.flags.string('port');
  if (port) {
    if (!/^\d+$/.test(port)) return err.message(`strconv.Atoi: parsing "${port}": invalid syntax`);
    container.ports = [{ containerPort: Number(port) }];
  }
  container.resources = {};
  const annotations: Record<string, string> = {};
  for (const a of ctx.flags.list('annotations')) {
    const i = a.indexOf('=');
    if (i <= 0) return err.message(`invalid annotation spec: ${a}`);
    annotations[a.slice(0, i)] = a.slice(i + 1);
  }
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, labels, name };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart }, status: {} };
  if (!attach) return createGenerated(ctx, pod);
  // Attached: the pod is created without a word, then its output shown (run.go prints the object only when not attaching).
  const created = createGenerated(ctx, pod, { quiet: true });
  if (created !== 0) return created;
  // -it with a shell (given, or the image's own command): the terminal's lines go to it once the pod runs.
  const shell = stdin && tty ? containerShell(image, rest) : undefined;
  return attachToRun(ctx, { namespace: ctx.namespace, name, tty, quiet: ctx.flags.bool('quiet'), remove: ctx.flags.bool('rm'), restart, runningTimeout: ctx.flags.duration('pod-running-timeout'), shell });
}
