/**
 * Undo and redo over a command log: which entries the last step removes and
 * how a log forks when a command is issued while looking at the past. Pure
 * data in, data out; the page replays the result (DESIGN.md principle 2).
 */
// From their own module: the shell's entry would bring the whole shell (and the engine) into the page's first chunk.
import { FILTER_NAMES } from '../shell/filters/names';
import { reservedPrefix } from '../shell/compound';
import { substitutions } from '../shell/expansion';
import { tokenize } from '../shell/tokenize';
import { watchedFrom } from '../shell/watch';
import type { LogEntry } from './scenario';

/**
 * kubectl commands that only read the cluster: they change no object, move
 * no clock and draw no random number, so a replay without them reaches the
 * same cluster ("share the current state" leaves them out). Anything not
 * listed counts as a change (so Undo never skips a command that did
 * something). Not `diff`: its server-side dry run draws generated names
 * (`generateName`) from the seeded generator, which shifts later pod names.
 */
const KUBECTL_READS = new Set(['get', 'describe', 'logs', 'top', 'explain', 'version', 'api-resources', 'api-versions', 'cluster-info', 'events', 'auth', 'wait', 'completion', 'options', 'plugin']);
const ROLLOUT_READS = new Set(['status', 'history']);
const CONFIG_READS = new Set(['view', 'get-contexts', 'current-context', 'get-clusters', 'get-users']);
/** Shell builtins with no effect on the cluster (`sleep` waits while the clock runs anyway). */
const SHELL_READS = new Set(['help', 'echo', 'clear', 'sleep', 'seq', 'printf', 'test', '[', 'true', 'false', ':', 'break', 'continue', ...FILTER_NAMES]);
/** The files a redirection writes that are streams, not files of the editor. */
const STREAM_FILES = new Set(['/dev/null', '/dev/stdout', '/dev/stderr']);
/** kubectl's global flags that take the next word as their value (`kubectl -n web get pods`). */
const VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--request-timeout']);

/** kubectl's verb and sub-verb, after its global flags. */
function kubectlVerbs(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < words.length && out.length < 2; i++) {
    const w = words[i];
    if (w.startsWith('-')) {
      if (VALUE_FLAGS.has(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** Whether a command line only looks at the cluster (`kubectl get`, `describe`, `rollout status`, `help` …). */
export function isLookOnly(line: string, depth = 0): boolean {
  const t = tokenize(line);
  const { stages, parts, redirects, error } = t;
  if (error || stages[0].length === 0) return stages[0].length === 0 && !error;
  // `COMMAND &` starts a job that later lines name (`kill %1`, `fg`): never only a look.
  if (t.background !== undefined) return false;
  // `kubectl get deploy web -o yaml > web.yaml` writes a file of the editor: a change.
  if (redirects.some((rs) => rs.some((r) => r.kind === 'write' && !STREAM_FILES.has(r.raw)))) return false;
  // A pipeline only looks when each of its commands does (`kubectl get pods | grep web`, not `… | kubectl apply -f -`),
  // and so does every command substitution in it (`kubectl get $(kubectl delete pod x -o name)` deletes). An
  // assignment (`POD=$(…)`) is no look: later lines read the variable.
  // `${NS:=default}` sets NS, which later lines may read.
  if (parts.some((stage) => stage.some((word) => word.some((p) => p.kind === 'var' && p.fallback?.assign)))) return false;
  // In a loop or an if, the commands after `do`, `then`, `while` … count; a `for` sets its variable, which later lines may read.
  const commands = stages.map((words, s) => {
    const { skip, forHeader } = reservedPrefix(t, s);
    return forHeader ? undefined : words.slice(skip);
  });
  return commands.every((words) => words !== undefined && (words.length === 0 || commandIsLookOnly(words))) && parts.every((stage) => stage.every((word) => substitutions(word).every((s) => depth < 8 && isLookOnly(s.line, depth + 1))));
}

function commandIsLookOnly(words: readonly string[]): boolean {
  const [cmd, sub] = words;
  if (cmd === 'watch') return isLookOnly(words.slice(watchedFrom(words)).join(' '), 1);
  if (cmd === 'kubectl') {
    if (words.includes('--help') || words.includes('-h')) return true;
    const [verb, subVerb] = kubectlVerbs(words);
    if (verb === undefined || verb === 'help') return true;
    if (verb === 'rollout') return subVerb !== undefined && ROLLOUT_READS.has(subVerb);
    if (verb === 'config') return subVerb !== undefined && CONFIG_READS.has(subVerb);
    return KUBECTL_READS.has(verb);
  }
  if (cmd === 'kubeplay') return sub === undefined || sub === 'help' || sub === '--help' || sub === '-h';
  if (cmd === 'docker') return dockerIsLookOnly(words);
  return SHELL_READS.has(cmd);
}

/** docker subcommands that only read the swarm (`-H HOST` skipped; any `--help`). */
const DOCKER_READS = new Set(['ls', 'list', 'ps', 'inspect', 'services', 'join-token']);

function dockerIsLookOnly(words: readonly string[]): boolean {
  if (words.includes('--help') || words.includes('-h')) return true;
  let i = 1;
  while (words[i] === '-H' || words[i] === '--host' || words[i]?.startsWith('--host=') || words[i]?.startsWith('-H=')) i += words[i].includes('=') ? 1 : 2;
  const [group, sub] = [words[i], words[i + 1]];
  if (group === undefined || group === 'help' || sub === undefined) return true;
  // `swarm join-token --rotate` changes the tokens.
  return DOCKER_READS.has(sub) && !words.includes('--rotate');
}

/** What one Undo takes off the end of a log: its last change and the looks and Ctrl+Cs after it. */
export interface UndoStep {
  /** The log without the step. */
  kept: LogEntry[];
  /** The removed entries, in order (what Redo puts back). */
  removed: LogEntry[];
  /** The command the step undoes (the change; or the last command when the log holds only looks). */
  line: string;
}

/**
 * The last step of `log` as Undo sees it: the last command that changed
 * something, with the look-only commands (and cancels) issued after it — a
 * learner who scaled and then looked undoes the scale, not the look. A log
 * of looks only gives back its last command. Undefined when there is no command.
 */
export function undoStep(log: readonly LogEntry[]): UndoStep | undefined {
  let lastCommand = -1;
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i];
    if (!('line' in e)) continue;
    if (lastCommand < 0) lastCommand = i;
    if (!isLookOnly(e.line)) return split(log, i);
  }
  return lastCommand < 0 ? undefined : split(log, lastCommand);
}

function split(log: readonly LogEntry[], at: number): UndoStep {
  const entry = log[at];
  // The file versions written just before the command belong to it.
  let from = at;
  while (from > 0 && 'file' in log[from - 1] && log[from - 1].at === entry.at) from--;
  return { kept: log.slice(0, from), removed: log.slice(from), line: 'line' in entry ? entry.line : '' };
}

/** Puts a step back: `removed` entries appended, in their original order and times. */
export function redoStep(log: readonly LogEntry[], removed: readonly LogEntry[]): LogEntry[] {
  return [...log, ...removed];
}

/** A log cut at virtual time `at` (ms since start): what ran up to and including it, and the future it drops. */
export function forkAt(log: readonly LogEntry[], at: number): { kept: LogEntry[]; dropped: LogEntry[] } {
  const cut = log.findIndex((e) => e.at > at);
  return cut < 0 ? { kept: [...log], dropped: [] } : { kept: log.slice(0, cut), dropped: log.slice(cut) };
}
