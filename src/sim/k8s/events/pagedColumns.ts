/**
 * Typed columns that grow a page at a time. A column that doubles allocates
 * its whole new size at once (50 MB for the event log's columns at a
 * million events) outside the JavaScript heap, and so much external memory
 * at once makes V8 stop everything for a full, non-incremental collection
 * (about half a second at 150,000 pods). Pages are allocated as needed and
 * never copied.
 */
const PAGE_BITS = 14;
const PAGE = 1 << PAGE_BITS;
const MASK = PAGE - 1;

/*
 * Two classes, not one generic over the array type: each keeps its element
 * accesses monomorphic (a generic column measured 10-20 % slower on the
 * event log's appends).
 */

/** Numbers, one Float64Array page after another. */
export class F64Column {
  private pages: Float64Array[] = [];

  get(i: number): number {
    return this.pages[i >>> PAGE_BITS][i & MASK];
  }

  set(i: number, v: number): void {
    this.pages[i >>> PAGE_BITS][i & MASK] = v;
  }

  /** Makes room for entries below `n`. */
  reserve(n: number): void {
    while (this.pages.length << PAGE_BITS < n) this.pages.push(new Float64Array(PAGE));
  }

  /** Drops the first `count` pages (entry `i` becomes `i - count * PAGE_SIZE`). */
  dropPages(count: number): void {
    this.pages.splice(0, count);
  }
}

/** Bytes (flags), one Uint8Array page after another. */
export class U8Column {
  private pages: Uint8Array[] = [];

  get(i: number): number {
    return this.pages[i >>> PAGE_BITS][i & MASK];
  }

  set(i: number, v: number): void {
    this.pages[i >>> PAGE_BITS][i & MASK] = v;
  }

  reserve(n: number): void {
    while (this.pages.length << PAGE_BITS < n) this.pages.push(new Uint8Array(PAGE));
  }

  dropPages(count: number): void {
    this.pages.splice(0, count);
  }
}

let blank: unknown[] | undefined;

/** A page of `undefined`: copying it is a block copy (building one with `Array.from` walks its 16K entries one by one). */
function blankPage(): unknown[] {
  return (blank ??= Array.from({ length: PAGE }));
}

/**
 * Strings or objects, one plain array page after another: appending never
 * copies the entries before it (a growing array of 750,000 pointers is
 * copied whole at each growth), and whole pages drop without a splice.
 */
export class RefColumn<T> {
  private pages: T[][] = [];

  get(i: number): T {
    return this.pages[i >>> PAGE_BITS][i & MASK];
  }

  set(i: number, v: T): void {
    this.pages[i >>> PAGE_BITS][i & MASK] = v;
  }

  reserve(n: number): void {
    while (this.pages.length << PAGE_BITS < n) this.pages.push(blankPage().slice() as T[]);
  }

  dropPages(count: number): void {
    this.pages.splice(0, count);
  }
}

/** Entries per page. */
export const PAGE_SIZE = PAGE;
