import type { ExecStream } from '../../../sim/k8s/index';
import { normalisePath } from '../../memoryFiles';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { err } from '../errors';
import { examples, longDesc } from '../text';

/**
 * `kubectl cp` (kubectl `pkg/cmd/cp/cp.go`): a file copied between the
 * learner's machine — the editor's files — and a container, through the
 * container's shell as kubectl goes through its `tar` (so an image without
 * one cannot take part). Directories are not copied here.
 */
export const cpCommand: CommandSpec = {
  path: ['cp'],
  use: 'cp <file-spec-src> <file-spec-dest>',
  short: 'Copy files and directories to and from containers',
  long: longDesc(`
    Copy files and directories to and from containers.`),
  example: examples(`
    # !!!Important Note!!!
    # Requires that the 'tar' binary is present in your container
    # image.  If 'tar' is not present, 'kubectl cp' will fail.
    #
    # For advanced use cases, such as symlinks, wildcard expansion or
    # file mode preservation, consider using 'kubectl exec'.

    # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
    tar cf - /tmp/foo | kubectl exec -i -n <some-namespace> <some-pod> -- tar xf - -C /tmp/bar

    # Copy /tmp/foo from a remote pod to /tmp/bar locally
    kubectl exec -n <some-namespace> <some-pod> -- tar cf - /tmp/foo | tar xf - -C /tmp/bar

    # Copy /tmp/foo_dir local directory to /tmp/bar_dir in a remote pod in the default namespace
    kubectl cp /tmp/foo_dir <some-pod>:/tmp/bar_dir

    # Copy /tmp/foo local file to /tmp/bar in a remote pod in a specific container
    kubectl cp /tmp/foo <some-pod>:/tmp/bar -c <specific-container>

    # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
    kubectl cp /tmp/foo <some-namespace>/<some-pod>:/tmp/bar

    # Copy /tmp/foo from a remote pod to /tmp/bar locally
    kubectl cp <some-namespace>/<some-pod>:/tmp/foo /tmp/bar`),
  completion: 'none',
  flags: [
    { name: 'container', shorthand: 'c', type: 'string', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'no-preserve', type: 'bool', usage: "The copied file/directory's ownership and permissions will not be preserved in the container" },
    { name: 'retries', type: 'int', default: '0', usage: 'Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative value for infinite retrying. The default is 0 (no retry).' },
  ],
  run: runCp,
};

/** A `[[namespace/]pod:]path` file spec. */
interface FileSpec {
  namespace?: string;
  pod?: string;
  path: string;
}

function parseSpec(spec: string): FileSpec {
  const colon = spec.indexOf(':');
  // A local path may hold a colon after a slash (`./a:b`): only `pod:path` and `ns/pod:path` name a pod.
  if (colon <= 0 || spec.slice(0, colon).split('/').length > 2 || spec.startsWith('./') || spec.startsWith('/')) return { path: spec };
  const remote = spec.slice(0, colon);
  const slash = remote.indexOf('/');
  return slash < 0 ? { pod: remote, path: spec.slice(colon + 1) } : { namespace: remote.slice(0, slash), pod: remote.slice(slash + 1), path: spec.slice(colon + 1) };
}

/** A shell word for `path` (single quotes). */
function quoted(path: string): string {
  return `'${path.replace(/'/g, "'\\''")}'`;
}

const base = (path: string) => path.replace(/\/+$/, '').split('/').pop() ?? path;

function runCp(ctx: CommandContext): CommandResult {
  if (ctx.args.length !== 2) return err.usage(ctx.commandPath, 'source and destination are required');
  const [src, dest] = ctx.args.map(parseSpec);
  if (src.pod === undefined && dest.pod === undefined) return err.message('one of src or dest must be a remote file specification');
  if (src.pod !== undefined && dest.pod !== undefined) return err.message('one of src or dest must be a local file specification');
  if (src.path === '' || dest.path === '') return err.message('filepath can not be empty');
  const container = ctx.flags.string('container') || undefined;
  if (dest.pod !== undefined) {
    const local = normalisePath(src.path);
    const text = ctx.env.files.read(local);
    if (text === undefined) return err.message(ctx.env.files.list?.(local) ? `not simulated: copying a directory (${src.path}); copy its files one by one` : `${src.path} doesn't exist in local filesystem`);
    // tar extracts into a directory named as the destination, or writes the file as it.
    const q = quoted(dest.path);
    const script = `if [ -d ${q} ]; then cat > ${q}/${quoted(base(local))}; else cat > ${q}; fi`;
    return inContainer(ctx, dest, container, ['sh', '-c', script], text, () => 0);
  }
  const q = quoted(src.path);
  // tar's warning comes from inside the container: none when there is no pod to run it.
  if (src.path.startsWith('/') && ctx.client.get('pods', src.namespace ?? ctx.namespace, src.pod!)) ctx.errOut("tar: Removing leading `/' from member names\n");
  const script = `if [ -d ${q} ]; then exit 3; fi; if [ ! -e ${q} ]; then echo "tar: ${src.path.replace(/["$`\\]/g, '')}: Cannot stat: No such file or directory" >&2; exit 2; fi; cat ${q}`;
  return inContainer(ctx, src, container, ['sh', '-c', script], undefined, (output, code) => {
    if (code === 3) return err.message(`not simulated: copying a directory (${src.path}); copy its files one by one`);
    if (code !== 0) {
      ctx.errOut(`${output}tar: Exiting with failure status due to previous errors\n`);
      return 1;
    }
    const d = normalisePath(dest.path);
    const target = d === '' || d === '.' || dest.path.endsWith('/') || ctx.env.files.list?.(d) ? `${d === '.' ? '' : d.replace(/\/?$/, '/')}${base(src.path)}`.replace(/^\//, '') : d;
    const refused = ctx.env.files.write ? ctx.env.files.write(target, output) : 'this terminal keeps no files';
    return refused === undefined ? 0 : err.message(`${target}: ${refused}`);
  });
}

/** Runs `argv` in the pod's container at once (the shell's commands never pause here) and hands its output on. */
function inContainer(ctx: CommandContext, spec: FileSpec, container: string | undefined, argv: string[], stdin: string | undefined, then: (output: string, code: number) => CommandResult): CommandResult {
  const namespace = spec.namespace ?? ctx.namespace;
  const r = ctx.cluster.execInContainer(namespace, spec.pod!, container, argv, stdin);
  if (!r.ok) {
    if (r.reason === 'NotFound') return err.status({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: r.message, metadata: {} });
    return err.message(`error: ${r.message}`);
  }
  const { output, code } = drain(r.stream);
  if (code === 127 || /executable file not found/.test(output)) {
    return err.message('Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "tar": executable file not found in $PATH: unknown');
  }
  return then(output, code);
}

/** The stream's output and status, its program run to its end now. */
function drain(stream: ExecStream): { output: string; code: number } {
  let output = '';
  for (let i = 0; i < 1000; i++) {
    const step = stream.poll();
    output += step.output;
    if (step.code !== undefined) return { output, code: step.code };
  }
  stream.cancel();
  return { output, code: 1 };
}
