/**
 * The pipeline filters' names, in `FILTERS`' order, on their own: the page's
 * first chunk reads them (Undo's look-only test) without loading the shell.
 * `filters.test.ts` holds them equal to `FILTERS`.
 */
export const FILTER_NAMES: readonly string[] = ['grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'awk', 'base64', 'cat'];
