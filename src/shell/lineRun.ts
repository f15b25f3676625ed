import { assignmentOf, expands, fields, joined, parameter, substitutionOutput, substitutions, type Part, type ValueOf } from './expansion';
import { arithmetic } from './arithmetic';
import { ExpansionError } from './parameterOps';
import { redirectWords, type Redirect } from './redirect';
import type { Execution, OutputSink } from './types';
import type { ShellVariables } from './variables';

type Subst = Extract<Part, { kind: 'subst' }>;

/** One step of a line with expansions: a command substitution to run, a variable to set, or the line's command(s). */
type Step = { kind: 'subst'; part: Subst } | { kind: 'assign'; name: string; value: Part[] } | { kind: 'run' };

/** What a line with expansions needs of its shell. */
export interface LineHost {
  vars: ShellVariables;
  /** Runs a command line (a command substitution's) with its output going to `sink`. */
  runLine(line: string, sink: OutputSink): Execution;
  /** Runs the line's pipeline, its words expanded (`words` of each stage), its redirections' words expanded by `expand`. */
  runStages(stages: string[][], redirects: readonly (readonly Redirect[])[], expand: (word: readonly Part[]) => string, sink: OutputSink): Execution;
}

/** Builtins whose `NAME=value` arguments are assignments, expanded without field splitting (bash's declaration utilities). */
const DECLARATIONS = new Set(['export', 'declare', 'local', 'readonly', 'typeset']);

/**
 * A command line with expansions, run as bash runs it: the command
 * substitutions first, left to right (each a command line of its own, which
 * may wait: `$(kubectl rollout status …)`), then the words expanded and the
 * pipeline run; a line of assignments only (`POD=$(kubectl get pods -o name)`)
 * sets its variables in order instead. Its status is the pipeline's, or for
 * assignments the last substitution's (0 without one), as in bash.
 */
export class LineRun implements Execution {
  private readonly steps: Step[] = [];
  private next = 0;
  private readonly outputs = new Map<Subst, string>();
  private sub: { part: Subst; exec: Execution; output: () => string } | undefined;
  private main: Execution | undefined;
  private status = 0;
  private cancelled = false;
  /** The first error an expansion met (`$((1/0))`): the command does not run. */
  private expansionError: string | undefined;
  private readonly valueOf: ValueOf = (p) => {
    if (p.kind === 'subst') return this.outputs.get(p) ?? '';
    if (p.kind === 'var') {
      try {
        return parameter(p, this.host.vars, this.valueOf);
      } catch (e) {
        if (!(e instanceof ExpansionError)) throw e;
        this.expansionError ??= e.message;
        return '';
      }
    }
    const r = arithmetic(p.expr, (n) => this.host.vars.get(n));
    if ('value' in r) return r.value;
    this.expansionError ??= r.error;
    return '';
  };

  constructor(
    private readonly host: LineHost,
    private readonly parts: Part[][][],
    private readonly redirects: readonly (readonly Redirect[])[],
    private readonly sink: OutputSink,
  ) {
    const only = parts.length === 1 ? parts[0] : undefined;
    const assignments = only?.map(assignmentOf);
    if (assignments !== undefined && assignments.every((a) => a !== undefined)) {
      // `A=1 B=$A`: each value is expanded after the assignments before it.
      for (const a of assignments) {
        for (const part of substitutions(a!.value)) this.steps.push({ kind: 'subst', part });
        this.steps.push({ kind: 'assign', name: a!.name, value: a!.value });
      }
    } else {
      parts.forEach((stage, k) => {
        for (const word of stage) for (const part of substitutions(word)) this.steps.push({ kind: 'subst', part });
        for (const r of redirects[k] ?? []) for (const part of substitutions(redirectWords(r))) this.steps.push({ kind: 'subst', part });
      });
      this.steps.push({ kind: 'run' });
    }
    this.proceed();
  }

  get done(): boolean {
    if (this.cancelled) return true;
    return this.main ? this.main.done : this.sub === undefined && this.next === this.steps.length;
  }

  get exitCode(): number | undefined {
    if (this.cancelled) return 130;
    if (!this.done) return undefined;
    return this.main ? this.main.exitCode : this.status;
  }

  get deadline(): number | undefined {
    return (this.sub?.exec ?? this.main)?.deadline;
  }

  get wakeAt(): number | undefined {
    return (this.sub?.exec ?? this.main)?.wakeAt;
  }

  poll(): boolean {
    if (this.cancelled) return true;
    if (this.sub) {
      if (!this.sub.exec.poll()) return false;
      this.substituted();
      this.proceed();
    }
    if (this.main && !this.main.done) this.main.poll();
    return this.done;
  }

  cancel(): void {
    if (this.done) return;
    this.cancelled = true;
    this.sub?.exec.cancel();
    this.main?.cancel();
  }

  /** Runs the steps until one waits (a substitution still running) or the line's command has started. */
  private proceed(): void {
    while (this.sub === undefined && this.main === undefined && this.next < this.steps.length) {
      const step = this.steps[this.next++];
      if (step.kind === 'assign') {
        const value = joined(step.value, this.valueOf);
        if (this.failedExpansion()) return;
        this.host.vars.set(step.name, value);
      } else if (step.kind === 'run') {
        const stages = this.expandedStages();
        if (this.failedExpansion()) return;
        this.main = this.host.runStages(stages, this.redirects, (w) => joined(w, this.valueOf), this.sink);
      }
      else {
        // Its standard error reaches the terminal, as in bash; its output becomes the value.
        let out = '';
        const exec = this.host.runLine(step.part.line, { stdout: (t) => (out += t), stderr: (t) => this.sink.stderr(t) });
        this.sub = { part: step.part, exec, output: () => out };
        if (!exec.done) return;
        this.substituted();
      }
    }
  }

  /** An expansion failed: bash's message, status 1, and the line goes no further. */
  private failedExpansion(): boolean {
    if (this.expansionError === undefined) return false;
    this.sink.stderr(`${this.expansionError}\n`);
    this.status = 1;
    this.next = this.steps.length;
    return true;
  }

  private substituted(): void {
    const sub = this.sub!;
    this.sub = undefined;
    this.outputs.set(sub.part, substitutionOutput(sub.output()));
    this.status = sub.exec.exitCode ?? 0;
  }

  /** Each stage's fields: leading `NAME=value` words (a command's own environment, which no command here reads) dropped. */
  private expandedStages(): string[][] {
    return this.parts.map((stage) => {
      let i = 0;
      while (i < stage.length && assignmentOf(stage[i]) !== undefined) i++;
      const words = stage.slice(i);
      const head = words.length > 0 ? fields(words[0], this.valueOf) : [];
      const declaring = head.length === 1 && !expands(words[0]) && DECLARATIONS.has(head[0]);
      return [
        ...head,
        ...words.slice(1).flatMap((w) => {
          const a = declaring ? assignmentOf(w) : undefined;
          return a ? [`${a.name}=${joined(a.value, this.valueOf)}`] : fields(w, this.valueOf);
        }),
      ];
    });
  }
}
