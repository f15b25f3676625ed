/**
 * Which commands of a shared scenario the bash export may run on a real
 * machine. A link is anyone's to write: the playground answers "command not
 * found" to `rm -rf ~`, but bash would run it. So a command goes into the
 * script only when it is one the playground runs too (kubectl, docker, the
 * pipeline filters, echo, sleep, export, unset, xargs of one of these, a
 * variable assignment), and an expansion stays live (`$POD`, `$(kubectl …)`)
 * only when every command substitution in it passes the same test;
 * otherwise the word goes quoted, inert.
 */
import { assignmentOf, expands, FILTER_NAMES, isInteractiveShell, substitutions, tokenize, type Part, type Redirect } from '../shell/index';

const RUNS = new Set(['kubectl', 'docker', 'echo', 'sleep', 'export', 'unset', 'seq', 'test', '[', 'true', 'false', ':', 'break', 'continue', 'read', 'printf', 'watch', 'jobs', 'kill', 'wait', 'curl', ...FILTER_NAMES]);
/** xargs options that take a value as the next word. */
const XARGS_VALUE_OPTIONS = new Set(['-n', '-I', '-L', '-d', '-P', '-s', '-E']);

/** Whether a command (its words as written, expansions unexpanded) is one the export may run. */
export function runnable(words: readonly string[], parts: readonly Part[][]): boolean {
  let i = 0;
  while (i < parts.length && assignmentOf(parts[i]) !== undefined) i++;
  // Assignments only: a line that sets variables.
  if (i === words.length) return true;
  const cmd = words[i];
  if (cmd === 'xargs') {
    let j = i + 1;
    while (j < words.length && words[j].startsWith('-')) j += XARGS_VALUE_OPTIONS.has(words[j]) ? 2 : 1;
    return j < words.length && words[j] !== 'xargs' && RUNS.has(words[j]) && !parts[j].some((p) => p.kind !== 'text');
  }
  // The command's name itself must be plain text: `$CMD args` could be anything.
  return RUNS.has(cmd) && parts[i].every((p) => p.kind === 'text');
}

/** Whether a word's expansions may stay live in the script: each command substitution in it is a runnable pipeline whose own words are safe. */
export function safeExpansion(word: readonly Part[], depth = 0): boolean {
  if (depth > 8) return false;
  for (const s of substitutions(word)) {
    const t = tokenize(s.line);
    if (t.error !== undefined) return false;
    for (let k = 0; k < t.stages.length; k++) {
      if (!runnable(t.stages[k], t.parts[k])) return false;
      if (!t.parts[k].every((w) => safeExpansion(w, depth + 1))) return false;
    }
  }
  return true;
}

/** A word as bash reads it back. */
export function sh(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) || word === '[' || word === ']' ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A file a redirection may read in the script: one the script itself wrote (a plain relative name), or /dev/null. */
function scriptFile(path: string): boolean {
  return path === '/dev/null' || /^(\.\/)?[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(path);
}

/**
 * A command's redirections as the script writes them: the text after its
 * words, and the here-documents' lines, which go after the line. Undefined
 * when one may not run on a real machine: a file written or read outside
 * the script's folder, or a dotfile (`> ~/.bashrc`, `< /etc/passwd`).
 */
export function redirectsText(redirects: readonly Redirect[]): { inline: string; bodies: string[] } | undefined {
  const inline: string[] = [];
  const bodies: string[] = [];
  const live = (word: readonly Part[], raw: string) => (expands(word) && safeExpansion(word) ? raw : sh(raw));
  for (const r of redirects) {
    switch (r.kind) {
      case 'heredoc': {
        // An expansion stays live only when it is safe; else the body goes as typed, inert (a quoted delimiter).
        const liveBody = !r.quoted && (!expands(r.body) || safeExpansion(r.body)) && /^[A-Za-z0-9_]+$/.test(r.delimiter);
        inline.push(liveBody ? `<<${r.delimiter}` : `<<'${r.delimiter.replace(/'/g, '')}'`);
        bodies.push(`${r.text}${liveBody ? r.delimiter : r.delimiter.replace(/'/g, '')}`);
        break;
      }
      case 'herestring':
        inline.push(`<<< ${live(r.word, r.raw)}`);
        break;
      case 'read':
        if (expands(r.target) || !scriptFile(r.raw)) return undefined;
        inline.push(`< ${r.raw}`);
        break;
      case 'write':
        if (expands(r.target)) return undefined;
        if (r.raw === '/dev/null' || r.raw === '/dev/stdout' || r.raw === '/dev/stderr') inline.push(`${r.op}${r.raw}`);
        // A file of the playground's one folder, written in the script's: no path, no dotfile (`> .bashrc`).
        else if (/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(r.raw)) inline.push(`${r.op} ${r.raw}`);
        else return undefined;
        break;
      case 'dup':
        inline.push(r.op);
        break;
    }
  }
  return { inline: inline.join(' '), bodies };
}

/**
 * `kubectl exec -it POD -- sh` (its words as typed): the interactive shell
 * it opens, as the command that runs the session's lines from a script
 * (`-i` without `-t`: the shell reads them from standard input); undefined
 * for any other command.
 */
export function interactiveShell(words: readonly string[]): string[] | undefined {
  if (words[0] !== 'kubectl') return undefined;
  const dash = words.indexOf('--');
  // `kubectl run -it` may leave the shell to the image (`--image=busybox`, no command).
  const verb = words.slice(1, dash < 0 ? undefined : dash).find((w) => w === 'exec' || w === 'run');
  if (verb === undefined || (dash < 0 && verb === 'exec')) return undefined;
  const argv = dash < 0 ? [] : words.slice(dash + 1);
  if (!(verb === 'run' && argv.length === 0) && !isInteractiveShell(argv)) return undefined;
  const flags = words.slice(1, dash < 0 ? undefined : dash);
  const stdin = flags.some((f) => f === '--stdin' || /^-[a-z]*i[a-z]*$/.test(f));
  const tty = flags.some((f) => f === '--tty' || /^-[a-z]*t[a-z]*$/.test(f));
  if (!stdin || !tty) return undefined;
  const noTty = flags.flatMap((f) => (f === '--tty' ? [] : /^-[a-z]*t[a-z]*$/.test(f) ? (f.replace('t', '') === '-' ? [] : [f.replace('t', '')]) : [f]));
  return ['kubectl', ...noTty, ...(dash < 0 ? [] : ['--', ...argv])];
}

/** A line that ends an interactive shell (`exit`, `exit 3`, `logout`). */
export function endsShell(line: string): boolean {
  return /^(exit(\s+\d+)?|logout)$/.test(line.trim());
}
