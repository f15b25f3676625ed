import type { ShellHandle } from '../sim/k8s/index';
import type { Execution } from './types';

/** An Execution that finished during `run`, with its exit status. */
export function finished(exitCode: number): Execution {
  return {
    done: true,
    exitCode,
    deadline: undefined,
    poll: () => true,
    cancel: () => undefined,
  };
}

/** `exec` with other `poll` and `cancel` (which call the original's) and, given `shell`, another attached shell; the rest as it is. */
function wrapped(exec: Execution, poll: () => boolean, cancel: () => void, shell?: { attach: () => ShellHandle | undefined; detach: Execution['detach'] }): Execution {
  return {
    get done() {
      return exec.done;
    },
    get exitCode() {
      return exec.exitCode;
    },
    get deadline() {
      return exec.deadline;
    },
    get wakeAt() {
      return exec.wakeAt;
    },
    get attach() {
      return shell ? shell.attach() : exec.attach;
    },
    get detach() {
      return shell ? shell.detach : exec.detach;
    },
    poll,
    cancel,
  };
}

/** `exec`, calling `then` with its exit status once it has finished (at once if it already has). */
export function afterwards(exec: Execution, then: (exitCode: number) => void): Execution {
  if (exec.done) {
    then(exec.exitCode ?? 0);
    return exec;
  }
  let told = false;
  const tell = () => {
    if (told || !exec.done) return;
    told = true;
    then(exec.exitCode ?? 0);
  };
  return wrapped(
    exec,
    () => {
      const done = exec.poll();
      tell();
      return done;
    },
    () => {
      exec.cancel();
      tell();
    },
  );
}

/** `exec`, calling `first` each time the host polls it (before it looks at the world). */
export function beforePoll(exec: Execution, first: () => void): Execution {
  if (exec.done) return exec;
  return wrapped(
    exec,
    () => {
      first();
      return exec.poll();
    },
    () => exec.cancel(),
  );
}

/** What a waiting command does each time the host polls it. */
export interface WaitStep {
  /** Re-checks the world; returns the exit status once the command is finished, else undefined. */
  check(): number | undefined;
  /** Releases watches and timers (called once, when the command ends for any reason). */
  dispose?(): void;
  /** Virtual time of the command's timeout, if it has one. */
  deadline?: number;
  /** Virtual time at which the command next wants to be polled even if nothing changes (a retry). */
  wakeAt?(): number | undefined;
}

/**
 * A command that keeps running across virtual time (`rollout status`, `get -w`,
 * `delete --wait`, `drain`, `sleep`). Done as soon as `check` returns a status.
 */
export class WaitingExecution implements Execution {
  private code: number | undefined;

  /** Call `poll()` once after construction to run the first check. */
  constructor(private readonly step: WaitStep) {}

  get done(): boolean {
    return this.code !== undefined;
  }

  get exitCode(): number | undefined {
    return this.code;
  }

  get deadline(): number | undefined {
    return this.step.deadline;
  }

  get wakeAt(): number | undefined {
    return this.done ? undefined : this.step.wakeAt?.();
  }

  /** Ends the command with `code` from inside (e.g. a watch handler saw the end). */
  finish(code: number): void {
    if (this.code !== undefined) return;
    this.code = code;
    this.step.dispose?.();
  }

  poll(): boolean {
    if (this.code === undefined) {
      const code = this.step.check();
      if (code !== undefined) this.finish(code);
    }
    return this.done;
  }

  cancel(): void {
    this.finish(130);
  }
}

/** `exec` that, once finished, has opened the shell `attach()` gives (if any) at the terminal, its session ended by `detach`. */
export function attaching(exec: Execution, attach: () => ShellHandle | undefined, detach: Execution['detach']): Execution {
  return wrapped(
    exec,
    () => exec.poll(),
    () => exec.cancel(),
    { attach, detach },
  );
}
