import { compoundOpen, joinerAfter } from './compound';
import { tokenize } from './tokenize';

/**
 * Whether `text` needs more lines to be a whole command, as bash's
 * interactive parser sees it (it then prompts with `> `): an open quote or
 * `$(`, a here-document still waiting for its end line, a last line
 * ending in `|`, `&&`, `||` or `\`, or a loop or an if without its `done`
 * or `fi` (unless the line already has a syntax error).
 * @example needsMoreLines('kubectl apply -f - <<EOF') // true
 * @example needsMoreLines('for i in 1 2 3') // true
 */
export function needsMoreLines(text: string): boolean {
  const t = tokenize(text);
  if (t.incomplete !== undefined) return true;
  // A syntax error (or a construct not simulated) ends the command where it is read, as bash's parser stops there.
  return t.error === undefined && compoundOpen(t);
}

/**
 * A script's commands, as bash reads them: one a line, except that a line
 * which leaves a command open (`needsMoreLines`) takes the lines after it
 * (a here-document's body keeps its indentation). Blank lines and comment
 * lines between commands are skipped; a command still open when the text
 * ends is the last one, as it is.
 * @example scriptCommands('kubectl apply -f - <<EOF\nkind: Pod\nEOF\nkubectl get pods') // two commands
 */
export function scriptCommands(text: string): string[] {
  const out: string[] = [];
  let open: string | undefined;
  // The text's last line break ends its last line; it starts no line of its own.
  for (const raw of text.replace(/\r?\n$/, '').split(/\r?\n/)) {
    if (open !== undefined) {
      open += `\n${raw}`;
    } else {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      open = line;
    }
    if (!needsMoreLines(open)) {
      out.push(open);
      open = undefined;
    }
  }
  if (open !== undefined) out.push(open);
  return out;
}

/** A command as the terminal echoes it: its prompt (`$ `, or a container shell's) before its first line, bash's `> ` before each line after. */
export function echoedCommand(line: string, prompt = '$ '): string {
  return `${prompt}${line.split('\n').join('\n> ')}`;
}

/**
 * A command typed over several lines as one line, as bash's history keeps
 * it (`for i in 1 2\ndo\n  echo $i\ndone` → `for i in 1 2; do echo $i; done`),
 * for ↑ to bring back; undefined when no one line says the same (a
 * here-document, a quoted line break, a comment).
 * @example oneLine('kubectl get pods &&\nkubectl get svc') // 'kubectl get pods && kubectl get svc'
 */
export function oneLine(text: string): string | undefined {
  if (!text.includes('\n')) return text;
  const t = tokenize(text);
  if (t.error !== undefined || t.incomplete !== undefined || t.redirects.some((rs) => rs.some((r) => r.kind === 'heredoc'))) return undefined;
  const line = t.list.map((item) => `${item.text}${joinerAfter(t, item)}`).join('').trimEnd();
  if (line.includes('\n') || JSON.stringify(tokenize(line).raw.flat()) !== JSON.stringify(t.raw.flat())) return undefined;
  return line;
}
