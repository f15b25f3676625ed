import type { KubeObject } from '../../../../sim/k8s/index';

/** A column of a server-side table (`metav1.TableColumnDefinition`). */
export interface Column {
  name: string;
  /** 1: shown only with `-o wide`. */
  priority?: number;
  /** `name`: the column that gets the `kind/` prefix. */
  format?: 'name';
}

/** A cell as the API server sends it (strings, integers, booleans). */
export type Cell = string | number | boolean;

/**
 * One kind's table printer, as `printers.go` defines it: the columns and a
 * row function that, like the API server, always computes every column
 * (the client drops `-o wide` columns).
 */
export interface KindPrinter {
  group: string;
  kind: string;
  columns: readonly Column[];
  row(obj: KubeObject, now: number): Cell[];
}
