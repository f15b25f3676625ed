/**
 * client-go's `flowcontrol.Backoff` as the kubelet uses it for container
 * restarts and image pulls: 10 s initial, doubling, capped at 300 s, no
 * jitter; an entry unused for more than 2 × max (600 s) starts over.
 */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

interface Entry {
  backoff: number;
  lastUpdate: number;
}

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly initial = BACKOFF_INITIAL_MS,
    private readonly max = BACKOFF_MAX_MS,
  ) {}

  /** `Next(id, eventTime)`: start or double the delay for `id`. */
  next(id: string, eventTime: number): void {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(e, eventTime)) this.entries.set(id, { backoff: this.initial, lastUpdate: eventTime });
    else {
      e.backoff = Math.min(e.backoff * 2, this.max);
      e.lastUpdate = eventTime;
    }
  }

  /** `Get(id)`: the current delay (0 when none). */
  get(id: string): number {
    return this.entries.get(id)?.backoff ?? 0;
  }

  /**
   * `IsInBackOffSince(id, eventTime)`: whether `now` is still within the
   * delay counted from `eventTime` (an expired entry never is).
   */
  isInBackOffSince(id: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(e, eventTime)) return false;
    return now - eventTime < e.backoff;
  }

  /** `IsInBackOffSinceUpdate(id, now)`: whether `now` is within the delay counted from the last `next`. */
  isInBackOffSinceUpdate(id: string, now: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(e, now)) return false;
    return now - e.lastUpdate < e.backoff;
  }

  /** When `next` was last called for `id`. */
  updatedAt(id: string): number {
    return this.entries.get(id)?.lastUpdate ?? 0;
  }

  /** When the delay counted from `eventTime` ends (for waking up). */
  readyAt(id: string, eventTime: number): number {
    return eventTime + this.get(id);
  }

  reset(id: string): void {
    this.entries.delete(id);
  }

  /** Drops every entry of a pod (keys start with `prefix`). */
  forget(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }

  private hasExpired(e: Entry, eventTime: number): boolean {
    return eventTime - e.lastUpdate > this.max * 2;
  }
}
