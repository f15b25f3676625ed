import { inertOutput } from './inertOutput';
import type { Terminal as XTerm } from '@xterm/xterm';
import type { TerminalEvent, TranscriptLine } from '../../state/index';
import { applyCompletion, formatChoices } from './completion';
import { emacsKey } from './emacsKeys';
import { HistoryCursor } from './historyCursor';
import { drawPrompt, erasePrompt, finishPrompt, printable, type PromptLine } from './promptLine';

/** What the terminal view may ask of the app (all through state actions). */
export interface TerminalActions {
  runCommand(line: string): void;
  cancelCommand(): void;
  abandonLine(text: string): void;
  clearTerminal(): void;
  complete(line: string, cursor: number): string[];
  needsMoreLines(text: string): boolean;
  /** The prompt when it is not `$ `: a container shell's (`kubectl exec -it POD -- sh`). */
  prompt(): string | undefined;
  isBusy(): boolean;
  history(): readonly string[];
}

const PROMPT = '\x1b[1;34m$\x1b[0m ';
/** bash's PS2: the prompt for the next line of a command still open (a here-document's body). */
const CONTINUATION = '\x1b[2m>\x1b[0m ';
const PROMPT_WIDTH = 2;
/** The shell's prompt in a folder other than home (`~/overlays/dev $ `). */
const FOLDER_PROMPT = /^~\/\S* \$ /;

/** A folder prompt with its folder tinted and its `$` as at home; any other prompt (a container's) as it is. */
function colouredPrompt(prompt: string): string {
  return FOLDER_PROMPT.test(prompt) ? `\x1b[36m${prompt.slice(0, -3)}\x1b[0m ${PROMPT}` : prompt;
}
const DIM = '\x1b[2m';
const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

/**
 * The terminal's behavior, apart from React: xterm draws, a real `<input>`
 * (the accessible textbox named "Terminal") holds the line being edited, and
 * this class keeps the two in step — prompt, redraws, history, completion,
 * Ctrl+C, Ctrl+L — and writes the app's terminal events.
 */
export class TerminalController {
  private promptShown = false;
  private cursorRow = 0;
  private atLineStart = true;
  private history: HistoryCursor | undefined;
  private readonly pending: string[] = [];
  private promptQueued = false;
  /** The lines typed so far of a command still open, shown with `> ` prompts until it is whole. */
  private continued: string[] = [];

  constructor(
    private readonly term: XTerm,
    private readonly input: HTMLInputElement,
    private readonly actions: TerminalActions,
  ) {}

  /** Writes the transcript so far (after a remount) and shows the prompt. */
  replay(lines: readonly TranscriptLine[]): void {
    // xterm draws no cursor until its own textarea has been focused or a mode switch
    // happened; ours never is, so reset the (inactive) alternate screen to show it.
    this.term.write('\x1b[?1047l');
    for (const { text } of lines) {
      const folder = FOLDER_PROMPT.exec(text);
      if (text.startsWith('$ ')) this.term.write(`${PROMPT}${text.slice(2)}\r\n`);
      else if (folder) this.term.write(`${colouredPrompt(folder[0])}${text.slice(folder[0].length)}\r\n`);
      else if (text.startsWith('# ')) this.term.write(`${DIM}${text}${RESET}\r\n`);
      else this.term.write(`${text}\r\n`);
    }
    this.atLineStart = true;
    this.queuePrompt();
  }

  private line(): PromptLine {
    const value = this.input.value;
    const cursor = this.input.selectionStart ?? value.length;
    const end = this.input.selectionEnd ?? cursor;
    const selected = end > cursor ? ([cursor, end] as const) : undefined;
    if (this.continued.length > 0) return { prompt: CONTINUATION, promptWidth: PROMPT_WIDTH, value, cursor, cols: this.term.cols, selected };
    const container = this.actions.prompt();
    return { prompt: container === undefined ? PROMPT : colouredPrompt(container), promptWidth: container?.length ?? PROMPT_WIDTH, value, cursor, cols: this.term.cols, selected };
  }

  /** Redraws the prompt line from the input's value and caret. */
  redraw(): void {
    if (!this.promptShown) return;
    const drawn = drawPrompt(this.cursorRow, this.line());
    this.cursorRow = drawn.cursorRow;
    this.term.write(drawn.sequence);
  }

  /** After a resize, xterm reflows: recompute where the cursor is and redraw. */
  resized(): void {
    if (!this.promptShown) return;
    const { promptWidth, cursor } = this.line();
    this.cursorRow = Math.floor((promptWidth + cursor) / this.term.cols);
    this.redraw();
  }

  private showPrompt(): void {
    if (this.promptShown) return;
    if (!this.atLineStart) this.term.write('\r\n');
    this.atLineStart = true;
    this.promptShown = true;
    this.cursorRow = 0;
    this.term.write('\x1b[?25h');
    this.redraw();
  }

  private hidePrompt(): void {
    if (!this.promptShown) return;
    this.term.write(erasePrompt(this.cursorRow));
    this.promptShown = false;
    this.cursorRow = 0;
  }

  /** Shows the prompt once the current burst of events is over, unless a command still runs. */
  private queuePrompt(): void {
    if (this.promptQueued) return;
    this.promptQueued = true;
    queueMicrotask(() => {
      this.promptQueued = false;
      if (this.actions.isBusy()) return;
      const next = this.pending.shift();
      if (next !== undefined) this.enter(next);
      else this.showPrompt();
    });
  }

  private write(text: string, color = ''): void {
    if (text === '') return;
    this.hidePrompt();
    this.term.write(color ? `${color}${text}${RESET}` : text);
    this.atLineStart = text.endsWith('\n');
  }

  /** Draws one event from the app. */
  handle(event: TerminalEvent): void {
    switch (event.type) {
      case 'command':
        // A command typed here is already on screen; one issued by a button is echoed as if typed.
        if (event.source === 'ui') {
          this.write(`${this.atLineStart ? '' : '\r\n'}${PROMPT}${event.line.split('\n').map(printable).join(`\r\n${CONTINUATION}`)}\r\n`);
        }
        break;
      case 'output':
        // kubectl's warnings are advice, its errors are failures: tint them apart.
        this.write(inertOutput(event.text), event.stream === 'stdout' ? '' : event.text.startsWith('Warning:') ? YELLOW : RED);
        break;
      case 'interrupt':
        this.write('^C\r\n');
        break;
      case 'notice':
        this.write(`${this.atLineStart ? '' : '\r\n'}${DIM}# ${event.text}${RESET}\r\n`);
        break;
      case 'clear':
        this.promptShown = false;
        this.cursorRow = 0;
        this.term.clear();
        this.term.write('\x1b[2J\x1b[H');
        this.atLineStart = true;
        break;
      case 'idle':
        break;
      case 'type':
        this.type(event.text);
        break;
    }
    this.queuePrompt();
  }

  /**
   * Text typed on the learner's behalf (a lesson's Run or Edit): its whole lines are entered one
   * after the other, after the running command if there is one, as a shell's type-ahead; what was
   * being edited stays. A last line without a line break replaces the line being edited, with its
   * first `<placeholder>` selected, and the input takes the focus (once the view showing it has
   * been drawn: on a phone the terminal comes forward in the same click).
   */
  private type(text: string): void {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const rest = lines.pop() ?? '';
    this.pending.push(...lines);
    if (rest === '') return;
    const hole = /<[^<>\s][^<>]*>/.exec(rest);
    this.setValue(rest);
    if (hole) this.input.setSelectionRange(hole.index, hole.index + hole[0].length);
    setTimeout(() => this.input.focus(), 0);
  }

  /**
   * A line entered (typed, or one of a paste): its prompt line (redrawn with
   * exactly this text) becomes part of the scrollback; then the command
   * runs, or, while it is still open (a here-document waiting for its end
   * line), the next line is asked for with `> `, as bash does.
   */
  private enter(line: string): void {
    this.hidePrompt();
    this.showPromptWith(line);
    this.term.write(finishPrompt(this.cursorRow, { ...this.line(), value: line, cursor: line.length }));
    this.promptShown = false;
    this.cursorRow = 0;
    this.atLineStart = true;
    this.history = undefined;
    const text = [...this.continued, line].join('\n');
    if (this.actions.needsMoreLines(text)) {
      this.continued.push(line);
      this.queuePrompt();
      return;
    }
    this.continued = [];
    this.term.write('\x1b[?25l');
    this.actions.runCommand(text);
    if (!this.actions.isBusy()) this.term.write('\x1b[?25h');
    this.queuePrompt();
  }

  private showPromptWith(line: string): void {
    const saved = this.input.value;
    const caret = this.input.selectionStart;
    this.input.value = line;
    this.input.setSelectionRange(line.length, line.length);
    this.showPrompt();
    this.input.value = saved;
    if (caret !== null) this.input.setSelectionRange(caret, caret);
  }

  /**
   * Pasting several lines runs them one after the other, as in a shell; the
   * text after the last line break stays on the prompt.
   */
  paste(ev: ClipboardEvent): void {
    const text = ev.clipboardData?.getData('text/plain') ?? '';
    if (!/[\r\n]/.test(text)) return;
    ev.preventDefault();
    const { value } = this.input;
    const start = this.input.selectionStart ?? value.length;
    const end = this.input.selectionEnd ?? start;
    const lines = (value.slice(0, start) + text + value.slice(end)).replace(/\r\n?/g, '\n').split('\n');
    const rest = lines.pop() ?? '';
    this.pending.push(...lines);
    this.input.value = rest;
    this.input.setSelectionRange(rest.length, rest.length);
    this.queuePrompt();
  }

  private setValue(value: string, cursor = value.length): void {
    this.input.value = value;
    this.input.setSelectionRange(cursor, cursor);
    this.redraw();
  }

  /** Keys with a terminal meaning; everything else is plain line editing in the input. */
  keydown(ev: KeyboardEvent): void {
    // Keys that confirm an IME composition belong to the IME.
    if (ev.isComposing || ev.keyCode === 229) return;
    if (!['Shift', 'Control', 'Alt', 'Meta', 'PageUp', 'PageDown'].includes(ev.key)) this.term.scrollToBottom();
    const ctrl = ev.ctrlKey && !ev.altKey && !ev.metaKey;
    const key = ev.key.length === 1 ? ev.key.toLowerCase() : ev.key;
    if (key === 'Enter' && !ev.shiftKey) {
      ev.preventDefault();
      const line = this.input.value;
      this.input.value = '';
      if (this.actions.isBusy()) {
        // Typed ahead while a command waits: run it when the prompt comes back, as a shell does.
        this.pending.push(line);
        this.write(`${printable(line)}\r\n`);
      } else this.enter(line);
      return;
    }
    if (ctrl && key === 'c') {
      if (this.input.selectionStart !== this.input.selectionEnd) return; // copy the selected text
      ev.preventDefault();
      if (this.term.hasSelection()) {
        void navigator.clipboard?.writeText(this.term.getSelection()).catch(() => {});
        return;
      }
      if (this.actions.isBusy()) {
        this.pending.length = 0;
        this.actions.cancelCommand();
        return;
      }
      const text = this.input.value;
      this.hidePrompt();
      this.term.write(`${this.line().prompt}${printable(text)}^C\r\n`);
      // The whole command is abandoned, the lines typed before this one too.
      this.actions.abandonLine([...this.continued, text].join('\n'));
      this.continued = [];
      this.input.value = '';
      this.history = undefined;
      this.atLineStart = true;
      this.showPrompt();
      return;
    }
    if (ctrl && key === 'd' && this.input.value === '' && this.continued.length === 0 && !this.actions.isBusy() && this.actions.prompt() !== undefined) {
      // End of input to a container's shell: it exits, as it does on a real terminal.
      ev.preventDefault();
      this.enter('exit');
      return;
    }
    if (ctrl && key === 'l') {
      ev.preventDefault();
      this.actions.clearTerminal();
      return;
    }
    const edited = ctrl ? emacsKey(key, { value: this.input.value, cursor: this.input.selectionStart ?? this.input.value.length }) : undefined;
    if (edited) {
      ev.preventDefault();
      this.setValue(edited.value, edited.cursor);
      return;
    }
    switch (ev.key) {
      case 'Tab': {
        ev.preventDefault();
        if (ev.shiftKey || this.actions.isBusy()) return;
        this.completeWord();
        return;
      }
      case 'ArrowUp':
      case 'ArrowDown': {
        ev.preventDefault();
        // A command no one line can say (a here-document) cannot be edited in the one-line input: ↑ skips it.
        this.history ??= new HistoryCursor(this.actions.history().filter((l) => !l.includes('\n')));
        const next = ev.key === 'ArrowUp' ? this.history.up(this.input.value) : this.history.down();
        if (next !== undefined) this.setValue(next);
        return;
      }
      case 'PageUp':
      case 'PageDown':
        ev.preventDefault();
        this.term.scrollPages(ev.key === 'PageUp' ? -1 : 1);
        return;
      default:
        // Line editing (characters, arrows, Home/End, Backspace, Delete) is the input's own;
        // the prompt is redrawn on `input` and `selectionchange`.
        requestAnimationFrame(() => this.redraw());
    }
  }

  private completeWord(): void {
    const value = this.input.value;
    const cursor = this.input.selectionStart ?? value.length;
    const result = applyCompletion(value, cursor, this.actions.complete(value, cursor));
    if (result.choices.length > 0) {
      this.term.write(finishPrompt(this.cursorRow, this.line()));
      this.term.write(`${formatChoices(result.choices, this.term.cols).replace(/\n/g, '\r\n')}\r\n`);
      this.cursorRow = 0;
    }
    this.setValue(result.line, result.cursor);
  }
}
