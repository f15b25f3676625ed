import { isInteractiveSession, streamed } from '../../containerSession';
import { manifestArgs } from '../common';
import { finished } from '../../execution';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { err, type KubectlError } from '../errors';
import { missingObjectError } from '../targets';
import type { FlagSpec } from '../flags';
import { fileNamespaceError, objectsFromFiles } from '../targets';
import { examples, longDesc } from '../text';
import { FOR_ATTACH, podForArg, podsForObject } from './podForArg';

/** The flags exec and attach share (kubectl's `StreamOptions`, with the container and the wait for a running pod). */
export const streamFlags: FlagSpec[] = [
  { name: 'container', shorthand: 'c', type: 'string', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
  { name: 'pod-running-timeout', type: 'duration', default: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  { name: 'quiet', shorthand: 'q', type: 'bool', default: 'false', usage: 'Only print output from the remote session' },
  { name: 'stdin', shorthand: 'i', type: 'bool', default: 'false', usage: 'Pass stdin to the container' },
  { name: 'tty', shorthand: 't', type: 'bool', default: 'false', usage: 'Stdin is a TTY' },
];

/** `kubectl exec` (kubectl `pkg/cmd/exec/exec.go`): one command in a running container. */
export const execCommand: CommandSpec = {
  path: ['exec'],
  use: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  short: 'Execute a command in a container',
  long: longDesc(`
    Execute a command in a container.`),
  example: examples(`
    # Get output from running the 'date' command from pod mypod, using the first container by default
    kubectl exec mypod -- date

    # Get output from running the 'date' command in ruby-container from pod mypod
    kubectl exec mypod -c ruby-container -- date

    # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
    # and sends stdout/stderr from 'bash' back to the client
    kubectl exec mypod -c ruby-container -i -t -- bash -il

    # List contents of /usr from the first container of pod mypod and sort by modification time
    # If the command you want to execute in the pod has any flags in common (e.g. -i),
    # you must use two dashes (--) to separate your command's flags/arguments
    # Also note, do not surround your command and its flags/arguments with quotes
    # unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr")
    kubectl exec mypod -i -t -- ls -t /usr

    # Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default
    kubectl exec deploy/mydeployment -- date

    # Get output from running 'date' command from the first pod of the service myservice, using the first container by default
    kubectl exec svc/myservice -- date`),
  completion: 'pod',
  flags: [...streamFlags, { name: 'filename', shorthand: 'f', type: 'stringSlice', default: '[]', usage: 'to use to exec into the resource' }],
  run: runExec,
};

function runExec(ctx: CommandContext): CommandResult {
  // Complete: the pod argument and the command after `--`.
  const filenames = manifestArgs(ctx);
  const resourceName = ctx.args.length > 0 && ctx.dashIndex !== 0 ? ctx.args[0] : '';
  if (ctx.dashIndex < 0 && (ctx.args.length > 1 || (ctx.args.length > 0 && filenames.length > 0))) {
    return err.usage(ctx.commandPath, 'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  }
  // --pod-running-timeout is checked only: the playground finds a workload's pod at once or not at all.
  if (ctx.flags.duration('pod-running-timeout') <= 0) return err.usage(ctx.commandPath, 'error: --pod-running-timeout must be higher than zero');
  // Validate.
  if (!resourceName && filenames.length === 0) return err.message('error: pod, type/name or --filename must be specified');
  const argv = ctx.dashIndex >= 0 ? ctx.args.slice(ctx.dashIndex) : [];
  if (argv.length === 0) return err.message('error: you must specify at least one command for the container');
  // Run: the pod, from the argument or the file.
  const target = filenames.length > 0 ? podFromFiles(ctx, filenames, resourceName) : inNamespace(podForArg(ctx, resourceName, FOR_ATTACH), ctx.namespace);
  if ('type' in target) return target;
  const container = ctx.flags.string('container') || undefined;
  const interactive = ctx.flags.bool('stdin') && ctx.flags.bool('tty');
  // `-it -- sh` (or `bash`, `sh -i`, `bash -il`, or `redis-cli`): the terminal's next lines go to the container's shell (or redis-cli's prompt).
  if (interactive && isInteractiveSession(argv)) return openInteractive(ctx, target.namespace, target.name, container, argv);
  // -i passes the terminal's standard input: what a pipe or `< file` feeds kubectl (the keyboard sends nothing here).
  const stdin = ctx.flags.bool('stdin') ? ctx.stdin?.text : undefined;
  const r = ctx.cluster.execInContainer(target.namespace, target.name, container, [...argv], stdin);
  if (!r.ok && r.reason === 'NotFound' && !ctx.client.get('pods', target.namespace, target.name)) return missingObjectError(ctx, ctx.cluster.resources.resolve('pods')!, target.namespace, target.name);
  if (!r.ok) {
    if (r.reason === 'NotFound') return err.status({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: r.message, metadata: {} });
    return err.message(`error: ${r.message}`);
  }
  if (r.defaulted && !ctx.flags.bool('quiet')) ctx.errOut(`${r.defaulted}\n`);
  // The command runs as virtual time passes: its output as it comes, until it ends or Ctrl+C.
  return streamed(
    r.stream,
    (text) => ctx.out(text),
    (code) => {
      if (code !== 0) ctx.errOut(`command terminated with exit code ${code}\n`);
      return code;
    },
  );
}

function inNamespace(pod: { name: string } | KubectlError, namespace: string): { name: string; namespace: string } | KubectlError {
  return 'type' in pod ? pod : { name: pod.name, namespace };
}

/**
 * `exec -f FILE`: the pod the file's one object stands for, as the resource
 * builder reads it (a pod is taken as written; a workload or Service by its
 * selector), in the file's namespace.
 */
function podFromFiles(ctx: CommandContext, filenames: string[], resourceName: string): { name: string; namespace: string } | KubectlError {
  const read = objectsFromFiles(ctx, filenames);
  if ('type' in read) return read;
  if (resourceName) return err.message('error: resource/name arguments cannot be provided when a path is specified');
  if (read.errors.length) return read.errors[0];
  if (read.objects.length !== 1) return err.message('error: cannot exec into multiple objects at a time');
  const [o] = read.objects;
  const fileNs = o.object.metadata.namespace;
  const mismatch = o.info.namespaced ? fileNamespaceError(ctx, fileNs) : undefined;
  if (mismatch) return mismatch;
  const namespace = o.namespace ?? ctx.namespace;
  const pods = podsForObject(ctx, o.info, { ...o.object, metadata: { ...o.object.metadata, namespace } }, FOR_ATTACH);
  if (!Array.isArray(pods)) return pods;
  return { name: pods[0].metadata.name, namespace };
}

/** `kubectl exec -it POD -- sh`: opens the shell; the returned execution hands it to the terminal's shell. */
function openInteractive(ctx: CommandContext, namespace: string, pod: string, container: string | undefined, argv: string[]): CommandResult {
  const r = ctx.cluster.openShell(namespace, pod, container, [...argv]);
  if (!r.ok) {
    if (r.reason === 'NotFound') return err.status({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: r.message, metadata: {} });
    return err.message(`error: ${r.message}`);
  }
  if (r.handle === undefined) {
    ctx.out(r.output);
    ctx.errOut(`command terminated with exit code ${r.code}\n`);
    return r.code;
  }
  if (r.defaulted && !ctx.flags.bool('quiet')) ctx.errOut(`${r.defaulted}\n`);
  return { ...finished(0), attach: r.handle };
}
