/** '000' … '999'. */
const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** The cluster-wide write counter behind resourceVersions, as etcd's revision. */
export class Revisions {
  private rv = 0;
  /** `String(thousandsOf)`, the leading digits of the resourceVersions handed out last. */
  private thousandsOf = -1;
  private thousands = '';

  /** The next resourceVersion. */
  nextString(): string {
    const rv = ++this.rv;
    if (rv < 1000) return String(rv);
    // The thousands as one string per thousand writes and three digits from a table: cheaper than a number conversion per write.
    const thousands = Math.floor(rv / 1000);
    if (thousands !== this.thousandsOf) {
      this.thousandsOf = thousands;
      this.thousands = String(thousands);
    }
    return this.thousands + THREE_DIGITS[rv - thousands * 1000];
  }

  /** `nextString` as a number. */
  next(): number {
    return ++this.rv;
  }

  get current(): number {
    return this.rv;
  }
}
