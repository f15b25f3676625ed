/**
 * Defaults of networking.k8s.io/v1 (`SetDefaults_IngressClass`: a parameters
 * reference without a scope is Cluster-scoped; Ingress v1 has no defaults —
 * `pathType` is required) and scheduling.k8s.io/v1 (`SetDefaults_PriorityClass`:
 * preemptionPolicy PreemptLowerPriority). Mutate in place.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function defaultIngressClass(obj: Obj): void {
  const spec = isObj(obj.spec) ? obj.spec : undefined;
  if (spec && isObj(spec.parameters) && spec.parameters.scope === undefined) spec.parameters.scope = 'Cluster';
}

export function defaultPriorityClass(obj: Obj): void {
  if (obj.preemptionPolicy === undefined) obj.preemptionPolicy = 'PreemptLowerPriority';
}
