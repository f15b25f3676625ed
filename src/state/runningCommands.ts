import type { Execution } from '../shell/types';
import type { CommandSource } from './types';

/** A command still waiting, with where it came from and its line. */
export interface Running {
  readonly execution: Execution;
  readonly source: CommandSource;
  readonly line: string;
}

/** `kubeplay clock settle …`: the fast-forward command. */
export function isSettleCommand(line: string): boolean {
  return /^kubeplay\s+clock\s+settle(\s|$)/.test(line.trim());
}

/** Moves virtual time toward what `exec` waits for this frame, the `others` polled along ('yielded': the frame is spent). */
export type DriveSlice = (exec: Execution, others: readonly Execution[]) => 'done' | 'yielded' | 'idle';

/**
 * The commands the page's terminal and buttons left waiting: polled each
 * frame, stopped by Ctrl+C (those typed at the prompt) or by the
 * fast-forward's Stop, some hurried (a lesson's solution), and handed over
 * whole when a replayed scenario becomes the live one.
 */
export class RunningCommands {
  private list: Running[] = [];
  /** Running commands whose waits are driven as fast as the frame allows (a lesson's solution). */
  private readonly hurried = new Set<Execution>();

  /** Keeps `r` while its command waits. */
  add(r: Running): void {
    if (!r.execution.done) this.list.push(r);
  }

  /** Cancels every waiting command, and waits for `next` instead (a replay's; none hurried). */
  replace(next: readonly Running[] = []): void {
    for (const r of this.list) r.execution.cancel();
    this.list = [...next];
    this.hurried.clear();
  }

  hurry(execution: Execution): void {
    if (!execution.done) this.hurried.add(execution);
  }

  /** Ctrl+C: cancels the commands typed at the prompt that are still waiting. */
  cancelPrompt(): boolean {
    return this.cancelWhere((r) => r.source === 'prompt');
  }

  /** Stops the running fast-forwards (the button's Stop); returns whether there was one. */
  cancelSettle(): boolean {
    return this.cancelWhere((r) => isSettleCommand(r.line));
  }

  private cancelWhere(which: (r: Running) => boolean): boolean {
    const stopped = this.list.filter(which);
    for (const r of stopped) r.execution.cancel();
    this.list = this.list.filter((r) => !stopped.includes(r));
    return stopped.length > 0;
  }

  /** Whether a fast-forward (`kubeplay clock settle`) is running. */
  settling(): boolean {
    return this.list.some((r) => isSettleCommand(r.line));
  }

  /** Whether a command typed at the prompt is still running. */
  promptBusy(): boolean {
    return this.list.some((r) => r.source === 'prompt');
  }

  /**
   * Re-checks the waiting commands and the shell's background `jobs` (which
   * report their own end), first moving time for the hurried ones with
   * `drive`; returns the commands that finished.
   */
  poll(jobs: readonly Execution[], drive: DriveSlice | undefined): Running[] {
    for (const job of jobs) job.poll();
    if (this.list.length === 0) return [];
    if (drive) this.driveHurried(jobs, drive);
    const finishedNow: Running[] = [];
    this.list = this.list.filter((r) => {
      const done = r.execution.done || r.execution.poll();
      if (done) finishedNow.push(r);
      return !done;
    });
    return finishedNow;
  }

  /** Spends this frame's slice moving time toward what the hurried commands wait for. */
  private driveHurried(jobs: readonly Execution[], drive: DriveSlice): void {
    const waiting = (exec: Execution) => this.list.some((r) => r.execution === exec);
    for (const exec of this.hurried) {
      if (!exec.done && waiting(exec)) {
        const others = [...this.list.filter((r) => r.execution !== exec).map((r) => r.execution), ...jobs];
        if (drive(exec, others) === 'yielded') break;
      }
      if (exec.done || !waiting(exec)) this.hurried.delete(exec);
    }
  }
}
