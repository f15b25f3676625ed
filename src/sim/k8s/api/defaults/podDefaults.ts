/**
 * Pod and PodSpec defaults as the API server sets them
 * (`pkg/apis/core/v1/defaults.go` and the `+default` markers of k8s.io/api):
 * every PodSpec (pods and templates) gets SetDefaults_PodSpec, containers,
 * probes and volumes; only Pods get SetDefaults_Pod (requests from limits,
 * enableServiceLinks, host-network ports). Objects are mutated in place:
 * callers pass a copy.
 */
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** `parsers.ParseImageName`'s tag: `latest` when neither tag nor digest is given. */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) return name.slice(colon + 1);
  return at < 0 ? 'latest' : '';
}

/** SetDefaults_Probe and SetDefaults_HTTPGetAction. */
function defaultProbe(probe: unknown): void {
  if (!isObj(probe)) return;
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds) probe.periodSeconds = 10;
  if (!probe.successThreshold) probe.successThreshold = 1;
  if (!probe.failureThreshold) probe.failureThreshold = 3;
  defaultHandler(probe);
}

function defaultHandler(handler: unknown): void {
  if (!isObj(handler) || !isObj(handler.httpGet)) return;
  if (!handler.httpGet.path) handler.httpGet.path = '/';
  if (!handler.httpGet.scheme) handler.httpGet.scheme = 'HTTP';
}

/** SetDefaults_Container plus the declarative defaults of its parts. */
export function defaultContainer(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(typeof c.image === 'string' ? c.image : '') === 'latest' ? 'Always' : 'IfNotPresent';
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  if (!isObj(c.resources)) c.resources = {};
  for (const p of list(c.ports)) if (!p.protocol) p.protocol = 'TCP';
  for (const e of list(c.env)) {
    const fieldRef = isObj(e.valueFrom) ? e.valueFrom.fieldRef : undefined;
    if (isObj(fieldRef) && !fieldRef.apiVersion) fieldRef.apiVersion = 'v1';
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  if (isObj(c.lifecycle)) {
    defaultHandler(c.lifecycle.postStart);
    defaultHandler(c.lifecycle.preStop);
  }
}

const MODE_0644 = 420;

/** SetDefaults_Volume and the volume sources' default modes. */
function defaultVolume(v: Obj): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected'] as const) {
    const src = v[key];
    if (isObj(src) && src.defaultMode === undefined) src.defaultMode = MODE_0644;
  }
  if (isObj(v.downwardAPI)) for (const item of list(v.downwardAPI.items)) if (isObj(item.fieldRef) && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
  if (isObj(v.projected)) {
    for (const s of list(v.projected.sources)) {
      if (isObj(s.serviceAccountToken) && s.serviceAccountToken.expirationSeconds === undefined) s.serviceAccountToken.expirationSeconds = 3600;
      if (isObj(s.downwardAPI)) for (const item of list(s.downwardAPI.items)) if (isObj(item.fieldRef) && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
    }
  }
  if (isObj(v.hostPath) && v.hostPath.type === undefined) v.hostPath.type = '';
}

/** SetDefaults_PodSpec and everything below it (pods and pod templates). */
export function defaultPodSpec(spec: Obj): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!isObj(spec.securityContext)) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  for (const c of list(spec.initContainers)) defaultContainer(c);
  for (const c of list(spec.containers)) defaultContainer(c);
  for (const c of list(spec.ephemeralContainers)) defaultContainer(c);
  for (const v of list(spec.volumes)) defaultVolume(v);
}

/** SetDefaults_Pod: requests default to limits, enableServiceLinks, host-network ports; then the PodSpec. */
export function defaultPod(pod: Obj): void {
  if (!isObj(pod.spec)) pod.spec = {};
  const spec = pod.spec as Obj;
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
    const res = isObj(c.resources) ? c.resources : undefined;
    if (!res || !isObj(res.limits)) continue;
    const requests = isObj(res.requests) ? res.requests : (res.requests = {});
    for (const [k, v] of Object.entries(res.limits)) if (!(k in requests)) requests[k] = v;
  }
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    for (const c of [...list(spec.containers), ...list(spec.initContainers)]) for (const p of list(c.ports)) if (!p.hostPort) p.hostPort = p.containerPort;
  }
  defaultPodSpec(spec);
}

/** Defaults of a `spec.template` (pod template): only the PodSpec part. */
export function defaultPodTemplate(template: unknown): void {
  if (!isObj(template)) return;
  if (isObj(template.spec)) defaultPodSpec(template.spec);
}
