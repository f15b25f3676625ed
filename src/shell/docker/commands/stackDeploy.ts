import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import type { ComposeSource } from '../compose/loadCompose';
import { waitForConvergence } from '../progress';
import { deployStack } from '../stack/deployStack';
import { waitOnServices } from '../stack/waitOnServices';
import { validateStackName } from '../stack/stackName';

/** The folder part of a path (`stacks/vote.yml` → `stacks/`), to read files a compose file names relative to itself. */
function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/**
 * `docker stack deploy -c FILE [-c FILE…] STACK`: creates or updates the
 * stack's networks, secrets, configs and services (see `stack/deployStack.ts`).
 * Detached, as the CLI's default: the services converge in the background;
 * with `--detach=false` it waits for each service in turn with the
 * convergence display of `docker service create` (`-q`: silently).
 */
export const stackDeploy: DockerCommand = {
  path: ['stack', 'deploy'],
  aliases: ['up'],
  use: 'docker stack deploy [OPTIONS] STACK',
  short: 'Deploy a new stack or update an existing stack',
  args: { min: 1, max: 1 },
  /** Reads the compose file before asking the daemon (the CLI's order), so it checks the daemon itself. */
  local: true,
  flags: [
    { name: 'compose-file', short: 'c', type: 'list', usage: 'Path to a Compose file' },
    { name: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the stack services to converge', defaultText: 'true' },
    { name: 'prune', type: 'bool', usage: 'Prune services that are no longer referenced' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
    { name: 'resolve-image', type: 'string', usage: 'Query the registry to resolve image digest and supported platforms ("always", "changed", "never")', defaultText: '"always"' },
    { name: 'with-registry-auth', type: 'bool', usage: 'Send registry authentication details to Swarm agents' },
  ],
  run({ swarm, env, flags, args, sink, clock, getSwarm, local }) {
    const namespace = args[0];
    const bad = validateStackName(namespace);
    if (bad) {
      sink.stderr(`${bad}\n`);
      return finished(1);
    }
    const resolve = flags.get('resolve-image') ?? 'always';
    if (!['always', 'changed', 'never'].includes(resolve)) {
      sink.stderr(`Invalid option ${resolve} for flag --resolve-image\n`);
      return finished(1);
    }
    const paths = flags.all('compose-file');
    if (paths.length === 0) {
      sink.stderr('Please specify a Compose file (with --compose-file)\n');
      return finished(1);
    }
    const sources: ComposeSource[] = [];
    for (const p of paths) {
      if (p === '-') {
        sink.stderr('not simulated: reading a compose file from stdin (`-c -`); give a file\n');
        return finished(1);
      }
      const text = env.files.read(p);
      if (text === undefined) {
        sink.stderr(`open ${p}: no such file or directory\n`);
        return finished(1);
      }
      sources.push({ name: p, text });
    }
    const base = folderOf(paths[0]);
    const detach = !flags.has('detach') || flags.bool('detach');
    const { code, serviceIds } = deployStack(
      swarm,
      {
        namespace,
        sources,
        prune: flags.bool('prune'),
        detachDefaulted: !flags.has('detach'),
        readFile: (f) => env.files.read(f.startsWith('/') ? f : `${base}${f.replace(/^\.\//, '')}`),
        lookup: () => undefined,
        daemonError: () => swarm.apiError(local),
      },
      sink,
    );
    if (code !== 0 || detach) return finished(code);
    const quiet = flags.bool('quiet');
    return waitOnServices(serviceIds, (id) => waitForConvergence(clock, getSwarm, id, quiet ? { stdout: () => {}, stderr: (t) => sink.stderr(t) } : sink));
  },
};
