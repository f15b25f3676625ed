import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { fromLabelSelector, selectorString } from '../../../../sim/k8s/index';

/** Small readers for printer code: plain objects with unknown shapes. */

export type Obj = Record<string, unknown>;

/** `obj.a.b.c`, or undefined when any step is missing. */
export function field(obj: unknown, ...path: string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[p];
  }
  return cur;
}

/** A string field, or ''. */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A numeric field, or the default. */
export function num(v: unknown, dflt = 0): number {
  return typeof v === 'number' ? v : dflt;
}

/** An array field, or []. */
export function arr<T = Obj>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

/** A string map field, or {}. */
export function map(v: unknown): Record<string, string> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
}

/** `labels.FormatLabels`: `k=v` sorted by key, joined by `,`; `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** `LabelSelectorAsSelector(sel).String()`: empty string for a nil or empty selector. */
export function selectorAsString(sel: LabelSelector | undefined | null): string {
  const s = fromLabelSelector(sel);
  return s === null ? '' : selectorString(s);
}

/** `layoutContainerCells`: container names and images, comma-joined. */
export function containerCells(podSpec: unknown): [string, string] {
  const containers = arr(field(podSpec, 'containers'));
  return [containers.map((c) => str(c.name)).join(','), containers.map((c) => str(c.image)).join(',')];
}
