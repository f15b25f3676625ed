import { finished } from '../execution';
import type { Execution, OutputSink, ShellEnvironment } from '../types';
import { commandHelp, parseFlags, type DockerCommand } from './command';
import { DOCKER_COMMANDS, DOCKER_GROUPS } from './commands/index';
import { swarmFor } from './swarmHost';

/**
 * `docker …`: the Docker CLI against the simulated swarm beside the
 * cluster (created on first use: `manager1` Leader, `worker1`, `worker2`).
 * Flags → options → validate → run, as each command in `commands/`.
 */
export function runDocker(env: ShellEnvironment, argv: readonly string[], sink: OutputSink): Execution {
  const [group, sub, ...rest] = argv;
  if (group === undefined || group === '--help' || group === '-h' || group === 'help') {
    sink.stdout(topHelp());
    return finished(0);
  }
  if (!(group in DOCKER_GROUPS)) {
    if (group.startsWith('-')) {
      sink.stderr(`unknown flag: ${group}\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n`);
      return finished(125);
    }
    if (['run', 'ps', 'images', 'pull', 'build', 'exec', 'logs', 'compose', 'container', 'image', 'network', 'volume', 'swarm', 'secret', 'config', 'system', 'info', 'version'].includes(group)) {
      sink.stderr(`not simulated: \`docker ${group}\` — the playground's docker talks to a simulated swarm (docker ${Object.keys(DOCKER_GROUPS).join(', docker ')})\n`);
      return finished(1);
    }
    sink.stderr(`docker: unknown command: docker ${group}\n\nRun 'docker --help' for more information\n`);
    return finished(1);
  }
  if (sub === undefined || sub === '--help' || sub === '-h') {
    sink.stdout(groupHelp(group));
    return finished(0);
  }
  const cmd = DOCKER_COMMANDS.find((c) => c.path[0] === group && (c.path[1] === sub || c.aliases?.includes(sub)));
  if (!cmd) {
    sink.stderr(`unknown command: docker ${group} ${sub}\n\nUsage:  docker ${group} COMMAND\n\nRun 'docker ${group} --help' for more information\n`);
    return finished(1);
  }
  return runCommand(env, cmd, rest, sink);
}

function runCommand(env: ShellEnvironment, cmd: DockerCommand, argv: readonly string[], sink: OutputSink): Execution {
  const path = `docker ${cmd.path.join(' ')}`;
  const parsed = parseFlags(cmd, argv);
  if ('error' in parsed) {
    sink.stderr(`${parsed.error}\n\nUsage:  ${cmd.use}\n\nRun '${path} --help' for more information\n`);
    return finished(125);
  }
  if (parsed.flags.bool('help')) {
    sink.stdout(commandHelp(cmd));
    return finished(0);
  }
  const n = parsed.args.length;
  const { min, max } = cmd.args;
  const argError =
    min !== undefined && n < min
      ? min === max
        ? `"${path}" requires exactly ${min} argument${min === 1 ? '' : 's'}.`
        : `"${path}" requires at least ${min} argument${min === 1 ? '' : 's'}.`
      : max !== undefined && n > max
        ? max === 0
          ? `"${path}" accepts no arguments.`
          : `"${path}" requires at most ${max} argument${max === 1 ? '' : 's'}.`
        : undefined;
  if (argError) {
    sink.stderr(`${argError}\nSee '${path} --help'.\n\nUsage:  ${cmd.use}\n\n${cmd.short}\n`);
    return finished(1);
  }
  const clock = env.cluster;
  const getSwarm = () => swarmFor(clock);
  return cmd.run({ swarm: getSwarm(), getSwarm, clock, env, sink, flags: parsed.flags, args: parsed.args });
}

function groupHelp(group: string): string {
  const cmds = DOCKER_COMMANDS.filter((c) => c.path[0] === group);
  const width = Math.max(...cmds.map((c) => c.path[1].length));
  return [
    '',
    `Usage:  docker ${group} COMMAND`,
    '',
    DOCKER_GROUPS[group],
    '',
    'Commands:',
    ...cmds.map((c) => `  ${c.path[1].padEnd(width)}   ${c.short}`),
    '',
    `Run 'docker ${group} COMMAND --help' for more information on a command.`,
    '',
  ].join('\n');
}

function topHelp(): string {
  const names = Object.keys(DOCKER_GROUPS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    '',
    'Usage:  docker [OPTIONS] COMMAND',
    '',
    'A self-sufficient runtime for containers (here: a simulated Docker Swarm of three',
    'nodes, manager1, worker1 and worker2, beside the Kubernetes cluster)',
    '',
    'Swarm Commands:',
    ...names.map((n) => `  ${n.padEnd(width)}   ${DOCKER_GROUPS[n]}`),
    '',
    "Run 'docker COMMAND --help' for more information on a command.",
    '',
  ].join('\n');
}
