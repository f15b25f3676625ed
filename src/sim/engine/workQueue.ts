/**
 * A de-duplicating FIFO of keys, like client-go's work queue: a key added
 * while it is already waiting keeps its place and is processed once.
 *
 * Each key remembers the position it was last pushed at (positions count
 * every push since the queue was made), so taking a key out is no write
 * at all: a key is waiting while its position is not yet taken. The
 * positions are forgotten when the queue runs empty and they have grown
 * many, so the table neither grows forever nor shrinks and regrows with
 * every burst of keys (a Set's deletes did that: about 2 % of the engine's
 * allocation at 30,000 pods).
 *
 * While only a few keys wait (most adds: a ReplicaSet's key again, a
 * kubelet's pod keys fired at one instant), an add compares the key with
 * them instead: no positions kept, no lookup. A burst beyond SCAN_UP_TO
 * writes the waiting keys' positions and keeps them until the queue runs
 * empty (the lookups and inserts were ~2 % of the profile at 150,000 pods).
 *
 * The keys wait in a ring that keeps its size when the queue runs empty
 * (an array started afresh at every burst regrew by copying: another 2 %
 * of the allocation).
 */
export class WorkQueue<T = unknown> {
  /** `waiting`: a count of the keys waiting, shared with other queues (a controller manager's), kept up to date by this one. */
  constructor(private readonly waiting: { count: number } = { count: 0 }) {}

  /** The key pushed at position `p` sits at `ring[p & mask]`. */
  private ring: (string | undefined)[] = Array.from<string | undefined>({ length: INITIAL });
  private mask = INITIAL - 1;
  /** Keys pushed and popped since the queue was made (the next push's and pop's positions). */
  private pushed = 0;
  private popped = 0;
  private readonly pushedAt = new Map<string, number>();
  /** Whether `pushedAt` holds every waiting key's position (else few wait, and `add` scans them). */
  private indexed = false;
  /** The token given with each waiting key (`tokens[p & mask]`, as `ring`). */
  private tokens: (T | undefined)[] = Array.from<T | undefined>({ length: INITIAL });
  /** The token of the key `pop` returned last. */
  poppedToken: T | undefined;

  /** Adds `key` unless it waits already; `token` (optional) comes back through `poppedToken` when the key is popped. */
  add(key: string, token?: T): void {
    // In an empty queue no key waits: its remembered position need not be looked up.
    const n = this.pushed - this.popped;
    if (n !== 0) {
      if (this.indexed) {
        const at = this.pushedAt.get(key);
        if (at !== undefined && at >= this.popped) return;
      } else {
        const ring = this.ring;
        for (let q = this.popped; q < this.pushed; q++) if (ring[q & this.mask] === key) return;
        if (n >= SCAN_UP_TO) this.index();
      }
      if (n > this.mask) this.grow();
    }
    const p = this.pushed++;
    if (this.indexed) this.pushedAt.set(key, p);
    this.ring[p & this.mask] = key;
    this.tokens[p & this.mask] = token;
    this.waiting.count++;
  }

  get length(): number {
    return this.pushed - this.popped;
  }

  pop(): string | undefined {
    if (this.popped === this.pushed) return undefined;
    const i = this.popped++ & this.mask;
    const key = this.ring[i]!;
    // The slot lets go of its key (the ring outlives the keys it held).
    this.ring[i] = undefined;
    this.poppedToken = this.tokens[i];
    this.tokens[i] = undefined;
    this.waiting.count--;
    // Empty: back to scanning; forget the positions once they are many (those left are all taken).
    if (this.popped === this.pushed) {
      this.indexed = false;
      if (this.pushedAt.size > FORGET_AT) this.pushedAt.clear();
    }
    return key;
  }

  has(key: string): boolean {
    if (!this.indexed) {
      for (let q = this.popped; q < this.pushed; q++) if (this.ring[q & this.mask] === key) return true;
      return false;
    }
    const at = this.pushedAt.get(key);
    return at !== undefined && at >= this.popped;
  }

  /** Writes the position of every waiting key (a burst outgrew the scan). */
  private index(): void {
    for (let q = this.popped; q < this.pushed; q++) this.pushedAt.set(this.ring[q & this.mask]!, q);
    this.indexed = true;
  }

  /** Keys in order, for snapshots and inspection. */
  toArray(): string[] {
    const out: string[] = [];
    for (let p = this.popped; p < this.pushed; p++) out.push(this.ring[p & this.mask]!);
    return out;
  }

  /** Doubles the ring, keeping every waiting key at its position's new slot. */
  private grow(): void {
    const size = 2 * (this.mask + 1);
    const ring = Array.from<string | undefined>({ length: size });
    const tokens = Array.from<T | undefined>({ length: size });
    for (let p = this.popped; p < this.pushed; p++) {
      ring[p & (size - 1)] = this.ring[p & this.mask];
      tokens[p & (size - 1)] = this.tokens[p & this.mask];
    }
    this.ring = ring;
    this.tokens = tokens;
    this.mask = size - 1;
  }
}

/** Keys waiting up to which `add` compares the new key with them instead of keeping positions. */
const SCAN_UP_TO = 8;

/** How many remembered positions an empty queue keeps. */
const FORGET_AT = 4096;

/** The ring's first size (a power of two). */
const INITIAL = 16;
