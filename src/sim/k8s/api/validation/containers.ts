import { parseQuantity, formatQuantity } from '../../../../lib/quantity';
import { fieldError, type FieldError } from '../fieldErrors';
import { GoLiteral } from '../goValue';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './names';
import { validateNonnegative } from './objectMeta';

/**
 * Container validation from `pkg/apis/core/validation/validation.go`
 * (`validateContainerCommon`, ports, env, volume mounts, resources, probes),
 * with the API server's messages and field paths.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
export const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `ValidateDNS1123Label` as field errors. */
export function validateDNS1123Label(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((msg) => fieldError.invalid(path, value, msg));
}

/** `validatePortNumOrName` for an IntOrString port. */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((msg) => fieldError.invalid(path, port, msg));
  if (typeof port === 'string') return isValidPortName(port).map((msg) => fieldError.invalid(path, port, msg));
  return [];
}

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateContainerPorts(ports: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `${path}[${i}]`;
    const name = str(port.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) for (const msg of msgs) errs.push(fieldError.invalid(`${p}.name`, name, msg));
      else if (names.has(name)) errs.push(fieldError.duplicate(`${p}.name`, name));
      else names.add(name);
    }
    const cp = typeof port.containerPort === 'number' ? port.containerPort : 0;
    if (cp === 0) errs.push(fieldError.required(`${p}.containerPort`, ''));
    else for (const msg of isValidPortNum(cp)) errs.push(fieldError.invalid(`${p}.containerPort`, cp, msg));
    const hp = typeof port.hostPort === 'number' ? port.hostPort : 0;
    if (hp !== 0) for (const msg of isValidPortNum(hp)) errs.push(fieldError.invalid(`${p}.hostPort`, hp, msg));
    const protocol = str(port.protocol);
    if (!protocol) errs.push(fieldError.required(`${p}.protocol`, ''));
    else if (!PROTOCOLS.includes(protocol)) errs.push(fieldError.notSupported(`${p}.protocol`, protocol, PROTOCOLS));
  });
  return errs;
}

const ENV_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'];

function validateEnv(env: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  env.forEach((ev, i) => {
    const p = `${path}[${i}]`;
    const name = str(ev.name);
    if (!name) errs.push(fieldError.required(`${p}.name`, ''));
    // RelaxedEnvironmentVariableValidation (beta, on in 1.32).
    else if ([...name].some((c) => c < ' ' || c > '~' || c === '=')) {
      errs.push(fieldError.invalid(`${p}.name`, name, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
    }
    if (isObj(ev.valueFrom)) {
      const n = ENV_SOURCES.filter((k) => isObj((ev.valueFrom as Obj)[k])).length;
      if (n === 0) errs.push(fieldError.invalid(`${p}.valueFrom`, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
      else if (n > 1) errs.push(fieldError.invalid(`${p}.valueFrom`, '', 'may not have more than one field specified at a time'));
      else if (str(ev.value)) errs.push(fieldError.invalid(`${p}.valueFrom`, '', 'may not be specified when `value` is not empty'));
    }
  });
  return errs;
}

function validateVolumeMounts(mounts: Obj[], volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const points = new Set<string>();
  mounts.forEach((m, i) => {
    const p = `${path}[${i}]`;
    const name = str(m.name);
    const mountPath = str(m.mountPath);
    if (!name) errs.push(fieldError.required(`${p}.name`, ''));
    if (!volumes.has(name)) errs.push(fieldError.notFound(`${p}.name`, name));
    if (!mountPath) errs.push(fieldError.required(`${p}.mountPath`, ''));
    if (points.has(mountPath)) errs.push(fieldError.invalid(`${p}.mountPath`, mountPath, 'must be unique'));
    points.add(mountPath);
  });
  return errs;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

function validatePullPolicy(policy: unknown, path: string): FieldError[] {
  const p = str(policy);
  if (!p) return [fieldError.required(path, '')];
  return PULL_POLICIES.includes(p) ? [] : [fieldError.notSupported(path, p, PULL_POLICIES)];
}

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function validateResourceName(name: string, path: string): FieldError[] {
  if (name.includes('/')) return [];
  if (STANDARD_CONTAINER_RESOURCES.has(name) || name.startsWith('hugepages-')) return [];
  return [fieldError.invalid(path, name, 'must be a standard resource for containers')];
}

/** `ValidateResourceRequirements`: names, non-negative values, requests ≤ limits. */
function validateResources(resources: unknown, path: string): FieldError[] {
  if (!isObj(resources)) return [];
  const errs: FieldError[] = [];
  const limits = isObj(resources.limits) ? resources.limits : {};
  const requests = isObj(resources.requests) ? resources.requests : {};
  const check = (list: Obj, sub: string) => {
    for (const name of Object.keys(list).sort()) {
      const p = `${path}.${sub}[${name}]`;
      errs.push(...validateResourceName(name, p));
      const q = parseQuantity(String(list[name]));
      if (q && q.num < 0n) errs.push(fieldError.invalid(p, formatQuantity(q), 'must be greater than or equal to 0'));
    }
  };
  check(limits, 'limits');
  check(requests, 'requests');
  for (const name of Object.keys(requests).sort()) {
    if (!(name in limits)) continue;
    const req = parseQuantity(String(requests[name]));
    const lim = parseQuantity(String(limits[name]));
    if (req && lim && req.value > lim.value) {
      errs.push(fieldError.invalid(`${path}.requests`, formatQuantity(req), `must be less than or equal to ${name} limit of ${formatQuantity(lim)}`));
    }
  }
  return errs;
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

function validateHandler(h: Obj, path: string, handlers = HANDLERS): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const kind of handlers) {
    const v = h[kind];
    if (!isObj(v)) continue;
    if (n > 0) {
      errs.push(fieldError.forbidden(`${path}.${kind}`, 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    if (kind === 'exec' && !(Array.isArray(v.command) && v.command.length)) errs.push(fieldError.required(`${path}.exec.command`, ''));
    if (kind === 'httpGet') {
      if (!str(v.path)) errs.push(fieldError.required(`${path}.httpGet.path`, ''));
      errs.push(...validatePortNumOrName(v.port, `${path}.httpGet.port`));
      if (v.scheme !== 'HTTP' && v.scheme !== 'HTTPS') errs.push(fieldError.notSupported(`${path}.httpGet.scheme`, v.scheme ?? '', ['HTTP', 'HTTPS']));
    }
    if (kind === 'tcpSocket') errs.push(...validatePortNumOrName(v.port, `${path}.tcpSocket.port`));
    if (kind === 'grpc' && typeof v.port === 'number') errs.push(...isValidPortNum(v.port).map((msg) => fieldError.invalid(`${path}.grpc.port`, v.port, msg)));
  }
  if (n === 0) errs.push(fieldError.required(path, 'must specify a handler type'));
  return errs;
}

function validateProbe(probe: unknown, path: string, mustSucceedOnce: boolean): FieldError[] {
  if (!isObj(probe)) return [];
  const errs = validateHandler(probe, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) errs.push(...validateNonnegative(probe[f], `${path}.${f}`));
  if (typeof probe.terminationGracePeriodSeconds === 'number' && probe.terminationGracePeriodSeconds <= 0) {
    errs.push(fieldError.invalid(`${path}.terminationGracePeriodSeconds`, probe.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  if (mustSucceedOnce && probe.successThreshold !== 1) errs.push(fieldError.invalid(`${path}.successThreshold`, probe.successThreshold ?? 0, 'must be 1'));
  return errs;
}

/** `validateContainerCommon`. */
function validateContainerCommon(c: Obj, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (!name) errs.push(fieldError.required(`${path}.name`, ''));
  else errs.push(...validateDNS1123Label(name, `${path}.name`));
  if (!str(c.image)) errs.push(fieldError.required(`${path}.image`, ''));
  const tmp = str(c.terminationMessagePolicy);
  if (!tmp) errs.push(fieldError.required(`${path}.terminationMessagePolicy`, ''));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(fieldError.notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validateContainerPorts(objects(c.ports), `${path}.ports`));
  errs.push(...validateEnv(objects(c.env), `${path}.env`));
  errs.push(...validateVolumeMounts(objects(c.volumeMounts), volumes, `${path}.volumeMounts`));
  errs.push(...validatePullPolicy(c.imagePullPolicy, `${path}.imagePullPolicy`));
  errs.push(...validateResources(c.resources, `${path}.resources`));
  return errs;
}

/** `validateContainers` and `validateInitContainers`: names unique across both lists. */
export function validateContainers(containers: Obj[], initContainers: Obj[], volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (containers.length === 0) errs.push(fieldError.required(`${path}.containers`, ''));
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}.containers[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    const name = str(c.name);
    if (names.has(name)) errs.push(fieldError.duplicate(`${p}.name`, name));
    else names.add(name);
    if (isObj(c.lifecycle)) {
      for (const hook of ['postStart', 'preStop']) if (isObj(c.lifecycle[hook])) errs.push(...validateHandler(c.lifecycle[hook] as Obj, `${p}.lifecycle.${hook}`, [...HANDLERS.filter((h) => h !== 'grpc'), 'sleep']));
    }
    errs.push(...validateProbe(c.livenessProbe, `${p}.livenessProbe`, true));
    errs.push(...validateProbe(c.readinessProbe, `${p}.readinessProbe`, false));
    errs.push(...validateProbe(c.startupProbe, `${p}.startupProbe`, true));
    if (c.restartPolicy !== undefined) errs.push(fieldError.forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  initContainers.forEach((c, i) => {
    const p = `${path}.initContainers[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    const name = str(c.name);
    if (names.has(name)) errs.push(fieldError.duplicate(`${p}.name`, name));
    else names.add(name);
    if (c.restartPolicy === 'Always') {
      errs.push(...validateProbe(c.livenessProbe, `${p}.livenessProbe`, true));
      errs.push(...validateProbe(c.readinessProbe, `${p}.readinessProbe`, false));
      errs.push(...validateProbe(c.startupProbe, `${p}.startupProbe`, true));
    } else {
      if (c.restartPolicy !== undefined) errs.push(fieldError.notSupported(`${p}.restartPolicy`, c.restartPolicy, ['Always']));
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[probe] !== undefined) errs.push(fieldError.forbidden(`${p}.${probe}`, 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

/** Whether a field holds Go's zero value (`resources: {}` is how an unset struct comes back). */
function isZero(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) ? v.length === 0 : isObj(v) && Object.values(v).every(isZero));
}

/** What an ephemeral container may not set (`allowedEphemeralContainerFields` is the complement): its fields that keep a workload running. */
const NOT_EPHEMERAL = ['ports', 'resources', 'resizePolicy', 'restartPolicy', 'lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'];

/**
 * `validateEphemeralContainers`: each one as a container, its name unique
 * across all the pod's containers, its target an app or init container,
 * none of the fields a workload relies on, no subPath mounts.
 */
export function validateEphemeralContainers(ephemeral: Obj[], containers: Obj[], initContainers: Obj[], volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const others = new Set([...containers, ...initContainers].map((c) => str(c.name)));
  const all = new Set(others);
  ephemeral.forEach((c, i) => {
    const p = `${path}.ephemeralContainers[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    const name = str(c.name);
    if (all.has(name)) errs.push(fieldError.duplicate(`${p}.name`, name));
    else all.add(name);
    const target = str(c.targetContainerName);
    if (target && !others.has(target)) errs.push(fieldError.notFound(`${p}.targetContainerName`, target));
    for (const field of NOT_EPHEMERAL) if (!isZero(c[field])) errs.push(fieldError.forbidden(`${p}.${field}`, 'cannot be set for an Ephemeral Container'));
    objects(c.volumeMounts).forEach((m, j) => {
      for (const sub of ['subPath', 'subPathExpr']) if (str(m[sub])) errs.push(fieldError.forbidden(`${p}.volumeMounts[${j}].${sub}`, 'cannot be set for an Ephemeral Container'));
    });
  });
  return errs;
}

/** `%#v` of an internal `core.Toleration`. */
export function goToleration(t: Obj): GoLiteral {
  const q = (v: unknown) => JSON.stringify(str(v));
  const secs = typeof t.tolerationSeconds === 'number' ? `(*int64)(0xc000${(t.tolerationSeconds >>> 0).toString(16).padStart(6, '0')})` : '(*int64)(nil)';
  return new GoLiteral(`core.Toleration{Key:${q(t.key)}, Operator:${q(t.operator)}, Value:${q(t.value)}, Effect:${q(t.effect)}, TolerationSeconds:${secs}}`);
}
