import { finished } from '../../execution';
import type { Execution } from '../../types';

/**
 * docker/cli `waitOnServices`: waits for each service in turn (one
 * convergence display after the other); the exit status is 1 if any wait
 * failed. `start(id)` begins the wait for one service.
 */
export function waitOnServices(ids: readonly string[], start: (id: string) => Execution): Execution {
  if (ids.length === 0) return finished(0);
  let i = 0;
  let failed = false;
  let current = start(ids[0]);
  const last = () => i >= ids.length - 1;
  const step = (): boolean => {
    while (current.done && !last()) {
      if (current.exitCode !== 0) failed = true;
      current = start(ids[++i]);
    }
    return current.done && last();
  };
  step();
  return {
    get done() {
      return current.done && last();
    },
    get exitCode() {
      if (!(current.done && last())) return undefined;
      return failed || current.exitCode !== 0 ? (current.exitCode === 130 ? 130 : 1) : 0;
    },
    get deadline() {
      return current.deadline;
    },
    get wakeAt() {
      return current.wakeAt;
    },
    poll() {
      if (!current.done) current.poll();
      return step();
    },
    cancel() {
      current.cancel();
      i = ids.length - 1;
    },
  };
}
