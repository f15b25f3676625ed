import type { Dict } from './kustomization';
import { containersOf, podSpecsOf } from './transformers';
import { gvkOf, isNamespaced, nameOf, namespaceOf, type Res } from './resources';

/** A place in a referrer that names an object of `kind`: `rename(old → new)` writes it where it matches. */
type Visit = (obj: Dict, rename: (value: unknown) => unknown) => void;

const each = (v: unknown): Dict[] => (Array.isArray(v) ? v.filter((x): x is Dict => !!x && typeof x === 'object') : []);
const dict = (v: unknown): Dict | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : undefined);

function setField(d: Dict | undefined, field: string, rename: (value: unknown) => unknown): void {
  if (d && d[field] !== undefined) d[field] = rename(d[field]);
}

/**
 * Pod-spec references to a ConfigMap or a Secret: volumes (`volume.volumeName`)
 * and projected sources, env values (`keyRef`) and envFrom (`fromRef`).
 */
function podSpecRefs(obj: Dict, rename: (value: unknown) => unknown, volume: string, volumeName: string, keyRef: string, fromRef: string): Dict[] {
  const specs = podSpecsOf(obj);
  for (const spec of specs) {
    for (const v of each(spec.volumes)) {
      setField(dict(v[volume]), volumeName, rename);
      for (const s of each(dict(v.projected)?.sources)) setField(dict(s[volume]), 'name', rename);
    }
    for (const c of containersOf(spec)) {
      for (const e of each(c.env)) setField(dict(dict(e.valueFrom)?.[keyRef]), 'name', rename);
      for (const e of each(c.envFrom)) setField(dict(e[fromRef]), 'name', rename);
    }
  }
  return specs;
}

const configMapRefs: Visit = (obj, rename) => {
  podSpecRefs(obj, rename, 'configMap', 'name', 'configMapKeyRef', 'configMapRef');
};

/** References to Secrets: as ConfigMaps', plus image pull secrets, Ingress TLS, ServiceAccounts. */
const secretRefs: Visit = (obj, rename) => {
  for (const spec of podSpecRefs(obj, rename, 'secret', 'secretName', 'secretKeyRef', 'secretRef')) for (const s of each(spec.imagePullSecrets)) setField(s, 'name', rename);
  const kind = gvkOf(obj).kind;
  if (kind === 'Ingress') for (const t of each(dict(obj.spec)?.tls)) setField(t, 'secretName', rename);
  if (kind === 'ServiceAccount') for (const s of [...each(obj.secrets), ...each(obj.imagePullSecrets)]) setField(s, 'name', rename);
};

const serviceAccountRefs: Visit = (obj, rename) => {
  for (const spec of podSpecsOf(obj)) setField(spec, 'serviceAccountName', rename);
};

/**
 * A binding's subjects naming a ServiceAccount of the build follow it:
 * its name, and its namespace when it has one (a `namespace:` moved it),
 * whatever namespace the subject named before.
 */
function fixSubjects(list: Res[], sa: Res): void {
  const name = nameOf(sa.obj);
  const ns = namespaceOf(sa.obj);
  for (const r of list) {
    if (!gvkOf(r.obj).kind.endsWith('RoleBinding')) continue;
    for (const s of each(r.obj.subjects)) {
      if (s.kind !== 'ServiceAccount' || (s.name !== sa.orgName && s.name !== name)) continue;
      s.name = name;
      if (ns !== '') s.namespace = ns;
    }
  }
}

const claimRefs: Visit = (obj, rename) => {
  for (const spec of podSpecsOf(obj)) for (const v of each(spec.volumes)) setField(dict(v.persistentVolumeClaim), 'claimName', rename);
};

const serviceRefs: Visit = (obj, rename) => {
  const kind = gvkOf(obj).kind;
  const spec = dict(obj.spec);
  if (kind === 'StatefulSet') setField(spec, 'serviceName', rename);
  if (kind === 'Ingress') {
    setField(dict(dict(spec?.defaultBackend)?.service), 'name', rename);
    for (const rule of each(spec?.rules)) for (const p of each(dict(rule.http)?.paths)) setField(dict(dict(p.backend)?.service), 'name', rename);
  }
};

/** A reference by kind and name (HPA's scaleTargetRef, a binding's roleRef): renamed when the kind matches. */
const kindRef =
  (kind: string): Visit =>
  (obj, rename) => {
    const k = gvkOf(obj).kind;
    if (k === 'HorizontalPodAutoscaler') {
      const ref = dict(dict(obj.spec)?.scaleTargetRef);
      if (ref?.kind === kind) setField(ref, 'name', rename);
    }
    if (k.endsWith('RoleBinding')) {
      const ref = dict(obj.roleRef);
      if (ref?.kind === kind) setField(ref, 'name', rename);
    }
  };

const priorityClassRefs: Visit = (obj, rename) => {
  for (const spec of podSpecsOf(obj)) setField(spec, 'priorityClassName', rename);
};

/** The references kustomize's nameReference configuration follows, by the kind referred to. */
const REFERENCES: Record<string, Visit> = {
  ConfigMap: configMapRefs,
  Secret: secretRefs,
  ServiceAccount: serviceAccountRefs,
  PersistentVolumeClaim: claimRefs,
  Service: serviceRefs,
  Deployment: kindRef('Deployment'),
  StatefulSet: kindRef('StatefulSet'),
  ReplicaSet: kindRef('ReplicaSet'),
  Role: kindRef('Role'),
  ClusterRole: kindRef('ClusterRole'),
  PriorityClass: priorityClassRefs,
};

/**
 * Rewrites references to renamed resources (a prefix, a suffix, a
 * generator's hash) in the resources that name them: a namespaced
 * referent only from referrers in its own namespace.
 */
export function fixNameReferences(list: Res[]): void {
  for (const target of list) if (gvkOf(target.obj).kind === 'ServiceAccount') fixSubjects(list, target);
  for (const target of list) {
    const visit = REFERENCES[gvkOf(target.obj).kind];
    const name = nameOf(target.obj);
    if (visit === undefined || name === target.orgName) continue;
    const scoped = isNamespaced(target.obj);
    for (const r of list) {
      if (r === target || (scoped && isNamespaced(r.obj) && namespaceOf(r.obj) !== namespaceOf(target.obj))) continue;
      visit(r.obj, (value) => (value === target.orgName ? name : value));
    }
  }
}
