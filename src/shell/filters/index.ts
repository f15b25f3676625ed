import { awk } from './awk';
import { base64 } from './base64';
import { cat } from './cat';
import { cut } from './cut';
import type { FilterSpec } from './filter';
import { grep } from './grep';
import { head, tail } from './headTail';
import { sort } from './sort';
import { uniq } from './uniq';
import { wc } from './wc';

export type { FilterIo, FilterRun, FilterSpec } from './filter';

/** The text filters pipelines can use, in the order `help` lists them. */
export const FILTERS: readonly FilterSpec[] = [grep, head, tail, wc, sort, uniq, cut, awk, base64, cat];
