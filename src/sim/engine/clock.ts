
/**
 * A timer is data, not a closure: when it fires, `key` is added to the work
 * queue of `target`. That keeps the whole engine state serialisable (for
 * snapshots) and makes every wake-up a level-triggered reconcile.
 */
export interface Timer {
  at: number;
  seq: number;
  target: string;
  key: string;
}

/**
 * A key's wake-up record: the time and sequence number of its latest
 * request, while that has not fired (`seq` -1 once it has). Heap entries
 * point at it, so a firing timer learns whether it is its key's latest
 * without a lookup by key.
 */
export interface Wake {
  readonly target: string;
  readonly key: string;
  readonly owner: TargetWakes;
  at: number;
  seq: number;
  /** Set when a sweep drops the record from its target's map (a hint must not revive it). */
  swept: boolean;
}

/** A target's wake-up records by key, and how many of them have fired (kept until a sweep). */
interface TargetWakes {
  readonly byKey: Map<string, Wake>;
  fired: number;
}

/** Fired records a target keeps before sweeping them out (also at least as many as it has pending). */
const SWEEP_AFTER = 4096;

/** The engine's virtual clock: milliseconds since the Unix epoch, advanced only by the engine. */
export class VirtualClock {
  private current: number;
  private seq = 0;
  /** A binary min-heap on (at, seq), a total order: the pop order does not depend on the heap's shape. */
  private readonly timers = new TimerHeap();
  /**
   * Earliest pending wake-up per target, per key, to avoid piling up
   * duplicate timers. A fired record stays (marked) until a sweep, which
   * runs once a target has more fired records than pending ones (and than
   * SWEEP_AFTER): the map holds about what is pending (a few thousand keys
   * while 150,000 pods start), and a key woken again soon after it fired
   * (a starting pod's next step) reuses its record — a firing timer costs
   * no lookup by key, a re-wake no insertion.
   */
  private readonly pending = new Map<string, TargetWakes>();
  private lastTarget = '';
  private lastWakes: TargetWakes | undefined;
  /**
   * The record of the timer whose key is being reconciled (see `resume`):
   * a reconcile that re-requests its own wake-up finds it without a lookup
   * among thousands of keys (a cache miss or three per starting pod's step).
   */
  private hint: Wake | undefined;

  constructor(startMs: number) {
    this.current = startMs;
  }

  /** Current virtual time in ms since the epoch. */
  now(): number {
    return this.current;
  }

  /** Current virtual time as an RFC 3339 timestamp with second precision, as the API server writes it. */
  timestamp(): string {
    return toTimestamp(this.current);
  }

  /**
   * Wakes `key` of `target` at `at` (clamped to now). A later request for a
   * key that already has an earlier wake-up is dropped: reconcilers are
   * level-triggered and re-request what they still need when they run.
   * Returns when the key will wake (the earlier request's time if it stays).
   */
  wakeAt(target: string, key: string, at: number): number {
    const when = Math.max(at, this.current);
    let wakes = target === this.lastTarget ? this.lastWakes : undefined;
    if (wakes === undefined) {
      wakes = this.pending.get(target);
      if (!wakes) this.pending.set(target, (wakes = { byKey: new Map(), fired: 0 }));
      this.lastTarget = target;
      this.lastWakes = wakes;
    }
    // The hint is its key's record while no sweep dropped it: the map would give the same one.
    let w = this.hint;
    if (w === undefined || w.owner !== wakes || w.swept || w.key !== key) w = wakes.byKey.get(key);
    if (w !== undefined && w.seq >= 0 && w.at <= when && w.at >= this.current) return w.at;
    const seq = this.seq++;
    if (w === undefined) {
      if (wakes.fired > SWEEP_AFTER && wakes.fired * 2 > wakes.byKey.size) sweep(wakes);
      wakes.byKey.set(key, (w = { target, key, owner: wakes, at: when, seq, swept: false }));
    } else {
      if (w.seq < 0) wakes.fired--;
      w.at = when;
      w.seq = seq;
    }
    this.timers.push(when, seq, w);
    return when;
  }

  wakeAfter(target: string, key: string, delayMs: number): void {
    this.wakeAt(target, key, this.current + delayMs);
  }

  /** Tells the clock that the key of `wake` (a record `drainDue` gave) is about to be reconciled: its re-request needs no lookup. */
  resume(wake: Wake): void {
    this.hint = wake;
  }

  /** Time of the next timer, if any. */
  nextTimerAt(): number | undefined {
    return this.timers.size === 0 ? undefined : this.timers.topAt();
  }

  /** Moves the clock forward (never backward). */
  setNow(ms: number): void {
    if (ms > this.current) this.current = ms;
  }

  /** Pops every timer due at or before now. */
  popDue(): Timer[] {
    const due: Timer[] = [];
    this.drainDue((target, key, at, seq) => due.push({ at, seq, target, key }));
    return due;
  }

  /** `popDue` without a Timer object per timer: calls `fire` for each due timer, in order. */
  drainDue(fire: (target: string, key: string, at: number, seq: number, wake: Wake) => void): void {
    const timers = this.timers;
    while (timers.size > 0) {
      const at = timers.topAt();
      if (at > this.current) break;
      const w = timers.topWake();
      const seq = timers.topSeq();
      timers.pop();
      // The key's latest request fired: its record is kept, marked, for a re-wake or the next sweep.
      if (w.seq === seq) {
        w.seq = -1;
        w.owner.fired++;
      }
      fire(w.target, w.key, at, seq, w);
    }
  }

  get timerCount(): number {
    return this.timers.size;
  }
}

/** Drops a target's fired records (`forEach`: an entries loop allocates a pair and a result per record). */
function sweep(wakes: TargetWakes): void {
  const byKey = wakes.byKey;
  byKey.forEach(dropFired, byKey);
  wakes.fired = 0;
}

function dropFired(this: Map<string, Wake>, w: Wake, key: string): void {
  if (w.seq < 0) {
    w.swept = true;
    this.delete(key);
  }
}

/**
 * The clock's timer heap, a binary min-heap on (at, seq) kept in columns:
 * times and sequence numbers in typed arrays, the wake-up records in a
 * plain array. Sifting compares numbers that sit side by side instead of
 * following a pointer to a scattered object per comparison (150,000 pods'
 * and 5,000 Leases' wake-ups pass through it), and a pending timer costs
 * no object of its own. Holes are filled once per sift (one write per
 * level instead of a swap).
 */
class TimerHeap {
  private at = new Float64Array(1024);
  private seq = new Float64Array(1024);
  private wake: (Wake | undefined)[] = [];
  private n = 0;

  get size(): number {
    return this.n;
  }

  /** Time of the earliest timer (the caller checks `size` first). */
  topAt(): number {
    return this.at[0];
  }

  push(when: number, seq: number, wake: Wake): void {
    if (this.n === this.at.length) this.grow();
    const at = this.at;
    const sq = this.seq;
    const wk = this.wake;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pa = at[parent];
      if (pa < when || (pa === when && sq[parent] < seq)) break;
      at[i] = pa;
      sq[i] = sq[parent];
      wk[i] = wk[parent];
      i = parent;
    }
    at[i] = when;
    sq[i] = seq;
    wk[i] = wake;
  }

  /** Removes the earliest timer (the caller reads it first through `topAt`, `topSeq`, `topWake`). */
  pop(): void {
    const n = --this.n;
    const at = this.at;
    const sq = this.seq;
    const wk = this.wake;
    const lastAt = at[n];
    const lastSeq = sq[n];
    const lastWake = wk[n];
    // The record column keeps its length (no trimming and regrowing); the freed slot lets go of its record.
    wk[n] = undefined;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let m = l;
      const r = l + 1;
      if (r < n) {
        const ar = at[r];
        const al = at[l];
        if (ar < al || (ar === al && sq[r] < sq[l])) m = r;
      }
      const am = at[m];
      if (lastAt < am || (lastAt === am && lastSeq < sq[m])) break;
      at[i] = am;
      sq[i] = sq[m];
      wk[i] = wk[m];
      i = m;
    }
    at[i] = lastAt;
    sq[i] = lastSeq;
    wk[i] = lastWake;
  }

  topSeq(): number {
    return this.seq[0];
  }

  topWake(): Wake {
    return this.wake[0]!;
  }

  private grow(): void {
    const at = new Float64Array(this.at.length * 2);
    at.set(this.at);
    this.at = at;
    const seq = new Float64Array(this.seq.length * 2);
    seq.set(this.seq);
    this.seq = seq;
  }
}

let lastSecond = NaN;
let lastStamp = '';

/** RFC 3339, UTC, second precision: `2025-03-01T09:00:00Z`. */
export function toTimestamp(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec !== lastSecond) {
    lastSecond = sec;
    lastStamp = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastStamp;
}

let microSecond = NaN;
let microPrefix = '';

/** RFC 3339 with microseconds (`MicroTime`, used by Leases and event series). The date part is cached per second (5,000 Leases renew every 10 s). */
export function toMicroTimestamp(ms: number): string {
  const t = Math.floor(ms);
  const sec = Math.floor(t / 1000);
  if (sec !== microSecond) {
    microSecond = sec;
    microPrefix = `${new Date(sec * 1000).toISOString().slice(0, 19)}.`;
  }
  const milli = t - sec * 1000;
  return `${microPrefix}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}000Z`;
}

const parsedCache = new Map<string, number>();

/** Parses an RFC 3339 timestamp to ms since the epoch (cached: the same strings recur a lot). */
export function parseTimestamp(ts: string | undefined): number | undefined {
  if (!ts) return undefined;
  let v = parsedCache.get(ts);
  if (v === undefined) {
    v = Date.parse(ts);
    if (Number.isNaN(v)) return undefined;
    if (parsedCache.size > 100_000) parsedCache.clear();
    parsedCache.set(ts, v);
  }
  return v;
}
