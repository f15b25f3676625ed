import type { ObjectStore } from '../../../engine/store';
import type { KubeObject } from '../types';

/** The annotation that marks the cluster's default IngressClass. */
export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
/** The deprecated annotation naming an Ingress's class (honoured instead of the field). */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
export const INGRESS_CLASSES = 'ingressclasses.networking.k8s.io';

/** `getDefaultClass`: the newest IngressClass annotated as default (name breaks ties), or undefined. */
export function defaultIngressClass(store: ObjectStore): KubeObject | undefined {
  if (!store.has(INGRESS_CLASSES)) return undefined;
  let best: KubeObject | undefined;
  for (const c of store.list<KubeObject>(INGRESS_CLASSES)) {
    if (c.metadata.annotations?.[DEFAULT_INGRESS_CLASS_ANNOTATION] !== 'true') continue;
    const t = c.metadata.creationTimestamp ?? '';
    const bt = best?.metadata.creationTimestamp ?? '';
    if (!best || t > bt || (t === bt && c.metadata.name < best.metadata.name)) best = c;
  }
  return best;
}

/**
 * The DefaultIngressClass admission plugin: a new Ingress that names no
 * class (neither `spec.ingressClassName` nor the old annotation) gets the
 * default IngressClass, when there is one.
 */
export function admitIngress(obj: KubeObject, store: ObjectStore): KubeObject {
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  if (spec.ingressClassName !== undefined && spec.ingressClassName !== null) return obj;
  if (obj.metadata.annotations?.[INGRESS_CLASS_ANNOTATION] !== undefined) return obj;
  const def = defaultIngressClass(store);
  return def ? { ...obj, spec: { ...spec, ingressClassName: def.metadata.name } } : obj;
}
