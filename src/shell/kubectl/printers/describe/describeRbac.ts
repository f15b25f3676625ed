import type { PolicyRule, RoleRef, Subject } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../../../../sim/k8s/index';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { tabbedString } from './describeWriter';
import { combineResourceGroup, describedRules, goSlice } from './policyRules';

/**
 * `kubectl describe role|clusterrole` (`describeRole`, `describeClusterRole`):
 * name, labels, annotations and the PolicyRule table; no namespace line, no events.
 */
export function describeRole(role: KubeObject): string {
  const rules = describedRules(role.rules as PolicyRule[] | null | undefined);
  return tabbedString((w) => {
    w.write(0, `Name:\t${role.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', role.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata.annotations);
    w.write(0, 'PolicyRule:\n');
    w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(1, '---------\t-----------------\t--------------\t-----\n');
    for (const r of rules) {
      w.write(1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goSlice(r.nonResourceURLs)}\t${goSlice(r.resourceNames)}\t${goSlice(r.verbs)}\n`);
    }
  });
}

/**
 * `kubectl describe rolebinding|clusterrolebinding`: the referenced role
 * (Kind, Name) and one row per subject (Kind Name Namespace).
 */
export function describeRoleBinding(binding: KubeObject): string {
  const roleRef = (binding.roleRef ?? {}) as Partial<RoleRef>;
  const subjects = (Array.isArray(binding.subjects) ? binding.subjects : []) as Partial<Subject>[];
  return tabbedString((w) => {
    w.write(0, `Name:\t${binding.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', binding.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', binding.metadata.annotations);
    w.write(0, 'Role:\n');
    w.write(1, `Kind:\t${roleRef.kind ?? ''}\n`);
    w.write(1, `Name:\t${roleRef.name ?? ''}\n`);
    w.write(0, 'Subjects:\n');
    w.write(1, 'Kind\tName\tNamespace\n');
    w.write(1, '----\t----\t---------\n');
    for (const s of subjects) w.write(1, `${s.kind ?? ''}\t${s.name ?? ''}\t${s.namespace ?? ''}\n`);
  });
}
