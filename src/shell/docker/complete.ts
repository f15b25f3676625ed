import type { ShellEnvironment } from '../types';
import { DOCKER_COMMANDS, DOCKER_GROUPS } from './commands/index';
import { existingSwarm } from './swarmHost';

/** Tab completion for `docker …`: groups, subcommands, flags, then service or node names of the swarm (if one exists). */
export function completeDocker(env: ShellEnvironment, done: readonly string[], current: string): string[] {
  const pick = (cands: Iterable<string>) => [...new Set(cands)].filter((c) => c.startsWith(current)).sort();
  if (done.length === 1) return pick(Object.keys(DOCKER_GROUPS));
  const group = done[1];
  if (done.length === 2) return pick(DOCKER_COMMANDS.filter((c) => c.path[0] === group).map((c) => c.path[1]));
  const cmd = DOCKER_COMMANDS.find((c) => c.path[0] === group && (c.path[1] === done[2] || c.aliases?.includes(done[2])));
  if (!cmd) return [];
  if (current.startsWith('-')) return pick(cmd.flags.map((f) => `--${f.name}`));
  if (cmd.path[1] === 'create') return [];
  const swarm = existingSwarm(env.cluster);
  if (!swarm) return [];
  if (group === 'stack') return cmd.path[1] === 'deploy' || cmd.path[1] === 'ls' ? [] : pick(swarm.services().flatMap((s) => s.spec.labels['com.docker.stack.namespace'] ?? []));
  return pick(group === 'node' ? swarm.nodes().map((n) => n.description.hostname) : swarm.services().map((s) => s.spec.name));
}
