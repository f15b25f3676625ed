/**
 * Which commands only look: they change no object, move no clock, draw no
 * random number. A "current state" share drops them (the cluster they
 * leave is the same without them); anything not known to be read-only is
 * kept.
 */
import { tokenize } from '../shell/tokenize';

/** kubectl verbs that read and write nothing. */
const KUBECTL_READS = new Set(['get', 'describe', 'explain', 'api-resources', 'api-versions', 'version', 'cluster-info', 'events', 'logs', 'wait']);
/** kubectl verbs whose sub-verbs read and write nothing. */
const KUBECTL_READ_SUBS: Readonly<Record<string, readonly string[]>> = {
  rollout: ['status', 'history'],
  config: ['view', 'get-contexts', 'current-context', 'get-clusters'],
  auth: ['can-i', 'whoami'],
};
/** kubectl's global flags that take the next word as their value (`kubectl -n web get pods`). */
const VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--request-timeout']);

/** The words after `kubectl`'s global flags: the verb and its sub-verb. */
function verbs(words: readonly string[]): string[] {
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

/**
 * Whether running `line` leaves the cluster as it was (so a replay without it reaches the same state).
 * @example isReadOnlyCommand('kubectl get pods -o wide') // true
 */
export function isReadOnlyCommand(line: string): boolean {
  const { words, error } = tokenize(line);
  if (error) return true; // The shell refuses it before running anything.
  if (words.length === 0) return true;
  const [cmd] = words;
  if (cmd === 'kubeplay') return words[1] === 'help' || words[1] === undefined || words.includes('--help') || words.includes('-h');
  // The shell's own commands (sleep, echo, clear, help) only print or wait; anything else is "command not found".
  if (cmd !== 'kubectl') return true;
  if (words.includes('--help') || words.includes('-h')) return true;
  const [verb, sub] = verbs(words);
  if (verb === undefined || verb === 'help') return true;
  if (KUBECTL_READS.has(verb)) return true;
  return KUBECTL_READ_SUBS[verb]?.includes(sub ?? '') ?? false;
}
