import type { Node } from './compound';
import type { LineStream } from './lineStream';
import type { Part } from './expansion';
import { finished } from './execution';
import type { Execution, OutputSink } from './types';
import type { ShellVariables } from './variables';

/**
 * Running bash's compound commands (`compound.ts` parses them): each is an
 * Execution that starts its inner commands one at a time, so a `sleep` or
 * a `kubectl rollout status` inside a loop waits across virtual time like
 * one typed at the prompt, and Ctrl+C stops the whole loop.
 */

/** What running a compound command needs of its shell. */
export interface CompoundHost {
  vars: ShellVariables;
  /** Runs a pipeline (the text between reserved words) as a command line of its own; `read` in it reads `input`. */
  runLine(line: string, sink: OutputSink, input: LineStream | undefined): Execution;
  /** Expands a `for` loop's words (substitutions may wait), then tells `then` their fields. */
  expandWords(words: Part[][], sink: OutputSink, then: (fields: string[]) => void): Execution;
  /**
   * Runs a compound whose output is piped or redirected (`done | sort`,
   * `done > pods.txt`): `tail` is the text after its `done` or `fi`, and
   * `start` starts the compound writing to the sink it is given.
   */
  runTail(tail: string, start: (sink: OutputSink) => Execution, sink: OutputSink): Execution;
  /**
   * Runs a compound that a pipe feeds (`kubectl get pods -o name | while
   * read p; do …; done`): `head`, the pipeline before it, writes into the
   * stream that `start` starts the compound reading.
   */
  runHead(head: string, start: (input: LineStream) => Execution, sink: OutputSink): Execution;
  /**
   * Counts a loop's round: false once the command's loops have run
   * `MAX_ROUNDS_WITHOUT_WAITING` rounds since it last waited (the first
   * loop to meet the limit says so on `sink`; the loops around it end too).
   */
  round(sink: OutputSink): boolean;
}

/** A `break` or `continue` on its way out to the loop it is for (`levels` loops out). */
interface Jump {
  kind: 'break' | 'continue';
  levels: number;
}

/** An Execution that a `break` or `continue` inside it may end early. */
interface Step extends Execution {
  readonly jump: Jump | undefined;
}

/**
 * Rounds the loops of a command may run without ever waiting (handing
 * control back to the page): a loop that never waits (`while true; do echo
 * hi; done`, or one whose commands move the clock themselves) would
 * otherwise hang the page.
 */
export const MAX_ROUNDS_WITHOUT_WAITING = 10_000;

const JUMP_OUTSIDE = (kind: string) => `${kind}: only meaningful in a \`for', \`while', or \`until' loop`;

/** Where a command runs: its shell, its output, how many loops enclose it (a `break` outside every loop is only a message), and what `read` in it reads (the stream a pipe feeds it with). */
export interface Scope {
  host: CompoundHost;
  sink: OutputSink;
  loops: number;
  input: LineStream | undefined;
}

/** The base of the runners: the command running now, the status, Ctrl+C. `begin` starts it (after its fields are set). */
abstract class Runner<N> implements Step {
  protected current: Step | Execution | undefined;
  protected status = 0;
  protected over = false;
  private cancelled = false;
  jump: Jump | undefined;

  constructor(
    protected readonly node: N,
    protected readonly scope: Scope,
  ) {}

  begin(): this {
    this.proceed();
    return this;
  }

  get done(): boolean {
    return this.cancelled || this.over;
  }

  get exitCode(): number | undefined {
    if (this.cancelled) return 130;
    return this.over ? this.status : undefined;
  }

  get deadline(): number | undefined {
    return this.current?.deadline;
  }

  get wakeAt(): number | undefined {
    return this.current?.wakeAt;
  }

  poll(): boolean {
    if (this.done) return true;
    if (this.current === undefined || this.current.poll()) this.proceed();
    return this.done;
  }

  cancel(): void {
    if (this.done) return;
    this.cancelled = true;
    this.current?.cancel();
    this.current = undefined;
  }

  /** Goes on from where the command running last ended, until one waits or this is over. */
  protected abstract proceed(): void;

  protected finish(status: number, jump?: Jump): void {
    this.status = status;
    this.jump = jump;
    this.current = undefined;
    this.over = true;
  }

  /** Starts a list of this command's (a body, a condition), one loop deeper for a loop's. */
  protected list(nodes: readonly Node[], deeper = false): SequenceRun {
    return new SequenceRun(nodes, deeper ? { ...this.scope, loops: this.scope.loops + 1 } : this.scope).begin();
  }
}

/**
 * Starts one command of a list. A compound piped or redirected as a whole
 * runs as bash runs it, in a subshell of its own: a `break` in it ends it,
 * not the loops around it.
 */
function start(node: Node, scope: Scope): Step | Execution {
  const { host, sink } = scope;
  if (node.head !== undefined) return host.runHead(node.head, (input) => start({ ...node, head: undefined }, { ...scope, loops: 0, input }), sink);
  if (node.tail !== undefined && node.kind !== 'simple') return host.runTail(node.tail, (out) => start({ ...node, tail: undefined }, { ...scope, loops: 0, sink: out }), sink);
  switch (node.kind) {
    case 'simple':
      return host.runLine(node.text, sink, scope.input);
    case 'for':
      return new ForRun(node, scope).begin();
    case 'while':
      return new WhileRun(node, scope).begin();
    case 'if':
      return new IfRun(node, scope).begin();
    case 'jump':
      return jump(node, scope);
  }
}

/**
 * A list (`a && b || c; d`) as bash runs one: each command when the one
 * before it has finished — after `&&` only if its status was 0, after `||`
 * only if it was not; `!` inverts a command's status. Each status becomes
 * `$?`. A `break` or `continue` ends the list and goes out to its loop.
 */
export class SequenceRun extends Runner<readonly Node[]> {
  private next = 0;

  protected proceed(): void {
    const nodes = this.node;
    for (;;) {
      const ended = this.current;
      if (ended !== undefined) {
        if (!ended.done) return;
        const code = ended.exitCode ?? 0;
        this.status = nodes[this.next - 1].negate ? (code === 0 ? 1 : 0) : code;
        this.scope.host.vars.status = this.status;
        this.current = undefined;
        const jump = 'jump' in ended ? ended.jump : undefined;
        if (jump !== undefined) return this.finish(this.status, jump);
      }
      if (this.next === nodes.length) return this.finish(this.status);
      const op = this.next > 0 ? nodes[this.next - 1].op : undefined;
      const node = nodes[this.next++];
      if ((op === '&&' && this.status !== 0) || (op === '||' && this.status === 0)) continue;
      this.current = start(node, this.scope);
    }
  }
}

/** `break [N]`, `continue [N]`: finished at once, on its way out to its loop. */
function jump(node: Extract<Node, { kind: 'jump' }>, scope: Scope): Step {
  const { sink, loops } = scope;
  const ended = (exitCode: number, jump?: Jump): Step => ({ ...finished(exitCode), jump });
  if (loops === 0) {
    sink.stderr(`${JUMP_OUTSIDE(node.jump)}\n`);
    return ended(0);
  }
  if (typeof node.levels === 'string') {
    sink.stderr(`${node.jump}: ${node.levels}: numeric argument required\n`);
    return ended(128, { kind: 'break', levels: loops });
  }
  if (node.levels < 1) {
    sink.stderr(`${node.jump}: ${node.levels}: loop count out of range\n`);
    return ended(1);
  }
  return ended(0, { kind: node.jump, levels: Math.min(node.levels, loops) });
}

/** The loops' common part: a round's body, a `break`/`continue` it ends with, and the guard against a loop that never waits. */
abstract class LoopRun<N> extends Runner<N> {

  override get deadline(): number | undefined {
    // A loop has no timeout of its own: what its command waits for is only its next wake-up.
    return undefined;
  }

  override get wakeAt(): number | undefined {
    const c = this.current;
    if (c === undefined) return undefined;
    const a = c.wakeAt;
    const b = c.deadline;
    return a === undefined ? b : b === undefined ? a : Math.min(a, b);
  }

  /** A new round begins: false (and the loop is over, with a message) when too many ran at this instant. */
  protected newRound(): boolean {
    // Its reader has gone (`done | head -3`): the loop ends as SIGPIPE ends it.
    if (this.scope.sink.closed?.() === true) {
      this.finish(141);
      return false;
    }
    if (this.scope.host.round(this.scope.sink)) return true;
    this.finish(1);
    return false;
  }

  /**
   * The body (or a `while` condition) has ended with `ended`: its status
   * counts, and a `break` or `continue` is handled. Returns whether the
   * loop goes on to its next round.
   */
  protected afterBody(ended: Step | Execution, body: boolean): boolean {
    const code = ended.exitCode ?? 0;
    if (body) this.status = code;
    const jump = 'jump' in ended ? ended.jump : undefined;
    if (jump === undefined) return true;
    if (jump.levels > 1) {
      this.finish(this.status, { kind: jump.kind, levels: jump.levels - 1 });
      return false;
    }
    if (jump.kind === 'break') {
      this.finish(body ? code : this.status);
      return false;
    }
    return true;
  }
}

/** `for NAME in WORDS; do LIST; done`: the words expanded once, then a round per field with NAME set to it. */
class ForRun extends LoopRun<Extract<Node, { kind: 'for' }>> {
  private fields: string[] | undefined;
  private index = 0;
  private expanding = true;

  override begin(): this {
    const { words } = this.node;
    if (words === undefined) this.fields = [];
    else this.current = this.scope.host.expandWords(words, this.scope.sink, (f) => (this.fields = f));
    return super.begin();
  }

  protected proceed(): void {
    for (;;) {
      const ended = this.current;
      if (ended !== undefined) {
        if (!ended.done) return;
        this.current = undefined;
        if (this.expanding) {
          this.expanding = false;
          // An expansion that failed (`$((1/0))`) ran nothing: the loop is over with its status.
          if (this.fields === undefined) return this.finish(ended.exitCode ?? 1);
        } else if (!this.afterBody(ended, true)) return;
      }
      this.expanding = false;
      const fields = this.fields ?? [];
      if (this.index >= fields.length) return this.finish(this.status);
      if (!this.newRound()) return;
      this.scope.host.vars.set(this.node.name, fields[this.index++]);
      this.current = this.list(this.node.body, true);
    }
  }
}

/** `while LIST; do LIST; done` (`until`: while the condition fails). Its status is the last round's, 0 with none. */
class WhileRun extends LoopRun<Extract<Node, { kind: 'while' }>> {
  private inBody = false;

  protected proceed(): void {
    for (;;) {
      const ended = this.current;
      if (ended !== undefined) {
        if (!ended.done) return;
        this.current = undefined;
        if (!this.afterBody(ended, this.inBody)) return;
        const jumped = 'jump' in ended && ended.jump !== undefined;
        if (!this.inBody && !jumped) {
          const ok = (ended.exitCode ?? 0) === 0;
          if (ok === this.node.until) return this.finish(this.status);
          this.inBody = true;
          this.current = this.list(this.node.body, true);
          continue;
        }
      }
      if (!this.newRound()) return;
      this.inBody = false;
      this.current = this.list(this.node.cond, true);
    }
  }
}

/** `if LIST; then LIST; [elif LIST; then LIST;]… [else LIST;] fi`: its status is the branch run's, 0 when none ran. */
class IfRun extends Runner<Extract<Node, { kind: 'if' }>> {
  private clause = 0;
  private inBody = false;

  override begin(): this {
    this.current = this.list(this.node.clauses[0].cond);
    return super.begin();
  }

  protected proceed(): void {
    for (;;) {
      const ended = this.current;
      if (ended === undefined || !ended.done) return;
      const code = ended.exitCode ?? 0;
      const jump = 'jump' in ended ? ended.jump : undefined;
      if (this.inBody || jump !== undefined) return this.finish(code, jump);
      const { clauses, otherwise } = this.node;
      if (code === 0) {
        this.inBody = true;
        this.current = this.list(clauses[this.clause].body);
      } else if (++this.clause < clauses.length) {
        this.current = this.list(clauses[this.clause].cond);
      } else if (otherwise !== undefined) {
        this.inBody = true;
        this.current = this.list(otherwise);
      } else return this.finish(0);
    }
  }
}
