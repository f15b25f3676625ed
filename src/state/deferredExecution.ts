import type { Execution } from '../shell/types';

/**
 * A command waiting for the shell to load: it starts on the first poll after
 * `start` can run it (start returns undefined until then), and from then on
 * behaves as the real execution.
 */
export class DeferredExecution implements Execution {
  private inner: Execution | undefined;
  private cancelled = false;

  constructor(private readonly start: () => Execution | undefined) {}

  get done(): boolean {
    return this.cancelled || (this.inner?.done ?? false);
  }

  get exitCode(): number | undefined {
    return this.cancelled ? 130 : this.inner?.exitCode;
  }

  get deadline(): number | undefined {
    return this.inner?.deadline;
  }

  get wakeAt(): number | undefined {
    return this.inner?.wakeAt;
  }

  poll(): boolean {
    if (this.cancelled) return true;
    if (!this.inner) {
      this.inner = this.start();
      if (!this.inner) return false;
      return this.inner.done;
    }
    return this.inner.done || this.inner.poll();
  }

  cancel(): void {
    if (this.inner) this.inner.cancel();
    else this.cancelled = true;
  }
}
