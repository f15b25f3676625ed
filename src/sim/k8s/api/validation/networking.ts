import { fieldError, type FieldError } from '../fieldErrors';
import { GoLiteral } from '../goValue';
import type { KubeObject } from '../types';
import { FIELD_IMMUTABLE } from './objectMeta';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, maxLenError, regexError } from './names';

/**
 * networking.k8s.io/v1 validation (`pkg/apis/networking/validation/validation.go`,
 * v1.32): `ValidateIngressCreate` / `ValidateIngressSpec` and
 * `ValidateIngressClass`, with the API server's messages.
 */

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const ANNOTATION_INGRESS_CLASS = 'kubernetes.io/ingress.class';
const MAX_LEN_CONTROLLER = 250;

const WILDCARD_FMT = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const WILDCARD_MSG = "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";
const WILDCARD_RE = new RegExp(`^${WILDCARD_FMT}$`);
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const HTTP_PATH_RE = new RegExp(`^${HTTP_PATH_FMT}$`);

/** `IsWildcardDNS1123Subdomain`. */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!WILDCARD_RE.test(value)) errs.push(regexError(WILDCARD_MSG, WILDCARD_FMT, '*.example.com'));
  return errs;
}

const isIPv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((p) => Number(p) <= 255);
const isIP = (s: string) => isIPv4(s) || (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s));

/** `validateIngressBackend`: a service (DNS-1035 name, port name or number) or a resource, not both. */
function validateBackend(backend: Dict, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const hasResource = backend.resource !== undefined && backend.resource !== null;
  const hasService = backend.service !== undefined && backend.service !== null;
  if (hasResource && hasService) return [fieldError.invalid(path, '', 'cannot set both resource and service backends')];
  if (hasResource) {
    const r = dict(backend.resource);
    if (r.apiGroup !== undefined) for (const m of isDNS1123Subdomain(String(r.apiGroup))) errs.push(fieldError.invalid(`${path}.resource.apiGroup`, r.apiGroup, m));
    if (!r.kind) errs.push(fieldError.required(`${path}.resource.kind`, ''));
    if (!r.name) errs.push(fieldError.required(`${path}.resource.name`, ''));
    return errs;
  }
  if (!hasService) return [fieldError.invalid(path, '', 'resource or service backend is required')];
  const svc = dict(backend.service);
  const name = String(svc.name ?? '');
  if (!name) errs.push(fieldError.required(`${path}.service.name`, ''));
  else for (const m of isDNS1035Label(name)) errs.push(fieldError.invalid(`${path}.service.name`, name, m));
  const port = dict(svc.port);
  const portName = String(port.name ?? '');
  const portNumber = Number(port.number ?? 0);
  if (portName && portNumber) errs.push(fieldError.invalid(path, '', 'cannot set both port name & port number'));
  else if (portName) for (const m of isValidPortName(portName)) errs.push(fieldError.invalid(`${path}.service.port.name`, portName, m));
  else if (portNumber) for (const m of isValidPortNum(portNumber)) errs.push(fieldError.invalid(`${path}.service.port.number`, portNumber, m));
  else errs.push(fieldError.required(path, 'port name or number is required'));
  return errs;
}

/** `validateHTTPIngressPath`: pathType is required; Exact and Prefix need a clean absolute path. */
function validatePath(p: Dict, path: string): FieldError[] {
  if (p.pathType === undefined || p.pathType === null) return [fieldError.required(`${path}.pathType`, 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = String(p.path ?? '');
  const type = String(p.pathType);
  if (type === 'Exact' || type === 'Prefix') {
    if (!value.startsWith('/')) errs.push(fieldError.invalid(`${path}.path`, value, 'must be an absolute path'));
    if (value.length > 0) {
      for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(fieldError.invalid(`${path}.path`, value, `must not contain '${seq}'`));
      for (const suf of INVALID_PATH_SUFFIXES) if (value.endsWith(suf)) errs.push(fieldError.invalid(`${path}.path`, value, `cannot end with '${suf}'`));
    }
  } else if (type === 'ImplementationSpecific') {
    if (value.length > 0 && !value.startsWith('/')) errs.push(fieldError.invalid(`${path}.path`, value, 'must be an absolute path'));
  } else {
    errs.push(fieldError.notSupported(`${path}.pathType`, type, PATH_TYPES));
  }
  errs.push(...validateBackend(dict(p.backend), `${path}.backend`));
  return errs;
}

/** `validateIngressRules`: hosts are DNS names (a leading `*.` allowed), each http rule has paths. */
function validateRules(rules: unknown[]): FieldError[] {
  const errs: FieldError[] = [];
  rules.forEach((raw, i) => {
    const rule = dict(raw);
    const path = `spec.rules[${i}]`;
    const host = String(rule.host ?? '');
    if (host) {
      if (isIP(host)) errs.push(fieldError.invalid(`${path}.host`, host, 'must be a DNS name, not an IP address'));
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const m of msgs) errs.push(fieldError.invalid(`${path}.host`, host, m));
    }
    if (rule.http !== undefined && rule.http !== null) {
      const paths = list(dict(rule.http).paths);
      if (paths.length === 0) errs.push(fieldError.required(`${path}.http.paths`, ''));
      paths.forEach((p, j) => errs.push(...validatePath(dict(p), `${path}.http.paths[${j}]`)));
    }
  });
  return errs;
}

/** `validateIngressTLS`: hosts are (wildcard) DNS subdomains, secret names DNS subdomains. */
function validateTLS(tls: unknown[]): FieldError[] {
  const errs: FieldError[] = [];
  tls.forEach((raw, i) => {
    const t = dict(raw);
    list(t.hosts).forEach((h, j) => {
      const host = String(h);
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const m of msgs) errs.push(fieldError.invalid(`spec.tls[${i}].hosts[${j}]`, host, m));
    });
    const secret = String(t.secretName ?? '');
    if (secret) for (const m of isDNS1123Subdomain(secret)) errs.push(fieldError.invalid(`spec.tls[${i}].secretName`, secret, m));
  });
  return errs;
}

/** `ValidateIngressSpec`. */
export function validateIngressSpec(obj: KubeObject): FieldError[] {
  const spec = dict(obj.spec);
  const rules = list(spec.rules);
  const errs: FieldError[] = [];
  const hasDefault = spec.defaultBackend !== undefined && spec.defaultBackend !== null;
  if (rules.length === 0 && !hasDefault) {
    errs.push(fieldError.invalid('spec', new GoLiteral(spec.rules === undefined ? '[]networking.IngressRule(nil)' : '[]networking.IngressRule{}'), 'either `defaultBackend` or `rules` must be specified'));
  }
  if (hasDefault) errs.push(...validateBackend(dict(spec.defaultBackend), 'spec.defaultBackend'));
  if (rules.length > 0) errs.push(...validateRules(rules));
  const tls = list(spec.tls);
  if (tls.length > 0) errs.push(...validateTLS(tls));
  if (spec.ingressClassName !== undefined && spec.ingressClassName !== null) {
    for (const m of isDNS1123Subdomain(String(spec.ingressClassName))) errs.push(fieldError.invalid('spec.ingressClassName', spec.ingressClassName, m));
  }
  return errs;
}

/** `ValidateIngressCreate`: the spec, and the class annotation must agree with `ingressClassName`. */
export function validateIngressCreate(obj: KubeObject): FieldError[] {
  const errs = validateIngressSpec(obj);
  const annotation = obj.metadata.annotations?.[ANNOTATION_INGRESS_CLASS];
  const className = dict(obj.spec).ingressClassName;
  if (annotation !== undefined && className !== undefined && className !== null && annotation !== className) {
    errs.push(fieldError.invalid(`annotations.${ANNOTATION_INGRESS_CLASS}`, annotation, 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

/** `IsDomainPrefixedPath`: `example.com/name`. */
function isDomainPrefixedPath(path: string, value: string): FieldError[] {
  if (!value) return [fieldError.required(path, '')];
  const slash = value.indexOf('/');
  const host = slash < 0 ? value : value.slice(0, slash);
  const rest = slash < 0 ? '' : value.slice(slash + 1);
  if (slash < 0 || !host || !rest) return [fieldError.invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = isDNS1123Subdomain(host).map((m) => fieldError.invalid(path, host, m));
  if (!HTTP_PATH_RE.test(rest)) return [...errs, fieldError.invalid(path, rest, regexError('Invalid path', HTTP_PATH_FMT))];
  return errs;
}

/** `validateIngressClassSpec`: a domain-prefixed controller and well-formed parameters. */
export function validateIngressClass(obj: KubeObject): FieldError[] {
  const spec = dict(obj.spec);
  const controller = String(spec.controller ?? '');
  const errs: FieldError[] = [];
  if (!controller) errs.push(fieldError.required('spec.controller', ''));
  else {
    if (controller.length > MAX_LEN_CONTROLLER) errs.push(fieldError.tooLong('spec.controller', '', MAX_LEN_CONTROLLER));
    errs.push(...isDomainPrefixedPath('spec.controller', controller));
  }
  if (spec.parameters !== undefined && spec.parameters !== null) {
    const p = dict(spec.parameters);
    const path = 'spec.parameters';
    if (p.apiGroup !== undefined) for (const m of isDNS1123Subdomain(String(p.apiGroup))) errs.push(fieldError.invalid(`${path}.apiGroup`, p.apiGroup, m));
    if (!p.kind) errs.push(fieldError.required(`${path}.kind`, ''));
    if (!p.name) errs.push(fieldError.required(`${path}.name`, ''));
    const scope = p.scope === undefined ? undefined : String(p.scope);
    if (scope === undefined) errs.push(fieldError.required(`${path}.scope`, ''));
    else if (scope !== 'Cluster' && scope !== 'Namespace') errs.push(fieldError.notSupported(`${path}.scope`, scope, ['Cluster', 'Namespace']));
    else if (scope === 'Namespace') {
      if (p.namespace === undefined) errs.push(fieldError.required(`${path}.namespace`, "`parameters.scope` is set to 'Namespace'"));
      else for (const m of isDNS1123Label(String(p.namespace))) errs.push(fieldError.invalid(`${path}.namespace`, p.namespace, m));
    } else if (p.namespace !== undefined) errs.push(fieldError.forbidden(`${path}.namespace`, "`parameters.scope` is set to 'Cluster'"));
  }
  return errs;
}

/** `validateIngressClassSpecUpdate`: the controller is immutable. */
export function validateIngressClassUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const controller = dict(obj.spec).controller;
  return controller === dict(old.spec).controller ? [] : [fieldError.invalid('spec.controller', controller, FIELD_IMMUTABLE)];
}
