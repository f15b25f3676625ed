import { storageName } from '../sim/k8s/index';
import { BUILTINS } from './builtins/index';
import { BEFORE_COMMAND } from './compound';
import { watchedFrom } from './watch';
import { completeDocker } from './docker/complete';
import { FILTERS } from './filters/index';
import { childrenOf, ROOT } from './kubectl/commands/index';
import type { CommandSpec } from './kubectl/command';
import { GLOBAL_FLAGS } from './kubectl/globalFlags';
import { PLAYGROUND_COMMANDS } from './kubeplay/kubeplay';
import { JOB_BUILTINS } from './jobBuiltins';
import type { Job } from './jobs';
import type { ShellEnvironment } from './types';
import { FILE_COMMANDS } from './files/fileCommands';
import { completePaths } from './files/completePaths';

/**
 * Tab completion from the registries: commands and subcommands, flags,
 * resource types, and object names from the live cluster.
 */
export function completeLine(env: ShellEnvironment, line: string, cursor: number, jobs: () => readonly Job[] = () => []): string[] {
  // Only the command the cursor is in counts: what follows the last unquoted `|`.
  const before = line.slice(lastPipe(line.slice(0, cursor)) + 1, cursor);
  const words = before.split(/\s+/).filter((w, i, a) => w !== '' || i === a.length - 1);
  // In a loop or an if, the command starts after its reserved words (`do kubectl get po`).
  while (words.length > 1 && BEFORE_COMMAND.has(words[0])) words.shift();
  // `watch [-n SECS] COMMAND`: the command's words complete as typed alone.
  if (words.length > 1 && words[0] === 'watch') words.splice(0, Math.min(watchedFrom(words), words.length - 1));
  if (words.length === 0) words.push('');
  const current = words[words.length - 1];
  const done = words.slice(0, -1);
  const pick = (cands: Iterable<string>) => [...new Set(cands)].filter((c) => c.startsWith(current)).sort();
  if (done.length === 0) return pick(['kubectl', 'kubeplay', 'docker', ...BUILTINS.map((b) => b.name), ...FILTERS.map((f) => f.name), ...JOB_BUILTINS, 'curl', 'xargs', 'watch', 'export', 'unset', 'for', 'while', 'until', 'if', 'ls', ...FILE_COMMANDS.keys()]);
  // A file or a folder: after a redirection, for the file commands and the filters, and for kubectl's -f and -k.
  const prevWord = done[done.length - 1];
  if (env.workspace && !current.startsWith('-')) {
    if (['>', '>>', '<'].includes(prevWord) || ['ls', 'cat', ...FILE_COMMANDS.keys(), ...FILTERS.map((f) => f.name)].includes(done[0])) return completePaths(env.workspace, current, done[0] === 'cd' || done[0] === 'rmdir');
    if (done[0] === 'kubectl' && ['-f', '--filename', '-k', '--kustomize'].includes(prevWord)) return completePaths(env.workspace, current, prevWord === '-k' || prevWord === '--kustomize');
  }
  // A job spec for the job builtins (`kill %1`, `fg %2`).
  if (JOB_BUILTINS.has(done[0]) && (current === '' || current.startsWith('%'))) return pick(jobs().map((j) => `%${j.id}`));
  if (done[0] === 'docker') return completeDocker(env, done, current);
  if (done[0] === 'kubeplay') {
    const depth = done.length - 1;
    const full = PLAYGROUND_COMMANDS.find((c) => c.path.length === depth && c.path.every((p, i) => done[i + 1] === p));
    // A node command's NAME: the nodes there are (not for `node add`, whose NAME is new).
    if (full && full.path[0] === 'node' && full.path[1] !== 'add' && !current.startsWith('-')) return pick(env.cluster.client().list('nodes').map((n) => n.metadata.name));
    return pick(PLAYGROUND_COMMANDS.filter((c) => c.path.slice(0, depth).every((p, i) => done[i + 1] === p)).map((c) => c.path[depth]).filter((x) => x !== undefined));
  }
  if (done[0] !== 'kubectl') return [];
  let cmd: CommandSpec = ROOT;
  const positional: string[] = [];
  let namespace = env.kubeconfig?.namespace() ?? 'default';
  for (let i = 1; i < done.length; i++) {
    const w = done[i];
    if (w === '-n' || w === '--namespace') {
      namespace = done[i + 1] ?? namespace;
      i++;
      continue;
    }
    if (w.startsWith('--namespace=')) namespace = w.slice(12);
    if (w.startsWith('-')) continue;
    const child = positional.length === 0 ? childrenOf(cmd).find((c) => c.path[c.path.length - 1] === w || (c.aliases ?? []).includes(w)) : undefined;
    if (child) cmd = child;
    else positional.push(w);
  }
  const prev = done[done.length - 1];
  const resources = env.cluster.resources;
  if (prev === '-n' || prev === '--namespace') return pick(env.cluster.client().list('namespaces').map((n) => n.metadata.name));
  if (current.startsWith('-')) return pick([...cmd.flags, ...GLOBAL_FLAGS].flatMap((f) => [`--${f.name}`]));
  const kids = childrenOf(cmd);
  if (positional.length === 0 && kids.length > 0) return pick(kids.filter((c) => c.run).map((c) => c.path[c.path.length - 1]));
  const names = (resource: string) => {
    const info = resources.resolve(resource);
    if (!info) return [];
    return env.cluster
      .client()
      .list(storageName(info), { namespace: info.namespaced ? namespace : undefined })
      .map((o) => o.metadata.name);
  };
  if (cmd.completion === 'node') return pick(names('nodes'));
  // The kubeconfig's contexts, for the `kubectl config` commands that name one.
  if (cmd.path[0] === 'config' && /^(use-context|delete-context|rename-context|get-contexts|set-context)$/.test(cmd.path[1] ?? '') && positional.length === 0) return pick(env.kubeconfig?.contexts.keys() ?? []);
  if (cmd.completion !== 'resource' && cmd.completion !== 'pod') return [];
  if (current.includes('/')) {
    const type = current.slice(0, current.indexOf('/'));
    return pick(names(type).map((n) => `${type}/${n}`));
  }
  // kubectl's PodResourceNameCompletionFunc: a pod's name first.
  if (cmd.completion === 'pod') return positional.length === 0 ? pick(names('pods')) : [];
  if (positional.length === 0) return pick(resources.all.map((i) => i.resource));
  return pick(names(positional[0]));
}

/** Index of the last `|` outside quotes (a pipe between commands), or -1. */
function lastPipe(text: string): number {
  let quote: string | undefined;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    // A pipe or a list operator (`|`, `||`, `&&`, `;`): the command the cursor is in starts after it.
    else if (c === '|' || c === ';' || (c === '&' && text[i + 1] === '&')) last = c === '&' ? ++i : i;
  }
  return last;
}
