/**
 * A de-duplicating FIFO of keys, like client-go's work queue: a key added
 * while it is already waiting keeps its place and is processed once.
 */
export class WorkQueue {
  private items: string[] = [];
  private head = 0;
  private readonly waiting = new Set<string>();

  add(key: string): void {
    if (this.waiting.has(key)) return;
    this.waiting.add(key);
    this.items.push(key);
  }

  get length(): number {
    return this.items.length - this.head;
  }

  pop(): string | undefined {
    if (this.head >= this.items.length) return undefined;
    const key = this.items[this.head++];
    this.waiting.delete(key);
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return key;
  }

  has(key: string): boolean {
    return this.waiting.has(key);
  }

  /** Keys in order, for snapshots and inspection. */
  toArray(): string[] {
    return this.items.slice(this.head);
  }
}
