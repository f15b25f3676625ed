/**
 * Where a V8 CPU profile's time went: self time per function (name, file and
 * line), so `npm run bench:ui -- --cpu-prof FILE` says which code a frame's
 * script time is spent in.
 */

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface ProfileSummary {
  /** Sampled milliseconds in all. */
  readonly totalMs: number;
  /** Self milliseconds per function, largest first. */
  readonly self: ReadonlyArray<readonly [string, number]>;
  /** Self milliseconds per source file. */
  readonly files: ReadonlyArray<readonly [string, number]>;
}

function fileOf(url: string): string {
  if (!url) return '(native)';
  return url.replace(/^.*\//, '').replace(/\?.*$/, '');
}

/** Sums each sample's time delta onto the function it landed in. */
export function summarizeProfile(profile: CpuProfile, top = 30): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const files = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    if (!node) continue;
    const us = deltas[i + 1] ?? 0;
    const f = node.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    total += us;
    const key = `${f.functionName || '(anonymous)'} ${fileOf(f.url)}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + us);
    files.set(fileOf(f.url), (files.get(fileOf(f.url)) ?? 0) + us);
  }
  const ms = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => [k, Math.round(us / 100) / 10] as const);
  return { totalMs: Math.round(total / 1000), self: ms(self), files: ms(files) };
}

export function formatProfile(s: ProfileSummary): string {
  const lines = [`JavaScript: ${s.totalMs} ms sampled (idle and program excluded)`];
  for (const [name, ms] of s.self) lines.push(`${String(ms).padStart(10)} ms  ${name}`);
  lines.push('by file:');
  for (const [name, ms] of s.files.slice(0, 10)) lines.push(`${String(ms).padStart(10)} ms  ${name}`);
  return lines.join('\n');
}
