/**
 * Completion indexes of Indexed Jobs (`pkg/controller/job/indexed_job_utils.go`):
 * the `batch.kubernetes.io/job-completion-index` annotation and the
 * `status.completedIndexes` interval text (`"0-2,4"`).
 */
export const JobCompletionIndexAnnotation = 'batch.kubernetes.io/job-completion-index';

/** The pod's completion index, or undefined when missing or not a valid index below `completions`. */
export function getCompletionIndex(annotations: Record<string, string> | undefined, completions: number): number | undefined {
  const v = annotations?.[JobCompletionIndexAnnotation];
  if (v === undefined || !/^[0-9]+$/.test(v)) return undefined;
  const i = Number(v);
  return i < completions ? i : undefined;
}

/** `orderedIntervals.String()`: sorted indexes as `0-2,4`. */
export function formatIntervals(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** `parseIndexesFromString`: the indexes in `0-2,4` below `completions`. */
export function parseIntervals(text: string | undefined, completions: number): Set<number> {
  const out = new Set<number>();
  if (!text) return out;
  for (const part of text.split(',')) {
    const [a, b] = part.split('-').map(Number);
    const end = b === undefined ? a : b;
    for (let i = a; i <= end && i < completions; i++) if (Number.isInteger(i)) out.add(i);
  }
  return out;
}

/** `firstPendingIndexes`: the lowest `count` indexes neither completed nor running. */
export function firstPendingIndexes(completed: Set<number>, running: Set<number>, count: number, completions: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!completed.has(i) && !running.has(i)) out.push(i);
  return out;
}
