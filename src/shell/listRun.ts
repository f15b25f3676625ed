import type { ListItem } from './tokenize';
import type { Execution, OutputSink } from './types';

/**
 * A list of pipelines (`kubectl apply -f web.yaml && kubectl rollout status
 * deployment/web`), run as bash runs one: in order, each when the one before
 * it has finished — after `&&` only if its status was 0, after `||` only if
 * it was not, after `;` always. A pipeline skipped keeps the status of the
 * last one that ran (`a && b || c` runs `c` when `a` fails). Each pipeline
 * is a line of its own to `runLine`, so its expansions see the variables
 * the pipelines before it set. Its status is the last run pipeline's.
 */
export class ListRun implements Execution {
  private next = 0;
  private current: Execution | undefined;
  private status = 0;
  private cancelled = false;

  constructor(
    private readonly items: readonly ListItem[],
    private readonly runLine: (line: string, sink: OutputSink) => Execution,
    private readonly sink: OutputSink,
    /** Told each pipeline's status as it ends (the shell's `$?`, which the next pipeline may read). */
    private readonly told: (status: number) => void = () => {},
  ) {
    this.proceed();
  }

  get done(): boolean {
    return this.cancelled || (this.current === undefined && this.next === this.items.length);
  }

  get exitCode(): number | undefined {
    if (this.cancelled) return 130;
    return this.done ? this.status : undefined;
  }

  get deadline(): number | undefined {
    return this.current?.deadline;
  }

  get wakeAt(): number | undefined {
    return this.current?.wakeAt;
  }

  poll(): boolean {
    if (this.done) return true;
    if (this.current && this.current.poll()) {
      this.finished();
      this.proceed();
    }
    return this.done;
  }

  cancel(): void {
    if (this.done) return;
    this.cancelled = true;
    this.current?.cancel();
    this.current = undefined;
  }

  /** Starts pipelines until one keeps running or the list is over. */
  private proceed(): void {
    while (this.current === undefined && this.next < this.items.length) {
      const i = this.next++;
      const op = i > 0 ? this.items[i - 1].op : undefined;
      if ((op === '&&' && this.status !== 0) || (op === '||' && this.status === 0)) continue;
      this.current = this.runLine(this.items[i].text, this.sink);
      if (this.current.done) this.finished();
    }
  }

  private finished(): void {
    this.status = this.current?.exitCode ?? 0;
    this.current = undefined;
    this.told(this.status);
  }
}
