import type { ImageProfile } from '../../images/catalog';
import { BUILTINS, STANDARD_DIRS } from './builtins';
import { normalize } from './paths';
import { mountPointsOf } from './types';

/** What Tab completion in a container's shell looks at. */
export interface CompletionScope {
  files: Map<string, string>;
  cwd: string;
  /** The commands the shell can run: its builtins and tools, the image's programs. */
  commands: readonly string[];
}

/** Words after which the next word is a command again. */
const COMMAND_STARTS = new Set(['|', '||', '&&', ';', '&', '(', '{', '!', 'do', 'then', 'else', 'elif', 'while', 'until', 'if', 'time', 'sudo', 'exec', 'xargs', 'nohup', 'env']);

/**
 * Tab in a container's shell, as bash's (and busybox ash's) completion
 * does it: the word before the cursor as a command name where a command
 * starts (no `/` in it), else as a path — the names in its directory that
 * begin with it, a directory's with a `/` after it, dot files only for a
 * word that starts with a dot. Returns whole words, sorted.
 */
export function completeInContainer(line: string, cursor: number, scope: CompletionScope): string[] {
  const before = line.slice(0, cursor);
  const words = before.split(/\s+/);
  const word = words.pop() ?? '';
  const previous = words.filter((w) => w !== '');
  const atCommand = previous.length === 0 || COMMAND_STARTS.has(previous[previous.length - 1]) || /[|;&(]$/.test(previous[previous.length - 1]);
  if (atCommand && !word.includes('/')) return [...new Set(scope.commands.filter((c) => c.startsWith(word)))].sort();
  return completePath(word, scope);
}

/** The paths that complete `word` (relative to the shell's directory unless it starts with `/`). */
function completePath(word: string, scope: CompletionScope): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = word.slice(0, slash + 1);
  const base = word.slice(slash + 1);
  const dir = normalize(dirPart.startsWith('/') ? dirPart : `${scope.cwd}/${dirPart}`);
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const entries = new Map<string, boolean>();
  const add = (path: string) => {
    if (!path.startsWith(prefix) || path === prefix) return;
    const rest = path.slice(prefix.length);
    const cut = rest.indexOf('/');
    const name = cut < 0 ? rest : rest.slice(0, cut);
    if (name === '') return;
    entries.set(name, entries.get(name) === true || cut >= 0);
  };
  for (const k of scope.files.keys()) add(k);
  for (const m of mountPointsOf(scope.files)) add(`${m}/`);
  for (const d of STANDARD_DIRS) add(`${d}/`);
  const out: string[] = [];
  for (const [name, isDir] of entries) {
    if (!name.startsWith(base) || (name.startsWith('.') && !base.startsWith('.'))) continue;
    out.push(`${dirPart}${name}${isDir ? '/' : ''}`);
  }
  return out.sort();
}

/** The commands a container of `profile` has: the shell's builtins and tools, `sh` (and `bash`), the image's own programs. */
export function containerCommands(profile: ImageProfile): string[] {
  const names = Object.keys(BUILTINS).filter((n) => /^[a-z]/.test(n));
  names.push('sh', 'env');
  if (!profile.noBash) names.push('bash');
  for (const p of [...(profile.tools ?? []), ...(profile.binaries ?? []), ...(profile.checks ?? [])]) names.push(p.slice(p.lastIndexOf('/') + 1));
  return names;
}
