/**
 * A parser for the POSIX sh subset container commands use in practice
 * (`sh -c 'while true; do echo hi; sleep 5; done'`, the liveness demo's
 * `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600`): lists with
 * `;` `&` `&&` `||` and newlines, pipelines, `while`/`until`/`for`/`if`/
 * `case`-free compound commands, `{ …; }` and `( … )` groups, assignments,
 * redirections, single/double quotes, `$VAR`, `${VAR}`, `${VAR:-x}`, `$?`,
 * `$(…)` and backquotes, and with `bash` its indexed arrays. Anything else
 * is a parse error, reported as sh would (`sh: syntax error: …`, exit 2).
 */

import { ShellSyntaxError, type AndOr, type Assign, type Command, type Pipeline, type Redirect, type Script, type Word, type WordPart } from './ast';
import { arrayLiteral, braceParam, elementAssignment } from './bashSyntax';
import { isPlain, KEYWORDS, redirectOf, unexpected, type Tok } from './tokens';

/** Parses a script; `bash` accepts bash's indexed arrays (see `bashSyntax.ts`). */
/** Reserved words that can only close a compound command. */
const CLOSERS = new Set(['do', 'done', 'then', 'elif', 'else', 'fi', '}']);

export function parseScript(src: string, bash = false): Script {
  const p = new Parser(src, bash);
  const s = p.list(new Set());
  p.expectEnd();
  return s;
}

class Parser {
  private i = 0;
  private peeked: Tok | undefined;

  constructor(
    private readonly src: string,
    private readonly bash = false,
  ) {}

  expectEnd(): void {
    const t = this.peek();
    if (t.k !== 'eof') throw unexpected(t);
  }

  /** A list until one of the `stop` keywords (not consumed) or EOF / `)`. */
  list(stop: Set<string>): Script {
    const out: Script = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.k === 'eof') break;
      if (t.k === 'op' && t.v === ')') break;
      if (t.k === 'word' && stop.has(t.raw) && isPlain(t)) break;
      out.push(this.andOr());
      const sep = this.peek();
      if (sep.k === 'op' && (sep.v === ';' || sep.v === '&')) this.next();
      else if (sep.k === 'nl') this.next();
      else if (!(sep.k === 'eof' || (sep.k === 'op' && sep.v === ')') || (sep.k === 'word' && stop.has(sep.raw)))) {
        throw unexpected(sep);
      }
    }
    return out;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t.k === 'op' && (t.v === '&&' || t.v === '||')) {
        this.next();
        this.skipNewlines();
        rest.push({ op: t.v, pipeline: this.pipeline() });
      } else break;
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    const t = this.peek();
    if (t.k === 'word' && t.raw === '!' && isPlain(t)) {
      this.next();
      negate = true;
    }
    const commands = [this.command()];
    for (;;) {
      const n = this.peek();
      if (n.k === 'op' && n.v === '|') {
        this.next();
        this.skipNewlines();
        commands.push(this.command());
      } else break;
    }
    return { negate, commands };
  }

  private command(): Command {
    const t = this.peek();
    if (t.k === 'op' && t.v === '(') {
      this.next();
      const body = this.list(new Set());
      this.expectWord(')', true);
      return { t: 'group', body, subshell: true, redirects: this.redirects() };
    }
    if (t.k === 'word' && isPlain(t)) {
      switch (t.raw) {
        case 'while':
        case 'until': {
          this.next();
          const cond = this.list(new Set(['do']));
          this.expectWord('do');
          const body = this.list(new Set(['done']));
          this.expectWord('done');
          return { t: 'while', until: t.raw === 'until', cond, body, redirects: this.redirects() };
        }
        case 'for': {
          this.next();
          const name = this.next();
          if (name.k !== 'word' || !/^[A-Za-z_]\w*$/.test(name.raw)) throw new ShellSyntaxError('syntax error: bad for loop variable');
          this.skipNewlines();
          let items: Word[] | null = null;
          const n = this.peek();
          if (n.k === 'word' && n.raw === 'in') {
            this.next();
            items = [];
            for (;;) {
              const w = this.peek();
              if (w.k !== 'word') break;
              this.next();
              items.push(w.word);
            }
          }
          const sep = this.peek();
          if ((sep.k === 'op' && sep.v === ';') || sep.k === 'nl') this.next();
          this.skipNewlines();
          this.expectWord('do');
          const body = this.list(new Set(['done']));
          this.expectWord('done');
          return { t: 'for', name: name.raw, items, body, redirects: this.redirects() };
        }
        case 'if': {
          this.next();
          const branches: { cond: Script; body: Script }[] = [];
          let otherwise: Script | null = null;
          for (;;) {
            const cond = this.list(new Set(['then']));
            this.expectWord('then');
            const body = this.list(new Set(['elif', 'else', 'fi']));
            branches.push({ cond, body });
            const k = this.next();
            if (k.k !== 'word') throw new ShellSyntaxError('syntax error: unexpected end of file (expecting "fi")');
            if (k.raw === 'elif') continue;
            if (k.raw === 'else') {
              otherwise = this.list(new Set(['fi']));
              this.expectWord('fi');
            }
            break;
          }
          return { t: 'if', branches, otherwise, redirects: this.redirects() };
        }
        case '{': {
          this.next();
          const body = this.list(new Set(['}']));
          this.expectWord('}');
          return { t: 'group', body, subshell: false, redirects: this.redirects() };
        }
        default:
          if (CLOSERS.has(t.raw)) throw new ShellSyntaxError(`syntax error: unexpected "${t.raw}"`);
      }
    }
    return this.simple();
  }

  private simple(): Command {
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (t.k === 'op' && /^\d*(>>|>&|>|<)$/.test(t.v)) {
        redirects.push(this.redirect());
        continue;
      }
      if (t.k !== 'word') break;
      if (words.length > 0 || !this.assignment(t, assigns)) {
        if (words.length === 0 && KEYWORDS.has(t.raw) && isPlain(t) && t.raw !== '!' && t.raw !== 'in') break;
        this.next();
        words.push(t.word);
      }
    }
    if (words.length === 0 && assigns.length === 0 && redirects.length === 0) {
      const t = this.peek();
      throw unexpected(t);
    }
    return { t: 'simple', assigns, words, redirects };
  }

  private assignment(t: Tok & { k: 'word' }, assigns: Assign[]): boolean {
    const first = t.word[0];
    if (!first || first.t !== 'lit') return false;
    const el = this.bash ? elementAssignment(first.v) : undefined;
    if (el) {
      this.next();
      assigns.push({ name: el.name, index: new Parser(el.subscript, true).wordOnly(), value: [{ t: 'lit', v: el.rest }, ...t.word.slice(1)] });
      return true;
    }
    const m = /^([A-Za-z_]\w*)=/.exec(first.v);
    if (!m) return false;
    this.next();
    const n = this.peek();
    if (this.bash && t.raw === m[0] && n.k === 'op' && n.v === '(') {
      this.next();
      assigns.push({ name: m[1], value: [], array: arrayLiteral(() => this.next()) });
      return true;
    }
    const value: Word = [{ t: 'lit', v: first.v.slice(m[0].length) }, ...t.word.slice(1)];
    assigns.push({ name: m[1], value });
    return true;
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (t.k === 'op' && /^\d*(>>|>&|>|<)$/.test(t.v)) out.push(this.redirect());
      else return out;
    }
  }

  private redirect(): Redirect {
    const op = this.next() as { k: 'op'; v: string };
    return redirectOf(op.v, this.next());
  }

  /** The next token (after newlines) must be the word `w`, or the operator `w` when `op`. */
  private expectWord(w: string, op = false): void {
    this.skipNewlines();
    const t = this.next();
    if (op ? t.k !== 'op' || t.v !== w : t.k !== 'word' || t.raw !== w) throw unexpected(t, w);
  }

  private skipNewlines(): void {
    while (this.peek().k === 'nl') this.next();
  }

  private peek(): Tok {
    if (!this.peeked) this.peeked = this.lex();
    return this.peeked;
  }

  private next(): Tok {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private lex(): Tok {
    const s = this.src;
    for (;;) {
      while (this.i < s.length && (s[this.i] === ' ' || s[this.i] === '\t' || (s[this.i] === '\\' && s[this.i + 1] === '\n'))) this.i += s[this.i] === '\\' ? 2 : 1;
      if (s[this.i] === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
        continue;
      }
      break;
    }
    if (this.i >= s.length) return { k: 'eof' };
    const c = s[this.i];
    if (c === '\n') {
      this.i++;
      return { k: 'nl' };
    }
    for (const op of ['&&', '||', ';;', '>>', '>&', '2>&', '2>>', '2>', ';', '&', '|', '(', ')', '>', '<']) {
      if (s.startsWith(op, this.i)) {
        // `2>` only right at a word boundary (it is a redirection of fd 2).
        this.i += op.length;
        return { k: 'op', v: op === ';;' ? ';' : op };
      }
    }
    return this.word();
  }

  private word(): Tok {
    const s = this.src;
    const parts: Word = [];
    let raw = '';
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ t: 'lit', v: lit });
      lit = '';
    };
    const start = this.i;
    while (this.i < s.length) {
      const c = s[this.i];
      if (' \t\n;&|()<>'.includes(c)) break;
      if (c === '\\') {
        lit += s[this.i + 1] ?? '';
        this.i += 2;
      } else if (c === "'") {
        const end = s.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string');
        lit += s.slice(this.i + 1, end);
        this.i = end + 1;
        if (lit === '') parts.push({ t: 'lit', v: '' });
      } else if (c === '"') {
        this.i++;
        let any = false;
        while (this.i < s.length && s[this.i] !== '"') {
          const d = s[this.i];
          if (d === '\\' && '$`"\\\n'.includes(s[this.i + 1] ?? '')) {
            lit += s[this.i + 1];
            this.i += 2;
          } else if (d === '$' || d === '`') {
            flush();
            parts.push(this.dollar(true));
          } else {
            lit += d;
            this.i++;
          }
          any = true;
        }
        if (this.i >= s.length) throw new ShellSyntaxError('syntax error: unterminated quoted string');
        this.i++;
        if (!any) parts.push({ t: 'lit', v: '' });
      } else if (c === '$' || c === '`') {
        flush();
        parts.push(this.dollar(false));
      } else {
        lit += c;
        this.i++;
      }
    }
    flush();
    raw = s.slice(start, this.i);
    return { k: 'word', word: parts, raw };
  }

  private dollar(quoted: boolean): WordPart {
    const s = this.src;
    if (s[this.i] === '`') {
      const end = s.indexOf('`', this.i + 1);
      if (end < 0) throw new ShellSyntaxError('syntax error: unterminated `');
      const inner = s.slice(this.i + 1, end);
      this.i = end + 1;
      return { t: 'sub', script: parseScript(inner, this.bash), quoted };
    }
    this.i++; // $
    const c = s[this.i];
    if (c === '(' && s[this.i + 1] === '(') {
      const end = s.indexOf('))', this.i);
      if (end < 0) throw new ShellSyntaxError('syntax error: missing ))');
      const expr = s.slice(this.i + 2, end);
      this.i = end + 2;
      return { t: 'arith', expr };
    }
    if (c === '(') {
      let depth = 1;
      let j = this.i + 1;
      while (j < s.length && depth > 0) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')') depth--;
        j++;
      }
      if (depth > 0) throw new ShellSyntaxError('syntax error: unterminated $(');
      const inner = s.slice(this.i + 1, j - 1);
      this.i = j;
      return { t: 'sub', script: parseScript(inner, this.bash), quoted };
    }
    if (c === '{') {
      const end = s.indexOf('}', this.i);
      if (end < 0) throw new ShellSyntaxError('syntax error: missing }');
      const body = s.slice(this.i + 1, end);
      this.i = end + 1;
      return braceParam(body, quoted, this.bash, (src) => new Parser(src, this.bash).wordOnly());
    }
    const m = /^([A-Za-z_]\w*|[?#$0-9@*])/.exec(s.slice(this.i));
    if (!m) return { t: 'lit', v: '$' };
    this.i += m[1].length;
    return { t: 'var', name: m[1], quoted };
  }

  /** The whole source as one word (for `${X:-default}` arguments). */
  wordOnly(): Word {
    if (this.src === '') return [{ t: 'lit', v: '' }];
    const parts: Word = [];
    let lit = '';
    while (this.i < this.src.length) {
      const c = this.src[this.i];
      if (c === '$' || c === '`') {
        if (lit) parts.push({ t: 'lit', v: lit });
        lit = '';
        parts.push(this.dollar(false));
      } else if (c === '"' || c === "'") this.i++;
      else {
        lit += c;
        this.i++;
      }
    }
    if (lit) parts.push({ t: 'lit', v: lit });
    return parts;
  }
}
