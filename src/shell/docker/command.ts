import type { Swarm, SwarmTask } from '../../sim/swarm/index';
import type { Execution, OutputSink, ShellEnvironment } from '../types';
import type { ClockSource } from './swarmHost';

/** A flag as the docker CLI (cobra/pflag) declares it. */
export interface FlagSpec {
  name: string;
  short?: string;
  /** bool takes no value; list may repeat; others take one value. */
  type: 'bool' | 'string' | 'int' | 'uint' | 'list' | 'duration' | 'float' | 'decimal' | 'bytes';
  usage: string;
  /** Shown in help as `(default …)`. */
  defaultText?: string;
}

/** One line a task's container wrote, at virtual time `at`. */
export interface TaskLogLine {
  readonly at: number;
  readonly text: string;
}

/** What a task's container logged so far, oldest first (given by the shell: the image catalog is the cluster engine's). */
export type TaskLogs = (swarm: Swarm, task: SwarmTask) => TaskLogLine[];

/** What a command's run receives. */
export interface DockerRun {
  swarm: Swarm;
  /** The swarm brought up to the playground's time (for commands that wait). */
  getSwarm: () => Swarm;
  clock: ClockSource;
  /** The node ID of the machine the CLI talks to (`-H`; default manager1). */
  local: string;
  /** Its hostname. */
  localHost: string;
  env: ShellEnvironment;
  sink: OutputSink;
  flags: ParsedFlags;
  args: string[];
  /** What tasks' containers logged (`docker service logs`). */
  taskLogs: TaskLogs;
}

/** One docker subcommand (`docker service create`). Registered in `commands/index.ts`. */
export interface DockerCommand {
  path: readonly string[];
  aliases?: readonly string[];
  /** `docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]` */
  use: string;
  short: string;
  flags: readonly FlagSpec[];
  args: { min?: number; max?: number };
  /** false: flags end at the first positional argument (`service create IMAGE --flag` passes --flag to the container). */
  interspersed?: boolean;
  /** Runs without a manager behind it (swarm join/leave/init are served by the local daemon). */
  local?: boolean;
  run(r: DockerRun): Execution;
}

export interface ParsedFlags {
  has(name: string): boolean;
  /** The last value given. */
  get(name: string): string | undefined;
  /** Every value given, in order (list flags). */
  all(name: string): string[];
  bool(name: string): boolean;
}

/** Parses argv against the command's flags (pflag rules: `--f=v`, `--f v`, `-f v`, `-fv`, bools bare, `--` ends flags). */
export function parseFlags(cmd: DockerCommand, argv: readonly string[]): { flags: ParsedFlags; args: string[] } | { error: string } {
  const values = new Map<string, string[]>();
  const args: string[] = [];
  const specs = [...cmd.flags, { name: 'help', type: 'bool', usage: 'Print usage' } as FlagSpec];
  const byLong = new Map(specs.map((f) => [f.name, f]));
  const byShort = new Map(specs.filter((f) => f.short).map((f) => [f.short!, f]));
  const add = (f: FlagSpec, v: string) => values.set(f.name, [...(values.get(f.name) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      args.push(a);
      if (cmd.interspersed === false) {
        args.push(...argv.slice(i + 1));
        break;
      }
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      const f = byLong.get(name);
      if (!f) return { error: `unknown flag: --${name}` };
      if (f.type === 'bool') add(f, eq > 0 ? a.slice(eq + 1) : 'true');
      else if (eq > 0) add(f, a.slice(eq + 1));
      else if (i + 1 < argv.length) add(f, argv[++i]);
      else return { error: `flag needs an argument: --${name}` };
      continue;
    }
    const short = a[1];
    const f = byShort.get(short);
    if (!f) return { error: `unknown shorthand flag: '${short}' in ${a}` };
    if (f.type === 'bool') {
      add(f, 'true');
      for (const c of a.slice(2)) {
        const g = byShort.get(c);
        if (!g) return { error: `unknown shorthand flag: '${c}' in ${a}` };
        add(g, 'true');
      }
    } else if (a.length > 2) add(f, a.slice(2).replace(/^=/, ''));
    else if (i + 1 < argv.length) add(f, argv[++i]);
    else return { error: `flag needs an argument: '${short}' in -${short}` };
  }
  const flags: ParsedFlags = {
    has: (n) => values.has(n),
    get: (n) => values.get(n)?.at(-1),
    all: (n) => values.get(n) ?? [],
    bool: (n) => {
      const v = values.get(n)?.at(-1);
      return v !== undefined && v !== 'false' && v !== '0';
    },
  };
  return { flags, args };
}

/** Cobra's help for a command, as docker prints it. */
export function commandHelp(cmd: DockerCommand): string {
  const lines = ['', `Usage:  ${cmd.use}`, '', cmd.short, ''];
  if (cmd.aliases?.length) lines.push('Aliases:', `  ${[cmd.path.join(' '), ...cmd.aliases.map((a) => [...cmd.path.slice(0, -1), a].join(' '))].map((p) => `docker ${p}`).join(', ')}`, '');
  if (cmd.flags.length) {
    lines.push('Options:');
    const left = cmd.flags.map((f) => `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.type === 'bool' ? '' : ` ${f.type === 'uint' || f.type === 'int' ? f.type : f.type}`}`);
    const width = Math.max(...left.map((l) => l.length));
    cmd.flags.forEach((f, i) => lines.push(`  ${left[i].padEnd(width)}   ${f.usage}${f.defaultText ? ` (default ${f.defaultText})` : ''}`));
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
