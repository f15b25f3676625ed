/**
 * Defaults of the core kinds other than Pod (`pkg/apis/core/v1/defaults.go`,
 * plus what the Namespace and Service create paths fill in that `kubectl get
 * -o yaml` shows: spec.finalizers, IP family fields). Mutates in place.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** SetDefaults_Service, plus ipFamilyPolicy/ipFamilies of a single-stack IPv4 cluster. */
export function defaultService(obj: Obj): void {
  if (!isObj(obj.spec)) obj.spec = {};
  const spec = obj.spec as Obj;
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = spec.sessionAffinityConfig;
    const timeout = isObj(cfg) && isObj(cfg.clientIP) ? cfg.clientIP.timeoutSeconds : undefined;
    if (timeout === undefined || timeout === null) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  const ports = Array.isArray(spec.ports) ? spec.ports.filter(isObj) : [];
  for (const p of ports) {
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  const type = spec.type;
  const externalIPs = Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0;
  const externallyAccessible = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && externalIPs);
  if (externallyAccessible && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if ((spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) && (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP')) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (type === 'LoadBalancer' && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)) spec.allocateLoadBalancerNodePorts = true;
  if (type !== 'ExternalName') {
    // The service REST strategy (initIPFamilyFields): headless services with a selector require dual stack.
    const headless = spec.clusterIP === 'None' || (Array.isArray(spec.clusterIPs) && spec.clusterIPs[0] === 'None');
    const selector = isObj(spec.selector) && Object.keys(spec.selector).length > 0;
    if (!spec.ipFamilyPolicy) spec.ipFamilyPolicy = headless && selector ? 'RequireDualStack' : 'SingleStack';
    if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
  }
}

/** SetDefaults_Namespace (name label), the strategy's spec.finalizers, SetDefaults_NamespaceStatus. */
export function defaultNamespace(obj: Obj): void {
  const meta = isObj(obj.metadata) ? obj.metadata : (obj.metadata = {});
  if (typeof meta.name === 'string' && meta.name) meta.labels = { ...(isObj(meta.labels) ? meta.labels : {}), 'kubernetes.io/metadata.name': meta.name };
  if (!isObj(obj.spec)) obj.spec = {};
  const spec = obj.spec as Obj;
  if (!Array.isArray(spec.finalizers)) spec.finalizers = ['kubernetes'];
  if (!isObj(obj.status)) obj.status = {};
  const status = obj.status as Obj;
  if (!status.phase) status.phase = 'Active';
}

/** SetDefaults_NodeStatus: allocatable defaults to capacity. */
export function defaultNode(obj: Obj): void {
  const status = obj.status;
  if (isObj(status) && isObj(status.capacity) && !isObj(status.allocatable)) status.allocatable = { ...status.capacity };
}
