/** The result of pressing Tab: a new line and cursor, and candidates to list when ambiguous. */
export interface Completed {
  readonly line: string;
  readonly cursor: number;
  /** Shown below the prompt when the word cannot be completed further. */
  readonly choices: readonly string[];
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0];
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/**
 * Applies tab completion candidates (whole words) to the word ending at the
 * cursor, as bash does: one candidate completes the word and adds a space;
 * several extend it to their common prefix, or are listed when they cannot.
 * @example applyCompletion('kubectl ge', 10, ['get']).line // 'kubectl get '
 */
export function applyCompletion(line: string, cursor: number, candidates: readonly string[]): Completed {
  const start = Math.max(line.lastIndexOf(' ', cursor - 1) + 1, 0);
  const word = line.slice(start, cursor);
  const matching = candidates.filter((c) => c.startsWith(word));
  const pool = matching.length > 0 ? matching : candidates;
  if (pool.length === 0) return { line, cursor, choices: [] };
  const unique = [...new Set(pool)];
  const replace = (text: string) => ({ line: line.slice(0, start) + text + line.slice(cursor), cursor: start + text.length });
  if (unique.length === 1) {
    const only = unique[0];
    const suffix = /[/=]$/.test(only) || line.slice(cursor).startsWith(' ') ? '' : ' ';
    return { ...replace(only + suffix), choices: [] };
  }
  const prefix = commonPrefix(unique);
  if (prefix.length > word.length) return { ...replace(prefix), choices: [] };
  return { line, cursor, choices: unique };
}

/** Lays out choices in columns for a terminal `cols` wide (as bash lists completions). */
export function formatChoices(choices: readonly string[], cols: number): string {
  const width = Math.max(...choices.map((c) => c.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows: string[] = [];
  for (let i = 0; i < choices.length; i += perRow) {
    rows.push(choices.slice(i, i + perRow).map((c) => c.padEnd(width)).join('').trimEnd());
  }
  return rows.join('\n');
}
