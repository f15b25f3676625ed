/**
 * activeQ's order — highest priority first, then first queued first — kept
 * as one FIFO per priority level. Equal to a heap ordered by (priority,
 * sequence number) because sequence numbers only grow, but push and pop are
 * O(1) for the usual single priority, and no comparison touches other pods.
 */
export class ActiveQueue<T> {
  private readonly levels = new Map<number, Fifo<T>>();
  /** Priorities with a FIFO, highest first. */
  private readonly priorities: number[] = [];

  push(priority: number, item: T): void {
    let level = this.levels.get(priority);
    if (!level) {
      level = new Fifo<T>();
      this.levels.set(priority, level);
      let i = 0;
      while (i < this.priorities.length && this.priorities[i] > priority) i++;
      this.priorities.splice(i, 0, priority);
    }
    level.push(item);
  }

  /** Removes and returns the first item of the highest priority, or undefined when empty. */
  pop(): T | undefined {
    for (const p of this.priorities) {
      const item = this.levels.get(p)!.shift();
      if (item !== undefined) return item;
    }
    return undefined;
  }
}

/** An array-backed FIFO that drops its consumed head now and then. */
class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}
