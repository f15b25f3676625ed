import type { CommandContext, CommandResult, CommandSpec } from '../command';
import type { FlagSpec } from '../flags';
import { err } from '../errors';
import { KustomizeError, kustomizeBuild } from '../kustomize/build';
import { examples, longDesc } from '../text';

const flags: FlagSpec[] = [
  { name: 'as-current-user', type: 'bool', usage: 'use the uid and gid of the command executor to run the function in the container' },
  { name: 'enable-alpha-plugins', type: 'bool', usage: 'enable kustomize plugins' },
  { name: 'enable-helm', type: 'bool', usage: 'Enable use of the Helm chart inflator generator.' },
  { name: 'env', shorthand: 'e', type: 'stringArray', default: '[]', usage: 'a list of environment variables to be used by functions' },
  { name: 'helm-api-versions', type: 'stringArray', default: '[]', usage: 'Kubernetes api versions used by Helm for Capabilities.APIVersions' },
  { name: 'helm-command', type: 'string', default: 'helm', usage: 'helm command (path to executable)' },
  { name: 'helm-debug', type: 'bool', usage: 'Enable debug output from the Helm chart inflator generator.' },
  { name: 'helm-kube-version', type: 'string', usage: 'Kubernetes version used by Helm for Capabilities.KubeVersion' },
  { name: 'load-restrictor', type: 'string', default: 'LoadRestrictionsRootOnly', usage: "if set to 'LoadRestrictionsNone', local kustomizations may load files from outside their root. This does, however, break the relocatability of the kustomization." },
  { name: 'mount', type: 'stringArray', default: '[]', usage: 'a list of storage options read from the filesystem' },
  { name: 'network', type: 'bool', usage: 'enable network access for functions that declare it' },
  { name: 'network-name', type: 'string', default: 'bridge', usage: 'the docker network to run the container in' },
  { name: 'output', shorthand: 'o', type: 'string', usage: 'If specified, write output to this path.' },
];

/**
 * `kubectl kustomize [DIR]`: the build of the kustomization in DIR (`.` when
 * omitted) printed as one YAML stream, or written to `-o FILE`; a failure is
 * kustomize's error as kubectl's CheckErr prints it (`error: …`).
 */
export const kustomizeCommand: CommandSpec = {
  path: ['kustomize'],
  flagsInUseLine: true,
  use: 'kustomize DIR',
  short: 'Build a kustomization target from a directory or URL',
  long: longDesc(`
    Build a set of KRM resources using a 'kustomization.yaml' file. The DIR argument must be a path to a directory containing 'kustomization.yaml', or a git repository URL with a path suffix specifying same with respect to the repository root. If DIR is omitted, '.' is assumed.`),
  example: examples(`
    # Build the current working directory
    kubectl kustomize
    
    # Build some shared configuration directory
    kubectl kustomize /home/config/production
    
    # Build from github
    kubectl kustomize https://github.com/kubernetes-sigs/kustomize.git/examples/helloWorld?ref=v1.0.6`),
  flags,
  completion: 'none',
  run: runKustomize,
};

/** kustomize's load restrictors: files only in or below a kustomization's folder (the default), or anywhere. */
const LOAD_RESTRICTORS = ['LoadRestrictionsRootOnly', 'LoadRestrictionsNone'];

function runKustomize(ctx: CommandContext): CommandResult {
  if (ctx.args.length > 1) return err.message('specify one path to kustomization.yaml');
  const dir = ctx.args[0] ?? '.';
  if (/^(https?:\/\/|git@|github\.com\/)/.test(dir)) return err.message(`not simulated: the playground has no network to clone ${dir}; copy the files into the editor instead`);
  const restrictor = ctx.flags.string('load-restrictor');
  if (!LOAD_RESTRICTORS.includes(restrictor)) return err.message(`illegal flag value --load-restrictor ${restrictor}; legal values: [${LOAD_RESTRICTORS.join(' ')}]`);
  let built;
  try {
    built = kustomizeBuild(ctx.env.files, dir, restrictor === 'LoadRestrictionsRootOnly');
  } catch (e) {
    if (e instanceof KustomizeError) return err.message(e.message);
    throw e;
  }
  for (const w of built.warnings) ctx.errOut(`${w}\n`);
  const output = ctx.flags.string('output');
  if (output === '') {
    ctx.out(built.yaml);
    return 0;
  }
  const refused = ctx.env.files.write ? ctx.env.files.write(output, built.yaml) : 'this terminal keeps no files';
  return refused === undefined ? 0 : err.message(`open ${refused}`);
}
