import { finished } from '../execution';
import { runAddon } from './addon';
import { runContainerCrash } from './containerCrash';
import { runTraffic } from './traffic';
import type { Execution, OutputSink, ShellEnvironment } from '../types';

/**
 * `kubeplay …`: actions no real CLI has (power a node off, crash a
 * container, send traffic). Each is also what a button in the UI issues.
 */
export interface PlaygroundCommand {
  /** Words after `kubeplay`. */
  path: readonly string[];
  usage: string;
  summary: string;
  run?(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution;
}

/** Playground commands, in the order `kubeplay help` lists them. */
export const PLAYGROUND_COMMANDS: readonly PlaygroundCommand[] = [
  { path: ['node', 'stop'], usage: 'kubeplay node stop NAME', summary: 'the node stops heartbeating, as if powered off', run: (env, args, sink) => runNodePower(env, args, sink, false) },
  { path: ['node', 'start'], usage: 'kubeplay node start NAME', summary: 'the node comes back and heartbeats again', run: (env, args, sink) => runNodePower(env, args, sink, true) },
  { path: ['container', 'crash'], usage: 'kubeplay container crash POD [-c CONTAINER]', summary: 'the container exits with an error', run: runContainerCrash },
  { path: ['traffic'], usage: 'kubeplay traffic SERVICE --rps N [--for DURATION]', summary: 'simulated requests through the Service', run: runTraffic },
  { path: ['addon'], usage: 'kubeplay addon list|enable|disable NAME', summary: 'install a cluster add-on (metrics-server for kubectl top)', run: runAddon },
  { path: ['help'], usage: 'kubeplay help', summary: 'this list' },
];

/**
 * `kubeplay node stop|start NAME`: powers the machine under a node off or
 * on, through the engine's playground entry (`cluster.stopNode`/`startNode`).
 */
function runNodePower(env: ShellEnvironment, args: readonly string[], sink: OutputSink, on: boolean): Execution {
  const verb = on ? 'start' : 'stop';
  if (args.length !== 1 || args[0].startsWith('-')) {
    sink.stderr(`kubeplay: usage: kubeplay node ${verb} NAME\n`);
    return finished(1);
  }
  const name = args[0].replace(/^nodes?\//, '');
  const result = on ? env.cluster.startNode(name) : env.cluster.stopNode(name);
  switch (result.type) {
    case 'changed':
      sink.stdout(`node/${name} ${on ? 'started' : 'stopped'}\n`);
      return finished(0);
    case 'unchanged':
      sink.stdout(`node/${name} already ${on ? 'running' : 'stopped'}\n`);
      return finished(0);
    case 'notFound':
      sink.stderr(`Error from server (NotFound): nodes "${name}" not found\n`);
      return finished(1);
    case 'notSimulated':
      sink.stderr(`kubeplay: not simulated: ${result.reason}\n`);
      return finished(1);
  }
}

function helpText(): string {
  const width = Math.max(...PLAYGROUND_COMMANDS.map((c) => c.usage.length));
  return [
    'Playground commands (actions no real CLI has):',
    ...PLAYGROUND_COMMANDS.map((c) => `  ${c.usage.padEnd(width)}   ${c.summary}${c.run || c.path[0] === 'help' ? '' : ' (not simulated yet)'}`),
    '',
  ].join('\n');
}

/** Runs `kubeplay ARGS…`. */
export function runKubeplay(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution {
  if (args.length === 0 || args[0] === 'help' || args[0] === '--help' || args[0] === '-h') {
    sink.stdout(helpText());
    return finished(0);
  }
  const cmd = PLAYGROUND_COMMANDS.find((c) => c.path.every((p, i) => args[i] === p));
  if (!cmd) {
    sink.stderr(`kubeplay: unknown command "${args.join(' ')}"\nRun 'kubeplay help' for the list of playground commands.\n`);
    return finished(1);
  }
  if (!cmd.run) {
    sink.stderr(`kubeplay: not simulated yet: "${cmd.usage}" (${cmd.summary}) is not part of the playground yet\n`);
    return finished(1);
  }
  return cmd.run(env, args.slice(cmd.path.length), sink);
}
