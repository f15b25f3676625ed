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

export class ActivityLog {
  private readonly buffer: Activity[] = [];
  private next = 0;
  private seq = 0;
  private readonly listeners = new Set<(a: Activity) => void>();

  constructor(private readonly capacity = 2000) {}

  record(entry: Omit<Activity, 'seq'>): void {
    const a = entry as Activity;
    a.seq = this.seq++;
    if (this.buffer.length < this.capacity) this.buffer.push(a);
    else this.buffer[this.next] = a;
    this.next = (this.next + 1) % this.capacity;
    for (const l of this.listeners) l(a);
  }

  /** Entries in order, oldest first; only those with seq > `afterSeq` when given. */
  entries(afterSeq = -1): Activity[] {
    const ordered = this.buffer.length < this.capacity ? this.buffer.slice() : [...this.buffer.slice(this.next), ...this.buffer.slice(0, this.next)];
    return afterSeq < 0 ? ordered : ordered.filter((a) => a.seq > afterSeq);
  }

  subscribe(listener: (a: Activity) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
