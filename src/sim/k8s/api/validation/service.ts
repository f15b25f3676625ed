import { fieldError, type FieldError } from '../fieldErrors';
import { GoLiteral, goQuote } from '../goValue';
import type { KubeObject } from '../types';
import { objects, validatePortNumOrName, validateDNS1123Label } from './containers';
import { isDNS1123Subdomain, isValidPortNum } from './names';
import { validateLabels } from './objectMeta';

/** `ValidateService` / `ValidateServiceUpdate` (`pkg/apis/core/validation`), the parts a learner meets. */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function isHeadless(spec: Obj): boolean {
  return spec.clusterIP === 'None' || (Array.isArray(spec.clusterIPs) && spec.clusterIPs[0] === 'None');
}

/** The service spec checks of `ValidateService`. */
export function validateServiceSpec(obj: KubeObject): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const errs: FieldError[] = [];
  const type = str(spec.type);
  const ports = objects(spec.ports);
  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName') errs.push(fieldError.required('spec.ports', ''));
  if (type === 'ExternalName') {
    const name = str(spec.externalName);
    if (!name) errs.push(fieldError.required('spec.externalName', ''));
    else for (const msg of isDNS1123Subdomain(name.replace(/\.$/, ''))) errs.push(fieldError.invalid('spec.externalName', name, msg));
  }
  const names = new Set<string>();
  ports.forEach((sp, i) => {
    const p = `spec.ports[${i}]`;
    const name = str(sp.name);
    if (ports.length > 1 && !name) errs.push(fieldError.required(`${p}.name`, ''));
    else if (name) {
      errs.push(...validateDNS1123Label(name, `${p}.name`));
      if (names.has(name)) errs.push(fieldError.duplicate(`${p}.name`, name));
      else names.add(name);
    }
    const port = typeof sp.port === 'number' ? sp.port : 0;
    for (const msg of isValidPortNum(port)) errs.push(fieldError.invalid(`${p}.port`, port, msg));
    const protocol = str(sp.protocol);
    if (!protocol) errs.push(fieldError.required(`${p}.protocol`, ''));
    else if (!PROTOCOLS.includes(protocol)) errs.push(fieldError.notSupported(`${p}.protocol`, protocol, PROTOCOLS));
    errs.push(...validatePortNumOrName(sp.targetPort, `${p}.targetPort`));
    if (typeof sp.nodePort === 'number' && sp.nodePort !== 0 && type === 'ClusterIP') errs.push(fieldError.forbidden(`${p}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
  });
  if (!type) errs.push(fieldError.required('spec.type', ''));
  else if (!SERVICE_TYPES.includes(type)) errs.push(fieldError.notSupported('spec.type', type, SERVICE_TYPES));
  const affinity = str(spec.sessionAffinity);
  if (!affinity) errs.push(fieldError.required('spec.sessionAffinity', ''));
  else if (affinity !== 'ClientIP' && affinity !== 'None') errs.push(fieldError.notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  errs.push(...validateLabels(isObj(spec.selector) ? (spec.selector as Record<string, string>) : undefined, 'spec.selector'));
  for (const [field, allowed] of [['externalTrafficPolicy', ['Cluster', 'Local']], ['internalTrafficPolicy', ['Cluster', 'Local']]] as const) {
    const v = str(spec[field]);
    if (v && !(allowed as readonly string[]).includes(v)) errs.push(fieldError.notSupported(`spec.${field}`, v, [...allowed]));
  }
  return errs;
}

/** `validateUpgradeDowngradeClusterIPs`: an allocated primary cluster IP may not change. */
export function validateServiceUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec = isObj(obj.spec) ? obj.spec : {};
  const oldSpec = isObj(old.spec) ? old.spec : {};
  if (spec.type === 'ExternalName' || oldSpec.type === 'ExternalName') return [];
  const ips = Array.isArray(spec.clusterIPs) ? (spec.clusterIPs as string[]) : spec.clusterIP ? [str(spec.clusterIP)] : [];
  const oldIps = Array.isArray(oldSpec.clusterIPs) ? (oldSpec.clusterIPs as string[]) : oldSpec.clusterIP ? [str(oldSpec.clusterIP)] : [];
  if (ips.length === 0 || oldIps.length === 0 || ips[0] === oldIps[0]) return [];
  return [fieldError.invalid('spec.clusterIPs[0]', new GoLiteral(`[]string{${ips.map(goQuote).join(', ')}}`), 'may not change once set')];
}
