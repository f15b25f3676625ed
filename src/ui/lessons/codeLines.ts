/**
 * How a lesson's code block is laid out in a narrow column. Commands and prose
 * lines wrap (with a hanging indent, so a wrapped command still reads as one),
 * while output laid out in columns (`docker service ls`, `kubectl get`, a
 * progress bar) keeps its lines whole and the block scrolls sideways:
 * wrapping such lines would scramble the columns. YAML keeps its indentation
 * and never wraps.
 */
export interface CodeLine {
  readonly text: string;
  /** The line may wrap. */
  readonly wraps: boolean;
}

/** Two or more spaces between words: the line is a row of a table. */
const COLUMNS = /\S {2,}\S/;

/** The block's lines and whether each may wrap (`lang` is the fence's language). */
export function codeLines(text: string, lang: string): CodeLine[] {
  const wrapping = lang === '' || lang === 'sh' || lang === 'bash' || lang === 'console' || lang === 'text';
  return text.split('\n').map((line) => ({ text: line, wraps: wrapping && !COLUMNS.test(line) }));
}
