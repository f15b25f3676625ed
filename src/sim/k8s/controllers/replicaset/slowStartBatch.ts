/** `SlowStartInitialBatchSize`. */
export const SlowStartInitialBatchSize = 1;

/**
 * `slowStartBatch`: calls `fn` `count` times in batches of 1, 2, 4, 8, …;
 * stops after the first batch with an error. Returns how many succeeded and
 * the first error.
 */
export function slowStartBatch<E>(count: number, initialBatchSize: number, fn: () => E | undefined): { successes: number; error: E | undefined } {
  let remaining = count;
  let successes = 0;
  for (let batchSize = Math.min(remaining, initialBatchSize); batchSize > 0; batchSize = Math.min(2 * batchSize, remaining)) {
    let error: E | undefined;
    let ok = 0;
    for (let i = 0; i < batchSize; i++) {
      const e = fn();
      if (e === undefined) ok++;
      else if (error === undefined) error = e;
    }
    successes += ok;
    if (error !== undefined) return { successes, error };
    remaining -= batchSize;
  }
  return { successes, error: undefined };
}
