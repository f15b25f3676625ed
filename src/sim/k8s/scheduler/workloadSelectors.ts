import { deepEqual } from '../api/objectDiff';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { fromLabelSelector, matches, type Labels, type Requirement, type Selector } from '../api/selectors';
import type { KubeObject } from '../api/types';
import type { PodInfo } from './podInfo';

type ByNamespace<T> = Map<string, Map<string, T>>;

function put<T>(m: ByNamespace<T>, ns: string, name: string, v: T | undefined): boolean {
  let inner = m.get(ns);
  if (v === undefined) {
    const had = inner?.delete(name) ?? false;
    if (inner && inner.size === 0) m.delete(ns);
    return had;
  }
  if (!inner) m.set(ns, (inner = new Map()));
  inner.set(name, v);
  return true;
}

function sameSet(a: Labels, b: Labels): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  for (const k of ka) if (a![k] !== b?.[k]) return false;
  return true;
}

/** Equal label sets, without allocating (key order aside). */
function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  if (a === b) return true;
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k] || !Object.prototype.hasOwnProperty.call(b, k)) return false;
    n++;
  }
  for (const k in b) if (Object.prototype.hasOwnProperty.call(b, k)) n--;
  return n === 0;
}

function setMatches(set: Readonly<Record<string, string>>, labels: Labels): boolean {
  for (const k in set) if (labels?.[k] !== set[k] || !Object.prototype.hasOwnProperty.call(labels ?? {}, k)) return false;
  return true;
}

/**
 * The scheduler's view of Namespaces (labels, for namespaceSelector) and of
 * the workloads whose selectors make up a pod's default spreading selector:
 * Services and ReplicationControllers (label maps), ReplicaSets and
 * StatefulSets (label selectors). Fed from watch events; answers are cached
 * per namespace and label set until a selector changes.
 */
export class WorkloadSelectors {
  private readonly namespaces = new Map<string, Readonly<Record<string, string>>>();
  private readonly setSelectors: ByNamespace<Readonly<Record<string, string>>> = new Map();
  private readonly labelSelectors: ByNamespace<Selector> = new Map();
  private readonly cache = new Map<string, Selector | undefined>();
  /** The last answer and what it was for: replicas of one workload ask in a row with equal labels. */
  private lastNamespace: string | undefined = undefined;
  private lastLabels: Readonly<Record<string, string>> | undefined = undefined;
  private lastResult: Selector | undefined = undefined;
  /** The `spec.selector` object last seen per ReplicaSet/StatefulSet: a status update keeps it, so nothing is re-parsed. */
  private readonly rawSelectors = new Map<string, LabelSelector | undefined>();

  setNamespace(obj: KubeObject, deleted: boolean): void {
    if (deleted) this.namespaces.delete(obj.metadata.name);
    else this.namespaces.set(obj.metadata.name, obj.metadata.labels ?? {});
  }

  namespaceLabels(ns: string): Labels {
    return this.namespaces.get(ns);
  }

  namespacesMatching(sel: Selector): string[] {
    const out: string[] = [];
    for (const [name, labels] of this.namespaces) if (matches(sel, labels)) out.push(name);
    return out;
  }

  /** A Service (`spec.selector`) or ReplicationController; nil selectors select nothing. */
  setSetSelector(kind: string, obj: KubeObject, deleted: boolean): void {
    const sel = (obj.spec as { selector?: Record<string, string> } | undefined)?.selector;
    const key = `${kind}/${obj.metadata.name}`;
    const ns = obj.metadata.namespace ?? '';
    const old = this.setSelectors.get(ns)?.get(key);
    const next = deleted || sel == null ? undefined : sel;
    if (old === next || (old && next && sameSet(old, next))) return;
    put(this.setSelectors, ns, key, next);
    this.clearCache();
  }

  /** A ReplicaSet or StatefulSet (`spec.selector` LabelSelector); empty selectors select nothing. */
  setLabelSelector(kind: string, obj: KubeObject, deleted: boolean): void {
    const raw = (obj.spec as { selector?: LabelSelector } | undefined)?.selector;
    const ns = obj.metadata.namespace ?? '';
    const key = `${kind}/${obj.metadata.name}`;
    const rawKey = `${ns}/${key}`;
    if (deleted) this.rawSelectors.delete(rawKey);
    else if (raw !== undefined && this.rawSelectors.get(rawKey) === raw) return;
    else this.rawSelectors.set(rawKey, raw);
    const sel = deleted ? null : fromLabelSelector(raw);
    const old = this.labelSelectors.get(ns)?.get(key);
    const next = sel === null || sel.length === 0 ? undefined : sel;
    if (deepEqual(old ?? null, next ?? null)) return;
    put(this.labelSelectors, ns, key, next);
    this.clearCache();
  }

  /**
   * `helper.DefaultSelector`: the label sets of matching Services and RCs
   * merged, plus the requirements of matching ReplicaSets and StatefulSets
   * (those ignore pods without labels); undefined when nothing selects the pod.
   */
  defaultSelector(pod: PodInfo): Selector | undefined {
    const labels = pod.labels;
    // Why: building the cache key costs a string per cycle; the previous pod usually had the same labels.
    if (this.lastLabels !== undefined && pod.namespace === this.lastNamespace && sameLabels(labels, this.lastLabels)) return this.lastResult;
    const result = this.lookup(pod.namespace, labels);
    this.lastNamespace = pod.namespace;
    this.lastLabels = labels;
    this.lastResult = result;
    return result;
  }

  private clearCache(): void {
    this.cache.clear();
    this.lastLabels = undefined;
    this.lastResult = undefined;
  }

  private lookup(namespace: string, labels: Readonly<Record<string, string>>): Selector | undefined {
    // Insertion order is fine for a cache key: a differently ordered equal set only misses the cache.
    let cacheKey = namespace;
    for (const k in labels) cacheKey += `\u0000${k}=${labels[k]}`;
    if (this.cache.has(cacheKey)) return this.cache.get(cacheKey);
    const merged: Record<string, string> = {};
    for (const set of this.setSelectors.get(namespace)?.values() ?? []) if (setMatches(set, labels)) Object.assign(merged, set);
    const reqs: Requirement[] = Object.keys(merged).map((k) => ({ key: k, operator: 'Equals', values: [merged[k]] }));
    if (Object.keys(labels).length > 0) {
      for (const sel of this.labelSelectors.get(namespace)?.values() ?? []) if (matches(sel, labels)) reqs.push(...sel!);
    }
    reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const result = reqs.length > 0 ? reqs : undefined;
    if (this.cache.size > 10_000) this.clearCache();
    this.cache.set(cacheKey, result);
    return result;
  }
}
