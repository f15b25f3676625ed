import type { Dict } from './kustomization';
import { gvkOf } from './resources';

/**
 * A kustomize field spec: where in objects of a kind (any kind when unset)
 * a transformer writes, and whether it creates the field when missing.
 * Paths step into every item of a list they meet (`spec/ingress/from/…`).
 */
export interface FieldSpec {
  kind?: string;
  group?: string;
  path: string;
  create: boolean;
}

const WORKLOADS = ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'];

const AFFINITY = ['podAffinity', 'podAntiAffinity'].flatMap((a) => [
  `spec/template/spec/affinity/${a}/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels`,
  `spec/template/spec/affinity/${a}/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels`,
]);

/** Where commonLabels (and labels with includeSelectors) go: kustomize's `commonlabels` defaults. */
export const SELECTOR_LABEL_SPECS: FieldSpec[] = [
  { path: 'metadata/labels', create: true },
  { kind: 'Service', path: 'spec/selector', create: true },
  { kind: 'ReplicationController', path: 'spec/selector', create: true },
  { kind: 'ReplicationController', path: 'spec/template/metadata/labels', create: true },
  ...WORKLOADS.flatMap((kind) => [
    { kind, path: 'spec/selector/matchLabels', create: true },
    { kind, path: 'spec/template/metadata/labels', create: true },
    ...(kind === 'Deployment' || kind === 'StatefulSet' ? AFFINITY.map((path) => ({ kind, path, create: false })) : []),
  ]),
  { kind: 'StatefulSet', path: 'spec/volumeClaimTemplates/metadata/labels', create: false },
  { kind: 'Job', path: 'spec/selector/matchLabels', create: false },
  { kind: 'Job', path: 'spec/template/metadata/labels', create: true },
  { kind: 'CronJob', path: 'spec/jobTemplate/spec/selector/matchLabels', create: false },
  { kind: 'CronJob', path: 'spec/jobTemplate/metadata/labels', create: true },
  { kind: 'CronJob', path: 'spec/jobTemplate/spec/template/metadata/labels', create: true },
  { kind: 'PodDisruptionBudget', path: 'spec/selector/matchLabels', create: false },
  { kind: 'NetworkPolicy', path: 'spec/podSelector/matchLabels', create: false },
  { kind: 'NetworkPolicy', path: 'spec/ingress/from/podSelector/matchLabels', create: false },
  { kind: 'NetworkPolicy', path: 'spec/egress/to/podSelector/matchLabels', create: false },
];

/** Where `labels` with includeTemplates (and not includeSelectors) go besides metadata: the pod templates. */
export const TEMPLATE_LABEL_SPECS: FieldSpec[] = [
  { path: 'metadata/labels', create: true },
  ...['ReplicationController', ...WORKLOADS, 'Job'].map((kind) => ({ kind, path: 'spec/template/metadata/labels', create: true })),
  { kind: 'CronJob', path: 'spec/jobTemplate/metadata/labels', create: true },
  { kind: 'CronJob', path: 'spec/jobTemplate/spec/template/metadata/labels', create: true },
];

export const METADATA_LABEL_SPECS: FieldSpec[] = [{ path: 'metadata/labels', create: true }];

/** Where commonAnnotations go: metadata, and the pod templates of workloads. */
export const ANNOTATION_SPECS: FieldSpec[] = [
  { path: 'metadata/annotations', create: true },
  ...['ReplicationController', ...WORKLOADS, 'Job'].map((kind) => ({ kind, path: 'spec/template/metadata/annotations', create: true })),
  { kind: 'CronJob', path: 'spec/jobTemplate/metadata/annotations', create: true },
  { kind: 'CronJob', path: 'spec/jobTemplate/spec/template/metadata/annotations', create: true },
];

/** Merges `pairs` into the string map at each place the specs name in `obj`. */
export function addPairs(obj: Dict, specs: readonly FieldSpec[], pairs: Record<string, string>): void {
  if (Object.keys(pairs).length === 0) return;
  const kind = gvkOf(obj).kind;
  for (const spec of specs) {
    if (spec.kind !== undefined && spec.kind !== kind) continue;
    visitPath(obj, spec.path.split('/'), spec.create, (parent, key) => {
      const cur = parent[key];
      const map = cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as Dict) : {};
      parent[key] = { ...map, ...pairs };
    });
  }
}

/** Calls `at(parent, key)` for each place the path leads to (creating maps on the way when `create`). */
function visitPath(node: unknown, parts: string[], create: boolean, at: (parent: Dict, key: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitPath(item, parts, create, at);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const dict = node as Dict;
  const [head, ...rest] = parts;
  if (rest.length === 0) {
    if (dict[head] === undefined || dict[head] === null) {
      if (!create) return;
    }
    at(dict, head);
    return;
  }
  if (dict[head] === undefined || dict[head] === null) {
    if (!create) return;
    dict[head] = {};
  }
  visitPath(dict[head], rest, create, at);
}
