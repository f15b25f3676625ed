import { fieldError, type FieldError } from '../fieldErrors';
import type { KubeObject } from '../types';
import { objects, validateDNS1123Label } from './containers';
import { isDNS1123Subdomain, isQualifiedName, isValidPortNum } from './names';
import { FIELD_IMMUTABLE } from './objectMeta';

/** `ValidateEndpoints` (core) and `ValidateEndpointSlice` (discovery.k8s.io), the parts a learner meets. */
type Obj = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const IP_ERROR = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

function parseIPv4(ip: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : undefined;
}

const isIPv6 = (ip: string) => ip.includes(':') && /^[0-9a-fA-F:.]+$/.test(ip);

/** `ValidateNonSpecialIP`: no unspecified, loopback, link-local or link-local multicast addresses. */
function validateNonSpecialIP(ip: string, path: string): FieldError[] {
  const v4 = parseIPv4(ip);
  if (!v4) return ip === '::' ? [fieldError.invalid(path, ip, 'may not be unspecified (::)')] : ip === '::1' ? [fieldError.invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)')] : [];
  if (v4.every((p) => p === 0)) return [fieldError.invalid(path, ip, 'may not be unspecified (0.0.0.0)')];
  if (v4[0] === 127) return [fieldError.invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)')];
  if (v4[0] === 169 && v4[1] === 254) return [fieldError.invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)')];
  if (v4[0] === 224 && v4[1] === 0 && v4[2] === 0) return [fieldError.invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)')];
  return [];
}

function validateNodeName(name: unknown, path: string): FieldError[] {
  if (typeof name !== 'string') return [];
  return isDNS1123Subdomain(name).map((msg) => fieldError.invalid(path, name, msg));
}

function validateProtocol(protocol: unknown, path: string): FieldError[] {
  const p = str(protocol);
  if (!p) return [fieldError.required(path, '')];
  return PROTOCOLS.includes(p) ? [] : [fieldError.notSupported(path, p, PROTOCOLS)];
}

function validateAppProtocol(v: unknown, path: string): FieldError[] {
  return typeof v === 'string' ? isQualifiedName(v).map((msg) => fieldError.invalid(path, v, msg)) : [];
}

function validateEndpointAddress(a: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const ip = str(a.ip);
  if (!parseIPv4(ip) && !isIPv6(ip)) errs.push(fieldError.invalid(`${path}.ip`, ip, IP_ERROR));
  if (str(a.hostname)) errs.push(...validateDNS1123Label(str(a.hostname), `${path}.hostname`));
  errs.push(...validateNodeName(a.nodeName, `${path}.nodeName`));
  errs.push(...validateNonSpecialIP(ip, `${path}.ip`));
  return errs;
}

/** `validateEndpointSubsets`. */
export function validateEndpoints(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  objects(obj.subsets).forEach((ss, i) => {
    const p = `subsets[${i}]`;
    const addresses = objects(ss.addresses);
    const notReady = objects(ss.notReadyAddresses);
    if (addresses.length === 0 && notReady.length === 0) errs.push(fieldError.required(p, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((a, j) => errs.push(...validateEndpointAddress(a, `${p}.addresses[${j}]`)));
    notReady.forEach((a, j) => errs.push(...validateEndpointAddress(a, `${p}.notReadyAddresses[${j}]`)));
    const ports = objects(ss.ports);
    ports.forEach((port, j) => {
      const pp = `${p}.ports[${j}]`;
      const name = str(port.name);
      if (ports.length > 1 && !name) errs.push(fieldError.required(`${pp}.name`, ''));
      else if (name) errs.push(...validateDNS1123Label(name, `${pp}.name`));
      const num = typeof port.port === 'number' ? port.port : 0;
      for (const msg of isValidPortNum(num)) errs.push(fieldError.invalid(`${pp}.port`, num, msg));
      errs.push(...validateProtocol(port.protocol, `${pp}.protocol`));
      errs.push(...validateAppProtocol(port.appProtocol, `${pp}.appProtocol`));
    });
  });
  return errs;
}

/** `ValidateEndpointSlice`: address type, endpoints (1–100 addresses of that type each, at most 1000) and ports. */
export function validateEndpointSlice(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const addressType = str(obj.addressType);
  if (!addressType) errs.push(fieldError.required('addressType', ''));
  else if (!ADDRESS_TYPES.includes(addressType)) errs.push(fieldError.notSupported('addressType', addressType, ADDRESS_TYPES));
  const endpoints = objects(obj.endpoints);
  if (endpoints.length > 1000) return [...errs, fieldError.tooMany('endpoints', endpoints.length, 1000)];
  endpoints.forEach((ep, i) => {
    const p = `endpoints[${i}]`;
    const addresses = Array.isArray(ep.addresses) ? (ep.addresses as unknown[]) : [];
    if (addresses.length === 0) errs.push(fieldError.required(`${p}.addresses`, 'must contain at least 1 address'));
    else if (addresses.length > 100) errs.push(fieldError.tooMany(`${p}.addresses`, addresses.length, 100));
    addresses.forEach((a, j) => {
      const ap = `${p}.addresses[${j}]`;
      const ip = str(a);
      if (addressType === 'IPv4') {
        if (!parseIPv4(ip)) errs.push(fieldError.invalid(ap, ip, 'must be a valid IPv4 address'));
        else errs.push(...validateNonSpecialIP(ip, ap));
      } else if (addressType === 'IPv6') {
        if (!isIPv6(ip)) errs.push(fieldError.invalid(ap, ip, 'must be a valid IPv6 address'));
        else errs.push(...validateNonSpecialIP(ip, ap));
      }
    });
    errs.push(...validateNodeName(ep.nodeName, `${p}.nodeName`));
    if (typeof ep.hostname === 'string') errs.push(...validateDNS1123Label(ep.hostname, `${p}.hostname`));
  });
  const names = new Set<string>();
  objects(obj.ports).forEach((port, i) => {
    const p = `ports[${i}]`;
    const name = str(port.name);
    if (name) errs.push(...validateDNS1123Label(name, `${p}.name`));
    if (names.has(name)) errs.push(fieldError.duplicate(`${p}.name`, name));
    else names.add(name);
    errs.push(...validateProtocol(port.protocol, `${p}.protocol`));
    errs.push(...validateAppProtocol(port.appProtocol, `${p}.appProtocol`));
  });
  return errs;
}

/** `ValidateEndpointSliceUpdate`: the address type never changes. */
export function validateEndpointSliceUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return obj.addressType === old.addressType ? [] : [fieldError.invalid('addressType', obj.addressType, FIELD_IMMUTABLE)];
}
