import type { PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches, type Labels, type Selector } from '../api/selectors';

/**
 * `framework.AffinityTerm`: a pod (anti-)affinity term with its label
 * selector parsed. A pod matches when its namespace is in `namespaces` (the
 * term's list, or the owning pod's namespace when the term names none and
 * has no namespaceSelector) or its namespace's labels match
 * `namespaceSelector`, and its labels match `selector`.
 */
export interface AffinityTerm {
  namespaces: Set<string>;
  /** null matches nothing, [] everything (`LabelSelectorAsSelector`). */
  namespaceSelector: Selector;
  selector: Selector;
  topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

/** `newAffinityTerm` for a term of a pod in `namespace`. */
export function affinityTerm(namespace: string, t: PodAffinityTerm): AffinityTerm {
  const namespaces = new Set<string>();
  if ((t.namespaces ?? []).length === 0 && t.namespaceSelector == null) namespaces.add(namespace);
  else for (const n of t.namespaces ?? []) namespaces.add(n);
  return {
    namespaces,
    namespaceSelector: fromLabelSelector(t.namespaceSelector),
    selector: fromLabelSelector(t.labelSelector),
    topologyKey: t.topologyKey,
  };
}

export function affinityTerms(namespace: string, terms: readonly PodAffinityTerm[] | undefined): AffinityTerm[] {
  return (terms ?? []).map((t) => affinityTerm(namespace, t));
}

export function weightedAffinityTerms(namespace: string, terms: readonly WeightedPodAffinityTerm[] | undefined): WeightedAffinityTerm[] {
  return (terms ?? []).map((t) => ({ ...affinityTerm(namespace, t.podAffinityTerm), weight: t.weight }));
}

/** `AffinityTerm.Matches(pod, nsLabels)`. */
export function termMatches(t: AffinityTerm, podNamespace: string, podLabels: Labels, nsLabels: Labels): boolean {
  if (t.namespaces.has(podNamespace) || (t.namespaceSelector !== null && matches(t.namespaceSelector, nsLabels ?? {}))) {
    return matches(t.selector, podLabels);
  }
  return false;
}

/**
 * `mergeAffinityTermNamespacesIfNotEmpty` for the incoming pod's terms: a
 * non-empty namespaceSelector is resolved to namespace names now and
 * replaced by "nothing"; an empty one (all namespaces) stays.
 */
export function mergeNamespaces(t: AffinityTerm, namespacesMatching: (sel: Selector) => readonly string[]): AffinityTerm {
  if (t.namespaceSelector !== null && t.namespaceSelector.length === 0) return t;
  const namespaces = new Set(t.namespaces);
  if (t.namespaceSelector !== null) for (const n of namespacesMatching(t.namespaceSelector)) namespaces.add(n);
  return { ...t, namespaces, namespaceSelector: null };
}
