/**
 * activeQ's order — highest priority first, then first queued first — kept
 * as one FIFO per priority level. Equal to a heap ordered by (priority,
 * sequence number) because sequence numbers only grow, but push and pop are
 * O(1) for the usual single priority, and no comparison touches other pods.
 * Each item may carry a number (`tag`, read back as `lastTag` after `pop`),
 * so a caller needs no wrapper object per push to remember e.g. a generation.
 */
export class ActiveQueue<T> {
  private readonly levels = new Map<number, Fifo<T>>();
  /** Priorities with a FIFO, highest first, and their FIFOs in the same order (no map lookup per pop). */
  private readonly priorities: number[] = [];
  private readonly fifos: Fifo<T>[] = [];
  /** The tag of the item `pop` returned last. */
  lastTag = 0;

  push(priority: number, item: T, tag = 0): void {
    let level = this.levels.get(priority);
    if (!level) {
      level = new Fifo<T>();
      this.levels.set(priority, level);
      let i = 0;
      while (i < this.priorities.length && this.priorities[i] > priority) i++;
      this.priorities.splice(i, 0, priority);
      this.fifos.splice(i, 0, level);
    }
    level.push(item, tag);
  }

  /** Removes and returns the first item of the highest priority (its tag in `lastTag`), or undefined when empty. */
  pop(): T | undefined {
    for (let i = 0; i < this.fifos.length; i++) {
      const level = this.fifos[i];
      const item = level.shift();
      if (item !== undefined) {
        this.lastTag = level.shiftedTag;
        return item;
      }
    }
    return undefined;
  }
}

/** An array-backed FIFO (items and their tags side by side) that drops its consumed head now and then. */
class Fifo<T> {
  private items: (T | undefined)[] = [];
  private tags: number[] = [];
  private head = 0;
  /** The tag of the item `shift` returned last. */
  shiftedTag = 0;

  push(item: T, tag: number): void {
    this.items.push(item);
    this.tags.push(tag);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.shiftedTag = this.tags[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.tags.length = 0;
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.tags = this.tags.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}
