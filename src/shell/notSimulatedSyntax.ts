/**
 * bash syntax this terminal does not run, said so as soon as the tokenizer
 * reads it at the start of a command (instead of bash's syntax error for a
 * construct it does not know, or a `> ` prompt asking for the rest):
 * `case … esac` and function definitions (`f() { …; }`, `function f`).
 */
const NOT_SIMULATED_CASE = 'case … esac is not simulated in this terminal; test the value with if … elif … else … fi ([ "$x" = a ], [[ $x == web-* ]])';
const NOT_SIMULATED_FUNCTION = 'shell functions are not simulated in this terminal; repeat the commands, or loop over the values with for … do … done';

/** Reserved words after which the next word starts a command again (`do case …`, `then f() …`). */
const LEADING = new Set(['do', 'then', 'else', 'elif', 'if', 'while', 'until', '!', '{']);

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Follows one pipeline stage's words as they are read: where its command
 * word is (after any leading reserved words), and whether that word, or it
 * and the next, begin a construct not simulated.
 */
export class CommandStart {
  /** The message for the first construct not simulated seen, if any. */
  refused: string | undefined;
  private at = 0;
  private name: string | undefined;

  /** Reads the word at `index` of the stage (unquoted unless `quoted`); the first construct not simulated is kept in `refused`. */
  see(index: number, word: string, quoted: boolean): void {
    this.refused ??= this.check(index, word, quoted);
  }

  private check(index: number, word: string, quoted: boolean): string | undefined {
    if (index === 0) {
      this.at = 0;
      this.name = undefined;
    }
    if (index === this.at) {
      if (quoted) return undefined;
      if (LEADING.has(word)) {
        this.at++;
        return undefined;
      }
      if (word === 'case') return NOT_SIMULATED_CASE;
      if (word === 'function') return NOT_SIMULATED_FUNCTION;
      if (word.endsWith('()') && NAME.test(word.slice(0, -2))) return NOT_SIMULATED_FUNCTION;
      this.name = NAME.test(word) ? word : undefined;
      return undefined;
    }
    if (index === this.at + 1 && this.name !== undefined && word === '()' && !quoted) return NOT_SIMULATED_FUNCTION;
    return undefined;
  }
}
