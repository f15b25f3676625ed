import type { NodeSelectorRequirement, NodeSelectorTerm, Pod, PreferredSchedulingTerm } from 'kubernetes-types/core/v1';

/**
 * Node selection as `component-helpers/scheduling/corev1/nodeaffinity`
 * evaluates it: `spec.nodeSelector` (all labels must match) AND the required
 * node affinity terms (ORed; a term ANDs its label expressions and its
 * `metadata.name` field expressions; an empty or invalid term matches nothing).
 */
export interface NodeLike {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

type LabelTest = (labels: Readonly<Record<string, string>>) => boolean;

interface CompiledTerm {
  labels: LabelTest[];
  /** metadata.name tests. */
  fields: ((name: string) => boolean)[];
}

function has(labels: Readonly<Record<string, string>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

/** `nodeSelectorRequirementsAsSelector` for one requirement; undefined when invalid. */
function labelTest(r: NodeSelectorRequirement): LabelTest | undefined {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return values.length === 0 ? undefined : (l) => has(l, r.key) && values.includes(l[r.key]);
    case 'NotIn':
      return values.length === 0 ? undefined : (l) => !has(l, r.key) || !values.includes(l[r.key]);
    case 'Exists':
      return values.length !== 0 ? undefined : (l) => has(l, r.key);
    case 'DoesNotExist':
      return values.length !== 0 ? undefined : (l) => !has(l, r.key);
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1 || !/^[+-]?\d+$/.test(values[0])) return undefined;
      const bound = Number(values[0]);
      const gt = r.operator === 'Gt';
      return (l) => {
        if (!has(l, r.key) || !/^[+-]?\d+$/.test(l[r.key])) return false;
        const v = Number(l[r.key]);
        return gt ? v > bound : v < bound;
      };
    }
    default:
      return undefined;
  }
}

/** `nodeSelectorRequirementsAsFieldSelector`: only `metadata.name` In/NotIn with one value. */
function fieldTest(r: NodeSelectorRequirement): ((name: string) => boolean) | undefined {
  const values = r.values ?? [];
  if (r.key !== 'metadata.name' || values.length !== 1) return undefined;
  if (r.operator === 'In') return (n) => n === values[0];
  if (r.operator === 'NotIn') return (n) => n !== values[0];
  return undefined;
}

/** A compiled term, or undefined when it can match nothing (empty or invalid). */
function compileTerm(t: NodeSelectorTerm | undefined): CompiledTerm | undefined {
  const exprs = t?.matchExpressions ?? [];
  const fields = t?.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return undefined;
  const out: CompiledTerm = { labels: [], fields: [] };
  for (const r of exprs) {
    const f = labelTest(r);
    if (!f) return undefined;
    out.labels.push(f);
  }
  for (const r of fields) {
    const f = fieldTest(r);
    if (!f) return undefined;
    out.fields.push(f);
  }
  return out;
}

function termMatches(t: CompiledTerm, node: NodeLike): boolean {
  for (const f of t.labels) if (!f(node.labels)) return false;
  for (const f of t.fields) if (!f(node.name)) return false;
  return true;
}

/** `nodeaffinity.RequiredNodeAffinity`: `GetRequiredNodeAffinity(pod).Match(node)`. */
export class RequiredNodeAffinity {
  private readonly selector: [string, string][] | null;
  /** null: no required node affinity (everything passes); else ORed terms (empty list: nothing). */
  private readonly terms: CompiledTerm[] | null;

  constructor(pod: Pod) {
    const sel = pod.spec?.nodeSelector;
    this.selector = sel && Object.keys(sel).length > 0 ? Object.entries(sel) : null;
    const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (!req) this.terms = null;
    else {
      this.terms = [];
      for (const t of req.nodeSelectorTerms ?? []) {
        const c = compileTerm(t);
        if (c) this.terms.push(c);
      }
    }
  }

  /** The pod's; pods with neither a nodeSelector nor required node affinity share one empty instance. */
  static of(pod: Pod): RequiredNodeAffinity {
    const sel = pod.spec?.nodeSelector;
    if (pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution == null && (sel == null || !hasKeys(sel))) return NONE;
    return new RequiredNodeAffinity(pod);
  }

  /** Whether the pod has any nodeSelector or required node affinity at all. */
  get isEmpty(): boolean {
    return this.selector === null && this.terms === null;
  }

  match(node: NodeLike): boolean {
    if (this.selector) {
      for (const [k, v] of this.selector) if (!has(node.labels, k) || node.labels[k] !== v) return false;
    }
    if (this.terms) {
      for (const t of this.terms) if (termMatches(t, node)) return true;
      return false;
    }
    return true;
  }
}

const NONE = new RequiredNodeAffinity({});

function hasKeys(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

/** `nodeaffinity.PreferredSchedulingTerms`: Σ weights of the matching preferred terms. */
export class PreferredSchedulingTerms {
  private readonly terms: { weight: number; term: CompiledTerm }[] = [];

  constructor(terms: readonly PreferredSchedulingTerm[]) {
    for (const t of terms) {
      if (!t.weight) continue;
      const c = compileTerm(t.preference);
      if (c) this.terms.push({ weight: t.weight, term: c });
    }
  }

  score(node: NodeLike): number {
    let s = 0;
    for (const t of this.terms) if (termMatches(t.term, node)) s += t.weight;
    return s;
  }
}
