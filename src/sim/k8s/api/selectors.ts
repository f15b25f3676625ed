import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { ObjectStore, StoredObject } from '../../engine/store';

/**
 * Label selectors: `metav1.LabelSelector` and kubectl's `-l` strings, parsed
 * into requirements, matched against labels, printed as the API prints them,
 * and answered from the store's label indexes.
 */
export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Equals' | 'NotEquals' | 'Gt' | 'Lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** A parsed selector; `null` matches nothing, an empty list matches everything. */
export type Selector = Requirement[] | null;

export type Labels = Readonly<Record<string, string>> | undefined;

/** `metav1.LabelSelectorAsSelector`: nil → nothing, empty → everything. */
export function fromLabelSelector(sel: LabelSelector | undefined | null): Selector {
  if (!sel) return null;
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, operator: 'Equals', values: [value] });
  for (const e of sel.matchExpressions ?? []) {
    const op = e.operator as Operator;
    reqs.push({ key: e.key, operator: op, values: [...(e.values ?? [])].sort() });
  }
  return sortRequirements(reqs);
}

/** A selector matching exactly these labels (`labels.SelectorFromSet`). */
export function fromSet(set: Labels): Selector {
  return sortRequirements(Object.entries(set ?? {}).map(([key, value]) => ({ key, operator: 'Equals' as const, values: [value] })));
}

function sortRequirements(reqs: Requirement[]): Requirement[] {
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function matchesRequirement(r: Requirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? labels![r.key] : undefined;
  switch (r.operator) {
    case 'Equals':
    case 'In':
      return has && r.values.includes(v!);
    case 'NotEquals':
    case 'NotIn':
      return !has || !r.values.includes(v!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has) return false;
      const n = Number(v);
      if (!Number.isInteger(n)) return false;
      return r.operator === 'Gt' ? n > Number(r.values[0]) : n < Number(r.values[0]);
    }
  }
}

export function matches(sel: Selector, labels: Labels): boolean {
  if (sel === null) return false;
  for (const r of sel) if (!matchesRequirement(r, labels)) return false;
  return true;
}

/** Whether a metav1.LabelSelector matches labels. */
export function labelSelectorMatches(sel: LabelSelector | undefined | null, labels: Labels): boolean {
  return matches(fromLabelSelector(sel), labels);
}

/** `labels.Selector.String()`: `app=web,tier in (a,b),!legacy`. */
export function selectorString(sel: Selector): string {
  if (sel === null) return '<none>';
  return sel
    .map((r) => {
      switch (r.operator) {
        case 'Equals':
          return `${r.key}=${r.values[0]}`;
        case 'NotEquals':
          return `${r.key}!=${r.values[0]}`;
        case 'In':
          return `${r.key} in (${r.values.join(',')})`;
        case 'NotIn':
          return `${r.key} notin (${r.values.join(',')})`;
        case 'Exists':
          return r.key;
        case 'DoesNotExist':
          return `!${r.key}`;
        case 'Gt':
          return `${r.key}>${r.values[0]}`;
        case 'Lt':
          return `${r.key}<${r.values[0]}`;
      }
    })
    .join(',');
}

/** `metav1.FormatLabelSelector`: `<none>` for an empty selector. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  const s = fromLabelSelector(sel);
  if (s === null) return '<none>';
  const str = selectorString(s);
  return str === '' ? '<none>' : str;
}

/** Error from parsing a `-l` selector string, worded as `labels.Parse` words it. */
export class SelectorParseError extends Error {}

/**
 * Parses a kubectl `-l` selector (`app=web,tier!=db`, `env in (a,b)`, `!x`).
 * Throws SelectorParseError with the real wording on bad input.
 */
export function parseSelector(text: string): Requirement[] {
  const reqs: Requirement[] = [];
  const s = text.trim();
  if (s === '') return [];
  let i = 0;
  const skipWs = () => {
    while (i < s.length && s[i] === ' ') i++;
  };
  const readWord = (): string => {
    const start = i;
    while (i < s.length && !' ,=!()<>'.includes(s[i])) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skipWs();
    let negate = false;
    if (s[i] === '!') {
      negate = true;
      i++;
      skipWs();
    }
    const key = readWord();
    if (!key) throw new SelectorParseError(`found '${s[i] ?? ''}', expected: identifier`);
    skipWs();
    if (negate) {
      reqs.push({ key, operator: 'DoesNotExist', values: [] });
    } else if (i >= s.length || s[i] === ',') {
      reqs.push({ key, operator: 'Exists', values: [] });
    } else if (s.startsWith('==', i) || s[i] === '=') {
      i += s.startsWith('==', i) ? 2 : 1;
      skipWs();
      reqs.push({ key, operator: 'Equals', values: [readWord()] });
    } else if (s.startsWith('!=', i)) {
      i += 2;
      skipWs();
      reqs.push({ key, operator: 'NotEquals', values: [readWord()] });
    } else if (s[i] === '>' || s[i] === '<') {
      const op = s[i] === '>' ? 'Gt' : 'Lt';
      i++;
      skipWs();
      reqs.push({ key, operator: op, values: [readWord()] });
    } else {
      const word = readWord();
      if (word !== 'in' && word !== 'notin') throw new SelectorParseError(`found '${word}', expected: in, notin, =, ==, !=, gt, lt`);
      skipWs();
      if (s[i] !== '(') throw new SelectorParseError(`found '${s[i] ?? ''}', expected: '('`);
      i++;
      const values: string[] = [];
      for (;;) {
        skipWs();
        values.push(readWord());
        skipWs();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ')') {
          i++;
          break;
        }
        throw new SelectorParseError(`found '${s[i] ?? ''}', expected: ',' or ')'`);
      }
      reqs.push({ key, operator: word === 'in' ? 'In' : 'NotIn', values: values.sort() });
    }
    skipWs();
    if (i < s.length) {
      if (s[i] !== ',') throw new SelectorParseError(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return sortRequirements(reqs);
}

/**
 * Objects of `resource` (optionally in `namespace`) matching `sel`, found
 * through the label index: candidates come from the narrowest equality
 * requirement, so a query costs what it returns, not the size of the table.
 * A table without a label index (Events) is scanned.
 */
export function selectFromStore<T extends StoredObject>(store: ObjectStore, resource: string, namespace: string | undefined, sel: Selector): T[] {
  if (sel === null) return [];
  let candidates: ReadonlySet<string> | undefined;
  for (const r of sel) {
    let set: ReadonlySet<string> | undefined;
    if (r.operator === 'Equals' || (r.operator === 'In' && r.values.length === 1)) set = store.keysWithLabel(resource, r.key, r.values[0]);
    else if (r.operator === 'Exists') set = store.keysWithLabelKey(resource, r.key);
    if (set && (!candidates || set.size < candidates.size)) candidates = set;
  }
  const out: T[] = [];
  if (!candidates) {
    for (const obj of store.list<T>(resource, namespace)) if (matches(sel, obj.metadata.labels)) out.push(obj);
    return out;
  }
  for (const key of candidates) {
    const obj = store.get<T>(resource, key)!;
    if (namespace !== undefined && (obj.metadata.namespace ?? '') !== namespace) continue;
    if (matches(sel, obj.metadata.labels)) out.push(obj);
  }
  return out;
}

/** The value a field selector compares at `path` (`spec.nodeName`): '' for a missing leaf, undefined below a missing object. */
export function fieldValue(obj: object, path: string): string | undefined {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined || cur === null ? '' : String(cur);
}
