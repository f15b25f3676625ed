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
 * Rows of fields, not one column per field: an entry's numbers sit side by
 * side in one page (one page lookup and one cache line per entry written
 * or read, instead of one per field), its strings and objects likewise.
 * Separate classes, not one generic over the array type: each keeps its
 * element accesses monomorphic (a generic column measured 10-20 % slower
 * on the event log's appends).
 */

/** The position of entry `i`'s first field in its page, for rows of `width` fields. */
export function rowOffset(i: number, width: number): number {
  return (i & MASK) * width;
}

/** Rows of `width` numbers, one Float64Array page after another. */
export class F64Rows {
  private pages: Float64Array[] = [];

  constructor(private readonly width: number) {}

  get(i: number, field: number): number {
    return this.pages[i >>> PAGE_BITS][(i & MASK) * this.width + field];
  }

  set(i: number, field: number, v: number): void {
    this.pages[i >>> PAGE_BITS][(i & MASK) * this.width + field] = v;
  }

  /** The page holding entry `i` (its fields start at `rowOffset(i, width)`). */
  page(i: number): Float64Array {
    return this.pages[i >>> PAGE_BITS];
  }

  /** Makes room for entries below `n`. */
  reserve(n: number): void {
    while (this.pages.length << PAGE_BITS < n) this.pages.push(new Float64Array(PAGE * this.width));
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

/** Pages of `undefined` by row width: copying one is a block copy (building one with `Array.from` walks its entries one by one). */
const blanks = new Map<number, unknown[]>();

function blankPage(width: number): unknown[] {
  let page = blanks.get(width);
  if (page === undefined) blanks.set(width, (page = Array.from({ length: PAGE * width })));
  return page;
}

/**
 * Rows of `width` strings or objects, one plain array page after another:
 * appending never copies the entries before it (a growing array of
 * 750,000 pointers is copied whole at each growth), and whole pages drop
 * without a splice.
 */
export class RefRows<T> {
  private pages: T[][] = [];

  constructor(private readonly width: number) {}

  get(i: number, field: number): T {
    return this.pages[i >>> PAGE_BITS][(i & MASK) * this.width + field];
  }

  set(i: number, field: number, v: T): void {
    this.pages[i >>> PAGE_BITS][(i & MASK) * this.width + field] = v;
  }

  /** The page holding entry `i` (its fields start at `rowOffset(i, width)`). */
  page(i: number): T[] {
    return this.pages[i >>> PAGE_BITS];
  }

  reserve(n: number): void {
    while (this.pages.length << PAGE_BITS < n) this.pages.push(blankPage(this.width).slice() as T[]);
  }

  dropPages(count: number): void {
    this.pages.splice(0, count);
  }
}

/** Entries per page. */
export const PAGE_SIZE = PAGE;
