/**
 * What the control plane is doing, for the screen: every API write (who
 * wrote what) and short notes from components ("ReplicaSet web-7d4b9: 2 of 3
 * pods → creating 1"). A bounded ring buffer; cheap enough to stay on at
 * 150,000 pods.
 */
export interface Activity {
  seq: number;
  at: number;
  /** The component: `kubectl`, `deployment-controller`, `default-scheduler`, `kubelet/worker-1`, … */
  actor: string;
  type: 'write' | 'note';
  /** For writes: create, update, updateStatus, patch, delete, bind, evict. */
  verb?: string;
  resource?: string;
  /** `namespace/name` of the object concerned. */
  key?: string;
  message?: string;
}

/**
 * A ring buffer stored in columns (no object per entry), so recording every
 * API write stays cheap at 150,000 pods; `entries()` builds objects on read.
 */
export class ActivityLog {
  private readonly at: Float64Array;
  private readonly seqs: Float64Array;
  private readonly actor: string[];
  private readonly type: ('write' | 'note')[];
  private readonly verb: (string | undefined)[];
  private readonly resource: (string | undefined)[];
  private readonly key: (string | undefined)[];
  private readonly message: (string | undefined)[];
  private next = 0;
  private size = 0;
  private seq = 0;
  private readonly listeners = new Set<(a: Activity) => void>();

  constructor(private readonly capacity = 2000) {
    this.at = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.actor = Array.from({ length: capacity });
    this.type = Array.from({ length: capacity });
    this.verb = Array.from({ length: capacity });
    this.resource = Array.from({ length: capacity });
    this.key = Array.from({ length: capacity });
    this.message = Array.from({ length: capacity });
  }

  /** Records a write by `actor` (verb on resource/key) or a note. */
  record(entry: Omit<Activity, 'seq'>): void {
    this.push(entry.at, entry.actor, entry.type, entry.verb, entry.resource, entry.key, entry.message);
  }

  /** Same as `record` without building an entry object first (the hot path for API writes). */
  push(at: number, actor: string, type: 'write' | 'note', verb?: string, resource?: string, key?: string, message?: string): void {
    const i = this.next;
    const seq = this.seq++;
    this.at[i] = at;
    this.seqs[i] = seq;
    this.actor[i] = actor;
    this.type[i] = type;
    this.verb[i] = verb;
    this.resource[i] = resource;
    this.key[i] = key;
    this.message[i] = message;
    this.next = i + 1 === this.capacity ? 0 : i + 1;
    if (this.size < this.capacity) this.size++;
    if (this.listeners.size) {
      const a = this.entryAt(i);
      for (const l of this.listeners) l(a);
    }
  }

  /** How many entries were ever recorded. */
  get total(): number {
    return this.seq;
  }

  private entryAt(i: number): Activity {
    const a: Activity = { seq: this.seqs[i], at: this.at[i], actor: this.actor[i], type: this.type[i] };
    if (this.verb[i] !== undefined) a.verb = this.verb[i];
    if (this.resource[i] !== undefined) a.resource = this.resource[i];
    if (this.key[i] !== undefined) a.key = this.key[i];
    if (this.message[i] !== undefined) a.message = this.message[i];
    return a;
  }

  /** Entries in order, oldest first; only those with seq > `afterSeq` when given. */
  entries(afterSeq = -1): Activity[] {
    const out: Activity[] = [];
    const start = this.size < this.capacity ? 0 : this.next;
    for (let n = 0; n < this.size; n++) {
      const i = (start + n) % this.capacity;
      if (this.seqs[i] > afterSeq) out.push(this.entryAt(i));
    }
    return out;
  }

  subscribe(listener: (a: Activity) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
