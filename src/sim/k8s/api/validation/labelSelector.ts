import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { fieldError, type FieldError } from '../fieldErrors';
import { GoLiteral, goQuote, goStringMap } from '../goValue';
import { isQualifiedName, isValidLabelValue } from './names';

/** `%#v` of a `*metav1.LabelSelector`, as API error messages print it. */
export function goLabelSelector(sel: LabelSelector | undefined | null): GoLiteral {
  if (!sel) return new GoLiteral('null');
  const labels = sel.matchLabels && Object.keys(sel.matchLabels).length ? goStringMap(sel.matchLabels) : sel.matchLabels ? 'map[string]string{}' : 'map[string]string(nil)';
  const exprs = sel.matchExpressions;
  const reqs = exprs
    ? `[]v1.LabelSelectorRequirement{${exprs
        .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key ?? '')}, Operator:${goQuote(e.operator ?? '')}, Values:${e.values ? `[]string{${e.values.map(goQuote).join(', ')}}` : '[]string(nil)'}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return new GoLiteral(`v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${reqs}}`);
}

/** `ValidateLabelSelector` (strict: label values in selectors must be valid). */
export function validateLabelSelector(sel: LabelSelector, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(sel.matchLabels ?? {}).sort()) {
    for (const msg of isQualifiedName(k)) errs.push(fieldError.invalid(`${path}.matchLabels`, k, msg));
    for (const msg of isValidLabelValue(sel.matchLabels![k])) errs.push(fieldError.invalid(`${path}.matchLabels`, sel.matchLabels![k], msg));
  }
  (sel.matchExpressions ?? []).forEach((r, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = r.values ?? [];
    switch (r.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(fieldError.required(`${p}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(fieldError.forbidden(`${p}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
        break;
      default:
        errs.push(fieldError.invalid(`${p}.operator`, r.operator, 'not a valid selector operator'));
    }
    for (const msg of isQualifiedName(r.key ?? '')) errs.push(fieldError.invalid(`${p}.key`, r.key ?? '', msg));
    values.forEach((v, j) => {
      for (const msg of isValidLabelValue(v)) errs.push(fieldError.invalid(`${p}.values[${j}]`, v, msg));
    });
  });
  return errs;
}

/** `apiequality.Semantic.DeepEqual` for selectors: nil and empty collections are equal. */
export function selectorsEqual(a: LabelSelector | undefined | null, b: LabelSelector | undefined | null): boolean {
  if (!a || !b) return !a === !b;
  const la = a.matchLabels ?? {};
  const lb = b.matchLabels ?? {};
  const ka = Object.keys(la);
  if (ka.length !== Object.keys(lb).length || ka.some((k) => la[k] !== lb[k])) return false;
  const ea = a.matchExpressions ?? [];
  const eb = b.matchExpressions ?? [];
  if (ea.length !== eb.length) return false;
  return ea.every((e, i) => e.key === eb[i].key && e.operator === eb[i].operator && JSON.stringify(e.values ?? []) === JSON.stringify(eb[i].values ?? []));
}
