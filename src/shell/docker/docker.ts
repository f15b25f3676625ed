import { finished } from '../execution';
import type { Execution, OutputSink, ShellEnvironment } from '../types';
import { commandHelp, parseFlags, type DockerCommand, type TaskLogs } from './command';
import { DOCKER_COMMANDS, DOCKER_GROUPS } from './commands/index';
import { swarmFor } from './swarmHost';
import type { Swarm } from '../../sim/swarm/index';

/**
 * `docker …`: the Docker CLI against the simulated swarm beside the
 * cluster (created on first use: `manager1` Leader, `worker1`, `worker2`).
 * Flags → options → validate → run, as each command in `commands/`.
 */
export function runDocker(env: ShellEnvironment, argv0: readonly string[], sink: OutputSink, taskLogs: TaskLogs = () => []): Execution {
  let host: string | undefined;
  let argv = argv0;
  // The one global option simulated: -H/--host, the machine whose daemon the CLI talks to (`docker -H ssh://worker1 swarm join …`).
  while (argv.length > 0 && /^(-H|--host)(=|$)/.test(argv[0])) {
    const eq = argv[0].indexOf('=');
    host = eq > 0 ? argv[0].slice(eq + 1) : argv[1];
    argv = argv.slice(eq > 0 ? 1 : 2);
    if (host === undefined) {
      sink.stderr('flag needs an argument: \'H\' in -H\n');
      return finished(125);
    }
  }
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
    if (['run', 'ps', 'images', 'pull', 'build', 'exec', 'logs', 'compose', 'container', 'image', 'network', 'volume', 'secret', 'config', 'system', 'info', 'version'].includes(group)) {
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
  return runCommand(env, cmd, rest, sink, taskLogs, host);
}

/** The machine `-H` names: `worker1`, `ssh://[user@]worker1`, `tcp://192.168.99.101:2376`; undefined when there is none. */
function machineFor(swarm: Swarm, host: string | undefined): { id: string; hostname: string } | undefined {
  if (host === undefined) {
    const id = swarm.localNodeId();
    return { id, hostname: swarm.node(id)!.description.hostname };
  }
  const name = host.replace(/^(ssh|tcp):\/\//, '').replace(/^[^@]*@/, '').replace(/:\d+$/, '');
  const nodes = swarm.nodes().filter((n) => n.description.hostname === name || n.status.addr === name);
  const member = nodes.find((n) => !n.left) ?? nodes[0];
  if (member) return { id: member.id, hostname: member.description.hostname };
  if (swarm.membership.outside().includes(name)) return { id: '', hostname: name };
  return undefined;
}

function runCommand(env: ShellEnvironment, cmd: DockerCommand, argv: readonly string[], sink: OutputSink, taskLogs: TaskLogs, host?: string): Execution {
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
  const swarm = getSwarm();
  const machine = machineFor(swarm, host);
  if (!machine) {
    sink.stderr(`Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?\n`);
    return finished(1);
  }
  if (machine.id && swarm.isNodeStopped(machine.id)) {
    sink.stderr(`Cannot connect to the Docker daemon at ${host ?? 'unix:///var/run/docker.sock'}. Is the docker daemon running?\n`);
    return finished(1);
  }
  if (!cmd.local) {
    const err = swarm.apiError(machine.id);
    if (err) {
      sink.stderr(`${err}\n`);
      return finished(1);
    }
  }
  return cmd.run({ swarm, getSwarm, clock, env, sink, flags: parsed.flags, args: parsed.args, local: machine.id, localHost: machine.hostname, taskLogs });
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
