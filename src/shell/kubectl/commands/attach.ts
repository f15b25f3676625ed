import type { Container, Pod } from 'kubernetes-types/core/v1';
import { containerShell, type KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { err } from '../errors';
import { missingObjectError } from '../targets';
import { examples, longDesc } from '../text';
import { streamFlags } from './exec';
import { FOR_ATTACH, podForArg } from './podForArg';
import { attachToRun } from './runAttach';

type PodObj = KubeObject & Pod;

/** `kubectl attach` (kubectl `pkg/cmd/attach/attach.go`): the output of a container's running process, or its shell at the terminal. */
export const attachCommand: CommandSpec = {
  path: ['attach'],
  use: 'attach (POD | TYPE/NAME) -c CONTAINER',
  short: 'Attach to a running container',
  long: longDesc(`
    Attach to a process that is already running inside an existing container.`),
  example: examples(`
    # Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation
    # for selecting the container to be attached or the first container in the pod will be chosen
    kubectl attach mypod

    # Get output from ruby-container from pod mypod
    kubectl attach mypod -c ruby-container

    # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
    # and sends stdout/stderr from 'bash' back to the client
    kubectl attach mypod -c ruby-container -i -t

    # Get output from the first pod of a replica set named nginx
    kubectl attach rs/nginx`),
  completion: 'pod',
  flags: streamFlags,
  run: runAttach,
};

function runAttach(ctx: CommandContext): CommandResult {
  if (ctx.args.length === 0) return err.usage(ctx.commandPath, 'error: at least 1 argument is required for attach');
  if (ctx.args.length > 2) return err.usage(ctx.commandPath, 'error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3');
  const target = podForArg(ctx, ctx.args.length === 2 ? `${ctx.args[0]}/${ctx.args[1]}` : ctx.args[0], FOR_ATTACH);
  if ('type' in target) return target;
  const pod = ctx.client.get<PodObj>('pods', ctx.namespace, target.name);
  if (!pod) return missingObjectError(ctx, ctx.cluster.resources.resolve('pods')!, ctx.namespace, target.name);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return err.message(`error: cannot attach a container in a completed pod; current phase is ${phase}`);
  const named = ctx.flags.string('container') || undefined;
  // FindContainerByName: app containers, then init, then ephemeral ones (`kubectl debug`'s).
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...((pod.spec?.ephemeralContainers ?? []) as Container[])];
  const container = named === undefined ? pod.spec?.containers[0] : all.find((c) => c.name === named);
  if (!container) return err.message(`error: container ${named} not found in pod ${target.name}`);
  const stdin = ctx.flags.bool('stdin');
  let tty = ctx.flags.bool('tty');
  if (tty && !container.tty) {
    ctx.errOut(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`);
    tty = false;
  }
  // The container's own process is a shell and the terminal is handed to it: its lines go to that shell.
  const shell = stdin && tty && container.stdin ? containerShell(container.image ?? '', [...(container.command ?? []), ...(container.args ?? [])]) : undefined;
  return attachToRun(ctx, {
    namespace: ctx.namespace,
    name: target.name,
    container: container.name,
    tty: stdin && tty,
    quiet: ctx.flags.bool('quiet'),
    remove: false,
    restart: pod.spec?.restartPolicy ?? 'Always',
    runningTimeout: ctx.flags.duration('pod-running-timeout'),
    shell,
    attachOnly: true,
  });
}
