/**
 * A line diff printed as GNU `diff -u` hunks (what `kubectl diff` runs):
 * a longest common subsequence over the lines between the common prefix and
 * suffix, three lines of context, hunks joined when their contexts touch,
 * `@@ -start,count +start,count @@` with `,1` left out and an empty range
 * written as the line before it with `,0`.
 */

const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; text: string };

function editScript(a: readonly string[], b: readonly string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const x = a.slice(pre, a.length - suf);
  const y = b.slice(pre, b.length - suf);
  const n = x.length;
  const m = y.length;
  // lcs[i * (m + 1) + j]: LCS length of x[i..] and y[j..].
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] = x[i] === y[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
  const ops: Op[] = a.slice(0, pre).map((text) => ({ kind: ' ', text }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      ops.push({ kind: ' ', text: x[i++] });
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1])) ops.push({ kind: '-', text: x[i++] });
    else ops.push({ kind: '+', text: y[j++] });
  }
  for (const text of a.slice(a.length - suf)) ops.push({ kind: ' ', text });
  return ops;
}

function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** The hunks of `diff -u a b`, one output line per entry (no file header); empty when equal. */
export function unifiedHunks(a: readonly string[], b: readonly string[]): string[] {
  const ops = editScript(a, b);
  const changed: number[] = [];
  ops.forEach((op, k) => op.kind !== ' ' && changed.push(k));
  const out: string[] = [];
  let c = 0;
  while (c < changed.length) {
    const from = Math.max(0, changed[c] - CONTEXT);
    let last = changed[c];
    while (c + 1 < changed.length && changed[c + 1] - last <= 2 * CONTEXT) last = changed[++c];
    c++;
    const to = Math.min(ops.length, last + CONTEXT + 1);
    // Line numbers where the hunk starts on each side.
    let aLine = 1;
    let bLine = 1;
    for (let k = 0; k < from; k++) {
      if (ops[k].kind !== '+') aLine++;
      if (ops[k].kind !== '-') bLine++;
    }
    const body = ops.slice(from, to);
    const aCount = body.filter((o) => o.kind !== '+').length;
    const bCount = body.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@`);
    for (const o of body) out.push(o.kind + o.text);
  }
  return out;
}
