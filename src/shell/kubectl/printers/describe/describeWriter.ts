import { tabwriteText } from '../text/tabwrite';
import { writeEscaped } from '../text/writeEscaped';

/**
 * kubectl's describe `PrefixWriter` over a tabwriter (`tabbedString`:
 * min width 0, padding 2): each write is indented two spaces per level and
 * escaped; `flush` ends the tabwriter's column blocks as `w.Flush()` does.
 */
export class DescribeWriter {
  private readonly segments: string[] = [];
  private current: string[] = [];

  /** `Write(level, text)`: the text gets `level` × two spaces in front. */
  write(level: number, text: string): void {
    this.current.push(writeEscaped('  '.repeat(level) + text));
  }

  /** `WriteLine(text)`: the text and a newline, no indentation. */
  writeLine(text: string): void {
    this.current.push(writeEscaped(`${text}\n`));
  }

  flush(): void {
    this.segments.push(this.current.join(''));
    this.current = [];
  }

  /** The tabwriter output (what `tabbedString` returns). */
  tabbed(): string {
    this.flush();
    return this.segments.map((s) => tabwriteText(s, { minWidth: 0, padding: 2 })).join('');
  }

  /** The raw text, tabs kept (a PrefixWriter over a plain buffer, as `rollout history` uses). */
  raw(): string {
    this.flush();
    return this.segments.join('');
  }
}

/** `tabbedString(func(out) { … })`. */
export function tabbedString(fill: (w: DescribeWriter) => void): string {
  const w = new DescribeWriter();
  fill(w);
  return w.tabbed();
}
