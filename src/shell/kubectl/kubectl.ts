import { finished } from '../execution';
import type { Execution, OutputSink, ShellEnvironment } from '../types';
import type { CommandContext, CommandResult, CommandSpec } from './command';
import { checkErrText, err, type KubectlError } from './errors';
import { FlagError, Flags, parseFlags, type FlagSpec, type ParsedFlags } from './flags';
import { GLOBAL_FLAGS, HELP_FLAG } from './globalFlags';
import { flagsUsages, renderHelp } from './help';
import { ForbiddenError } from '../../sim/k8s/index';
import { ADMIN_USER, clientOf, impersonation, subresourceRefusal } from './identity';
import { COMMANDS, ROOT, ROOT_GROUPS, childrenOf } from './commands/index';

/** Commands that declare `-k` (kubectl's FilenameOptions) but read no files here: every other one builds the kustomization and reads its objects as `-f` files. */
const KUSTOMIZE_UNREAD = ['run'];

/**
 * Runs `kubectl ARGS…` the way cobra + kubectl do: find the command in the
 * registry, parse flags with pflag's rules, print help or run it, and print
 * any error through checkErr.
 */
export function runKubectl(env: ShellEnvironment, words: readonly string[], sink: OutputSink, stdin?: string): Execution {
  const found = findCommand(words);
  if ('unknown' in found) {
    const hint = suggestions(found.unknown);
    sink.stderr(`error: unknown command "${found.unknown}" for "kubectl"${hint || '\n'}`);
    return finished(1);
  }
  const { cmd, rest } = found;
  const commandPath = ['kubectl', ...cmd.path].join(' ');
  if (cmd.path.length === 1 && cmd.path[0] === 'options') {
    // kubectl's options command has an empty help template: `kubectl options --help` prints nothing.
    if (rest.some((w) => w === '--help' || w === '-h')) return finished(0);
    sink.stdout(`The following options can be passed to any command:\n\n${flagsUsages(GLOBAL_FLAGS)}`);
    return finished(0);
  }
  let parsed;
  try {
    parsed = parseFlags(rest, [...cmd.flags, ...GLOBAL_FLAGS.filter((g) => !cmd.flags.some((f) => f.name === g.name)), HELP_FLAG]);
  } catch (e) {
    if (e instanceof FlagError) {
      sink.stderr(`error: ${e.message}\nSee '${commandPath} --help' for usage.\n`);
      return finished(1);
    }
    throw e;
  }
  const flags = new Flags(parsed);
  // pflag warns on standard error as it sets a deprecated flag.
  for (const g of parsed.given) {
    const spec = cmd.flags.find((f) => f.name === g.name) ?? GLOBAL_FLAGS.find((f) => f.name === g.name);
    if (spec?.deprecated) sink.stderr(`Flag --${g.name} has been deprecated, ${spec.deprecated}\n`);
  }
  const help = () => renderHelp(cmd, childrenOf(cmd), cmd === ROOT ? ROOT_GROUPS : undefined);
  if (flags.bool('help') || (cmd === ROOT && parsed.args.length === 0)) {
    sink.stdout(help());
    return finished(0);
  }
  if (cmd.path.length === 1 && cmd.path[0] === 'help') return helpTopic(parsed.args, sink);
  if (!cmd.run) {
    sink.stdout(help());
    return finished(0);
  }
  const namespace = flags.string('namespace');
  // Without -n, the current context's namespace (`kubectl config set-context --current --namespace=…`).
  // cobra's ValidateRequiredFlags, before the command runs: every flag marked required and not given, by name.
  const missing = cmd.flags.filter((f) => f.required && !parsed.changed.has(f.name)).map((f) => f.name).sort();
  if (missing.length > 0) {
    sink.stderr(`error: required flag(s) "${missing.join('", "')}" not set\n`);
    return finished(1);
  }
  // -k (kustomize) is declared on every command that reads files, as kubectl's FilenameOptions are (and checked as its validate does).
  if (parsed.changed.has('kustomize')) {
    const problem = flags.list('filename').length > 0 ? 'only one of -f or -k can be specified' : flags.bool('recursive') ? "the -k flag can't be used with -f or -R" : undefined;
    if (problem !== undefined) {
      sink.stderr(`error: ${problem}\n`);
      return finished(1);
    }
    if (KUSTOMIZE_UNREAD.includes(cmd.path.join(' '))) {
      sink.stderr(`error: not simulated yet: -k with kubectl ${cmd.path.join(' ')} (print the kustomization with kubectl kustomize ${flags.string('kustomize')}, apply it with kubectl apply -k)\n`);
      return finished(1);
    }
  }
  const context = flags.string('context');
  // A context that is not there (named by --context, or a current one deleted): kubectl cannot reach a cluster; `kubectl config` still works.
  // Commands that need no API server go on (`kubectl version` says so after its client lines).
  const offline = ['config', 'version', 'help', 'options', 'completion'].includes(cmd.path[0] ?? '');
  const unreachable = offline ? undefined : env.kubeconfig?.unreachable(context);
  if (unreachable !== undefined) {
    sink.stderr(`${unreachable}\n`);
    return finished(1);
  }
  // --as: the API as that user sees it (RBAC); reads refused while the command runs are its error.
  const impersonated = impersonation(flags);
  let running = true;
  const client = clientOf(env.cluster, impersonated, () => running);
  const ctx: CommandContext = {
    env,
    cluster: env.cluster,
    client,
    user: impersonated ?? ADMIN_USER,
    sink,
    flags,
    args: parsed.args,
    dashIndex: parsed.dashIndex,
    namespace: namespace || env.kubeconfig?.namespace(context) || 'default',
    explicitNamespace: namespace !== '',
    commandPath,
    commandLine: changeCause(cmd, parsed),
    stdin: stdin === undefined ? undefined : { text: stdin },
    out: (t) => sink.stdout(t),
    errOut: (t) => sink.stderr(t),
    help,
  };
  let result: CommandResult;
  try {
    const refused = impersonated && subresourceRefusal(env.cluster, impersonated, cmd.path[0], parsed.args, ctx.namespace);
    result = refused ? err.status(refused) : cmd.run(ctx);
  } catch (e) {
    if (!(e instanceof ForbiddenError)) throw e;
    result = err.status(e.status);
  } finally {
    running = false;
    env.cluster.runUntilIdle();
  }
  return toExecution(result, sink);
}

/** Turns what a command returned into an Execution, printing errors as checkErr does. */
export function toExecution(result: CommandResult, sink: OutputSink): Execution {
  if (typeof result === 'number') return finished(result);
  if ('poll' in result) return result;
  sink.stderr(checkErrText(result as KubectlError));
  return finished(1);
}

function flagTakesValue(word: string, specs: readonly FlagSpec[]): boolean {
  if (word.includes('=')) return false;
  const spec = word.startsWith('--') ? specs.find((s) => s.name === word.slice(2)) : word.length === 2 ? specs.find((s) => s.shorthand === word[1]) : undefined;
  return spec !== undefined && spec.type !== 'bool' && spec.noOptDefault === undefined;
}

/** cobra's Find: descends through subcommand names, skipping flags (and their values). */
/**
 * The command as kubectl records it in `kubernetes.io/change-cause`
 * (cli-runtime's `parseCommandArguments`): `kubectl`, the arguments that are
 * not flags (the command's own words first), then each flag given, in order,
 * as `--name=value` (`--record` is `--record=true`, `-f web.yaml`
 * `--filename=web.yaml`).
 */
function changeCause(cmd: CommandSpec, parsed: ParsedFlags): string {
  const args = [...cmd.path, ...parsed.args];
  return `kubectl${args.length ? ` ${args.join(' ')}` : ''}${parsed.given.map((f) => ` --${f.name}=${f.value}`).join('')}`;
}

export function findCommand(words: readonly string[]): { cmd: CommandSpec; rest: string[] } | { unknown: string } {
  let cmd = ROOT;
  const rest = [...words];
  let i = 0;
  while (i < rest.length) {
    const w = rest[i];
    if (w === '--') break;
    if (w.startsWith('-') && w.length > 1) {
      i += flagTakesValue(w, [...cmd.flags, ...GLOBAL_FLAGS]) ? 2 : 1;
      continue;
    }
    const child = childrenOf(cmd).find((c) => c.path[c.path.length - 1] === w || (c.aliases ?? []).includes(w));
    if (!child) {
      if (cmd === ROOT) return { unknown: w };
      break;
    }
    cmd = child;
    rest.splice(i, 1);
  }
  return { cmd, rest };
}

/** Levenshtein distance, case-insensitive, as cobra's `ld`. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      d[i][j] = s[i - 1] === t[j - 1] ? d[i - 1][j - 1] : Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + 1);
    }
  }
  return d[s.length][t.length];
}

/** cobra's `findSuggestions` for an unknown root command. */
function suggestions(typed: string): string {
  const out: string[] = [];
  for (const c of childrenOf(ROOT)) {
    const name = c.path[0];
    const close = distance(typed, name) <= 2 || name.toLowerCase().startsWith(typed.toLowerCase());
    if (close || (c.suggestFor ?? []).includes(typed)) out.push(name);
  }
  if (out.length === 0) return '';
  return `\n\nDid you mean this?\n${out.map((s) => `\t${s}\n`).join('')}`;
}

function helpTopic(args: readonly string[], sink: OutputSink): Execution {
  const found = findCommand(args);
  if ('unknown' in found || found.rest.length > 0) {
    sink.stdout(`Unknown help topic [\`${args.join(' ')}\`]\n`);
    // cobra then prints the root's usage: the help without its description, after a blank line.
    sink.stdout(`\n${renderHelp(ROOT, childrenOf(ROOT), ROOT_GROUPS).slice((ROOT.long ?? ROOT.short).length + 1)}`);
    return finished(0);
  }
  sink.stdout(renderHelp(found.cmd, childrenOf(found.cmd), found.cmd === ROOT ? ROOT_GROUPS : undefined));
  return finished(0);
}

export { COMMANDS };
