/** One collator for every name comparison: `localeCompare` with options builds one per call, which is slow in hot sorts. */
const collator = new Intl.Collator('en', { numeric: true });

/**
 * Compares names as people read them: `worker-2` before `worker-10`.
 * @example ['worker-10', 'worker-2'].sort(naturalCompare) // ['worker-2', 'worker-10']
 */
export const naturalCompare: (a: string, b: string) => number = collator.compare;
