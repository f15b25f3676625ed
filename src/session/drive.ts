/**
 * Moving virtual time while commands wait: the one loop shared by the
 * headless CLI (`npm run play`), replay of a scenario's command log and
 * tests. Time stops exactly where something is due (a cluster timer, a
 * command's retry or timeout), so where commands look and act does not
 * depend on how the host slices time.
 */
import type { Cluster } from '../sim/k8s/index';
import type { Execution } from '../shell/index';

/** How long a command may wait when it has no timeout of its own (virtual time). */
export const MAX_WAIT_MS = 60 * 60_000;

/** The longest single jump of virtual time while a command waits. */
const MAX_STEP_MS = 100;

/** Where time should stop next: the earliest thing due, or undefined when nothing ever will be. */
function nextDue(cluster: Cluster, running: readonly Execution[]): number | undefined {
  let due = cluster.nextWakeAt();
  for (const exec of running) {
    for (const t of [exec.wakeAt, exec.deadline]) if (t !== undefined && (due === undefined || t < due)) due = t;
  }
  return due;
}

/** One step toward `due` (exact when it is far, in ≤100 ms steps when it is near), never past `limit`. */
function step(cluster: Cluster, due: number, limit: number): void {
  const now = cluster.now();
  const to = due > now + MAX_STEP_MS ? due : Math.min(due, now + MAX_STEP_MS);
  cluster.advanceTo(Math.min(limit, Math.max(now + 1, to)));
}

/** Polls of a clock-moving command that may leave time where it was before replay gives up waiting for it (a guard, never reached by a working command). */
const MAX_IDLE_POLLS = 10_000;

/**
 * Runs the cluster to virtual time `target`, polling the waiting commands at
 * every stop; returns those still waiting (finished ones are dropped).
 * While a command in `movesClock` (a fast-forward) waits, only it moves time,
 * as in the page, where the clock loop stands still during a fast-forward:
 * it is polled until it reaches `target` (its shell's `shouldYield` must
 * say so) or finishes.
 */
export function advanceWhileRunning(cluster: Cluster, running: readonly Execution[], target: number, movesClock: readonly Execution[] = []): Execution[] {
  let waiting = running.filter((e) => !e.done);
  let idle = 0;
  while (cluster.now() < target && idle < MAX_IDLE_POLLS && waiting.some((e) => movesClock.includes(e))) {
    const before = cluster.now();
    waiting = waiting.filter((e) => !e.poll());
    idle = cluster.now() === before ? idle + 1 : 0;
  }
  while (cluster.now() < target) {
    if (waiting.length === 0) {
      cluster.advanceTo(target);
      break;
    }
    step(cluster, nextDue(cluster, waiting) ?? target, target);
    waiting = waiting.filter((e) => !e.poll());
  }
  return waiting;
}

/**
 * Drives virtual time until `exec` is done: steps of at most 100 ms, or
 * straight to the next thing due (a cluster timer, the command's own retry
 * or timeout, or those of `background` commands, which are polled too) when
 * nothing can change before it.
 */
export function driveUntilDone(cluster: Cluster, exec: Execution, write: (text: string) => void, background: readonly Execution[] = []): void {
  const start = cluster.now();
  while (!exec.done) {
    const others = background.filter((b) => !b.done);
    const due = nextDue(cluster, [exec, ...others]);
    if (due === undefined) {
      exec.cancel();
      write('play: nothing more can happen in the cluster and the command has no timeout; stopped waiting (as Ctrl+C would)\n');
      return;
    }
    if (exec.deadline === undefined && cluster.now() - start >= MAX_WAIT_MS) {
      exec.cancel();
      write(`play: still waiting after ${MAX_WAIT_MS / 60_000}m of virtual time; stopped waiting (as Ctrl+C would)\n`);
      return;
    }
    step(cluster, due, Infinity);
    for (const b of others) b.poll();
    exec.poll();
  }
}

/**
 * One slice of `driveUntilDone` for a host that must draw between slices
 * (the page playing a lesson's solution): drives virtual time toward what
 * `exec` waits for until it is done or `shouldYield()` says the slice is
 * spent. Returns `done` when the command finished, `yielded` when the host
 * should call again next frame, `idle` when nothing in the cluster is due
 * (the command waits for something only a person can do).
 */
export function driveSlice(cluster: Cluster, exec: Execution, shouldYield: () => boolean, background: readonly Execution[] = []): 'done' | 'yielded' | 'idle' {
  while (!exec.done) {
    if (shouldYield()) return 'yielded';
    const others = background.filter((b) => !b.done);
    const due = nextDue(cluster, [exec, ...others]);
    if (due === undefined) return 'idle';
    step(cluster, due, Infinity);
    for (const b of others) b.poll();
    exec.poll();
  }
  return 'done';
}
