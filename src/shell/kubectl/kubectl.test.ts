import { describe, expect, it } from 'vitest';
import { shellHarness } from '../testing/shellHarness';
import { COMMANDS } from './commands/index';
import { GLOBAL_FLAGS } from './globalFlags';

describe('kubectl dispatch (cobra + pflag wording)', () => {
  it('reports an unknown command with cobra suggestions', () => {
    const { run } = shellHarness();
    expect(run('kubectl xyzzy').stderr).toBe('error: unknown command "xyzzy" for "kubectl"\n');
    expect(run('kubectl foo').stderr).toBe('error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n');
    expect(run('kubectl gte pods').stderr).toBe('error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n');
  });

  it('reports unknown flags with the pointer to help', () => {
    const { run } = shellHarness();
    const t = run('kubectl get pods --foo');
    expect(t.stderr).toBe("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
    expect(t.exitCode).toBe(1);
    expect(run('kubectl get pods -z').stderr).toBe("error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n");
    expect(run('kubectl scale deploy web --replicas=x').stderr).toBe(
      `error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee 'kubectl scale --help' for usage.\n`,
    );
    expect(run('kubectl get pods -n').stderr).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n");
  });

  it('asks for a resource type when get has none', () => {
    const { run } = shellHarness();
    expect(run('kubectl get').stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    );
  });

  it('asks for resources when delete has none', () => {
    const { run } = shellHarness();
    expect(run('kubectl delete').stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  });

  it('names an unknown resource type', () => {
    const { run } = shellHarness();
    expect(run('kubectl get foo').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
  });

  it('prints a parent command help to stderr and an unknown subcommand as a usage error', () => {
    const { run } = shellHarness();
    const t = run('kubectl rollout');
    expect(t.exitCode).toBe(1);
    expect(t.stderr).toContain('Manage the rollout of one or many resources.\n        \n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets\n');
    expect(run('kubectl rollout foo').stderr).toBe('error: unknown command "foo"\nSee \'kubectl rollout -h\' for help and examples\n');
  });

  it('renders help like kubectl: examples, options, usage', () => {
    const { run } = shellHarness();
    const help = run('kubectl cordon --help').stdout;
    expect(help).toBe(
      'Mark node as unschedulable.\n\nExamples:\n  # Mark node "foo" as unschedulable\n  kubectl cordon foo\n\nOptions:\n' +
        "    --dry-run='none':\n\tMust be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.\n\n" +
        "    -l, --selector='':\n\tSelector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.\n\n" +
        'Usage:\n  kubectl cordon NODE [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
    );
  });

  it('lists the command groups in the root help', () => {
    const { run } = shellHarness();
    const help = run('kubectl').stdout;
    expect(help.startsWith('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nBasic Commands (Beginner):\n  create          Create a resource from a file or from stdin\n')).toBe(true);
    expect(help.endsWith('Usage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
  });

  it('declares each flag of a command once, as pflag requires (its help would list a repeat twice)', () => {
    for (const cmd of COMMANDS) {
      const local = cmd.flags.map((f) => f.name);
      const shorthands = [...cmd.flags, ...GLOBAL_FLAGS.filter((g) => !local.includes(g.name))].flatMap((f) => (f.shorthand ? [f.shorthand] : []));
      expect({ cmd: cmd.path.join(' '), names: local.filter((n, i) => local.indexOf(n) !== i) }).toEqual({ cmd: cmd.path.join(' '), names: [] });
      expect({ cmd: cmd.path.join(' '), shorthands: shorthands.filter((n, i) => shorthands.indexOf(n) !== i) }).toEqual({ cmd: cmd.path.join(' '), shorthands: [] });
    }
  });

  it('prints nothing for kubectl options --help, as kubectl does', () => {
    const { run } = shellHarness();
    expect(run('kubectl options --help').stdout).toBe('');
    expect(run('kubectl options').stdout).toContain("    --cache-dir='/home/learner/.kube/cache':\n\tDefault cache directory\n\n");
    expect(run('kubectl options').stdout).toContain('    --vmodule=:\n');
  });

  it('says honestly when a real command is not simulated', () => {
    const { run } = shellHarness();
    const t = run('kubectl certificate approve csr-1');
    expect(t.exitCode).toBe(1);
    expect(t.stderr).toContain('not simulated yet');
  });

  it('prints the v1.32 version lines', () => {
    const { run } = shellHarness();
    expect(run('kubectl version').stdout).toBe('Client Version: v1.32.2\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n');
  });
});
