import type { PolicyRule } from 'kubernetes-types/rbac/v1';

/**
 * The rule table of `kubectl describe role|clusterrole` (kubectl
 * `pkg/util/rbac/rbac.go`): every rule broken down to one verb, resource and
 * name, simple rules merged again per group/resource/name, then sorted by the
 * Go `String()` of each rule.
 */

const list = (v: readonly string[] | undefined): string[] => (Array.isArray(v) ? [...v] : []);

/** `BreakdownRule`: one rule per group × resource × verb (× name); non-resource URLs per URL × verb. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  const names = list(rule.resourceNames);
  for (const group of list(rule.apiGroups)) {
    for (const resource of list(rule.resources)) {
      for (const verb of list(rule.verbs)) {
        if (names.length > 0) for (const name of names) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] });
        else out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
      }
    }
  }
  for (const url of list(rule.nonResourceURLs)) for (const verb of list(rule.verbs)) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

/** The key of a rule with one group, one resource, at most one name and nothing else; undefined otherwise. */
function simpleKey(rule: PolicyRule): string | undefined {
  const names = list(rule.resourceNames);
  if (names.length > 1 || list(rule.nonResourceURLs).length > 0) return undefined;
  const groups = list(rule.apiGroups);
  const resources = list(rule.resources);
  if (groups.length !== 1 || resources.length !== 1) return undefined;
  return JSON.stringify([groups[0], resources[0], names.length > 0, names[0] ?? '']);
}

/** `CompactRules`: simple rules that differ only by verb become one rule (verbs in first-seen order, no repeats). */
export function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const key = simpleKey(rule);
    if (key === undefined) {
      compacted.push(rule);
      continue;
    }
    const existing = simple.get(key);
    if (!existing) {
      simple.set(key, { ...rule, verbs: list(rule.verbs) });
      continue;
    }
    for (const verb of list(rule.verbs)) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
  }
  return [...compacted, ...simple.values()];
}

/** Go's `%v` of a string slice: `[a b]`. */
export function goSlice(v: readonly string[] | undefined): string {
  return `[${list(v).join(' ')}]`;
}

/** `(*PolicyRule).String()`, the sort key of `SortableRuleSlice`. */
export function policyRuleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goSlice(r.verbs)},APIGroups:${goSlice(r.apiGroups)},Resources:${goSlice(r.resources)},ResourceNames:${goSlice(r.resourceNames)},NonResourceURLs:${goSlice(r.nonResourceURLs)},}`;
}

/** Byte-wise string order, as Go's `strings.Compare`. */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rules a role describes: broken down, compacted, stably sorted by `String()`. */
export function describedRules(rules: readonly PolicyRule[] | null | undefined): PolicyRule[] {
  const compacted = compactRules((rules ?? []).flatMap(breakdownRule));
  const keyed = compacted.map((r) => ({ r, key: policyRuleString(r) }));
  keyed.sort((a, b) => compareBytes(a.key, b.key));
  return keyed.map((k) => k.r);
}

/** `CombineResourceGroup`: `resource.group/subresource` of the first resource and group; '' without resources. */
export function combineResourceGroup(resources: readonly string[] | undefined, groups: readonly string[] | undefined): string {
  const rs = list(resources);
  if (rs.length === 0) return '';
  const slash = rs[0].indexOf('/');
  let combined = slash < 0 ? rs[0] : rs[0].slice(0, slash);
  const gs = list(groups);
  if (gs.length > 0 && gs[0] !== '') combined += `.${gs[0]}`;
  if (slash >= 0) combined += `/${rs[0].slice(slash + 1)}`;
  return combined;
}
