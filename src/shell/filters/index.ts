import { awk } from './awk';
import { base64 } from './base64';
import { cat } from './cat';
import { cut } from '../../lib/filters/cut';
import type { FilterSpec } from '../../lib/filters/filter';
import { grep } from './grep';
import { head, tail } from './headTail';
import { sort } from '../../lib/filters/sort';
import { uniq } from '../../lib/filters/uniq';
import { wc } from '../../lib/filters/wc';

export type { FilterIo, FilterRun, FilterSpec } from '../../lib/filters/filter';

/** The text filters pipelines can use, in the order `help` lists them. */
export const FILTERS: readonly FilterSpec[] = [grep, head, tail, wc, sort, uniq, cut, awk, base64, cat];
