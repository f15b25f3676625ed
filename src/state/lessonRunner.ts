import type { Execution } from '../shell/types';
import type { GetState, StoreKit } from './storeKit';

/** Real time between two evaluations of a step's check while the cluster keeps changing. */
export const CHECK_EVERY_MS = 400;

/** Exit status of a command stopped by Ctrl+C (or the lesson's Stop). */
const INTERRUPTED = 130;

/** A solution (or a lesson's setup) stopped before its end: by Stop, Ctrl+C or a new lesson. */
export class PlayStopped extends Error {
  constructor() {
    super('stopped');
  }
}

/**
 * The lesson's helpers that live beside the clock loop: it runs solution
 * commands visibly at the prompt (their waits driven fast) and resolves when
 * each is done, and it decides when the current step's check is worth
 * evaluating again: after a command, and while the cluster changes, at most
 * every CHECK_EVERY_MS of real time — never every frame.
 */
export class LessonRunner {
  private waits: { exec: Execution; resolve: () => void }[] = [];
  private current: Execution | undefined;
  /** Incremented by `stop()`: a play started under an older generation stops at its next command. */
  private generation = 0;
  private sinceCheck = Infinity;
  private seenVersion = -1;
  private seenSwarm = -1;
  private seenCommands = -1;

  constructor(
    private readonly get: GetState,
    private readonly kit: () => StoreKit,
  ) {}

  /** The generation a new play runs under (pass it to `run`). */
  begin(): number {
    return this.generation;
  }

  /** Stops what is playing: the running command is cancelled and the play ends at once. */
  stop(): void {
    this.generation++;
    const exec = this.current;
    this.current = undefined;
    if (exec && !exec.done) {
      // As Ctrl+C would: the command stops waiting and the terminal shows ^C.
      exec.cancel();
      const k = this.kit();
      k.transcript.append('^C\n');
      k.emit({ type: 'interrupt' });
      k.publish();
    }
    for (const w of this.waits) w.resolve();
    this.waits = [];
  }

  /**
   * Runs `line` through the terminal as a button does (echoed as if typed,
   * kept in the command log, the prompt left free); a command that waits has
   * its wait driven as fast as frames allow. Resolves with its standard
   * output and exit status; rejects with PlayStopped when stopped or
   * interrupted.
   */
  async run(line: string, generation: number): Promise<{ stdout: string; exitCode: number }> {
    if (generation !== this.generation) throw new PlayStopped();
    // A person would first stop a command still waiting at the prompt (Ctrl+C).
    if (this.get().busy) this.get().cancelCommand();
    let stdout = '';
    const exec = this.get().runCommand(line, 'ui', {
      stdout: (t) => (stdout += t),
      stderr: () => {},
    });
    if (exec && !exec.done) {
      this.current = exec;
      this.kit().runtime.hurry(exec);
      await new Promise<void>((resolve) => this.waits.push({ exec, resolve }));
      if (this.current === exec) this.current = undefined;
    }
    if (generation !== this.generation || exec?.exitCode === INTERRUPTED) throw new PlayStopped();
    this.invalidate();
    return { stdout, exitCode: exec?.exitCode ?? 0 };
  }

  /** The check should be evaluated at the next frame (a step began, an answer changed). */
  invalidate(): void {
    this.sinceCheck = Infinity;
    this.seenVersion = -1;
    this.seenSwarm = -1;
  }

  /** Once per frame, after the clock loop polled the running commands. */
  frame(realMs: number): void {
    if (this.waits.length > 0) {
      const finished = this.waits.filter((w) => w.exec.done);
      this.waits = this.waits.filter((w) => !w.exec.done);
      for (const w of finished) w.resolve();
    }
    const state = this.get();
    this.sinceCheck += realMs;
    if (!state.lesson || state.lesson.satisfied) return;
    const swarmVersion = state.swarm?.version ?? 0;
    const changed = state.snapshot.version !== this.seenVersion || swarmVersion !== this.seenSwarm || state.commandLog.length !== this.seenCommands;
    if (!changed || this.sinceCheck < CHECK_EVERY_MS) return;
    this.sinceCheck = 0;
    this.seenVersion = state.snapshot.version;
    this.seenSwarm = swarmVersion;
    this.seenCommands = state.commandLog.length;
    state.checkLessonStep();
  }
}
