import type { WatchEvent } from './store';

/**
 * Events kept per resource for watches that start from an older
 * resourceVersion: the API server's watch cache keeps such a window of
 * recent changes (it starts at 100 and grows so as to hold at least the
 * last 75 s; a fixed window keeps the write path cheap here).
 */
export const WATCH_HISTORY_SIZE = 1024;

/** Events after a resourceVersion, or the oldest resourceVersion a watch could still start from. */
export type EventsSince = readonly WatchEvent[] | { expired: number };

/** A resource's last WATCH_HISTORY_SIZE watch events, as a ring. */
export class WatchHistory {
  private readonly ring: WatchEvent[] = [];
  /** The slot the next event goes to. */
  private next = 0;

  push(event: WatchEvent): void {
    this.ring[this.next] = event;
    this.next = this.next + 1 === WATCH_HISTORY_SIZE ? 0 : this.next + 1;
  }

  /**
   * The events with a resourceVersion above `rv`, oldest first (what a
   * watch from `rv` replays); `{ expired }` when some of them have left the
   * window — the watch cache's "too old resource version: rv (expired)".
   */
  since(rv: number): EventsSince {
    const h = this.ring;
    const full = h.length === WATCH_HISTORY_SIZE;
    const start = full ? this.next : 0;
    if (full) {
      const oldest = revision(h[start]);
      if (rv < oldest - 1) return { expired: oldest - 1 };
    }
    const out: WatchEvent[] = [];
    for (let i = 0; i < h.length; i++) {
      const e = h[(start + i) % h.length];
      if (revision(e) > rv) out.push(e);
    }
    return out;
  }
}

function revision(event: WatchEvent): number {
  return Number(event.object.metadata.resourceVersion ?? 0);
}
