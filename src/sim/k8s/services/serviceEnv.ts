import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { ClusterView, ServiceObj } from './clusterView';

/** The services whose variables every pod gets, whatever its namespace (`masterServices`). */
const MASTER_SERVICES = new Set(['kubernetes']);

/** `makeEnvVariableName`: upper case, dashes to underscores. */
function envName(s: string): string {
  return s.replace(/-/g, '_').toUpperCase();
}

function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/** `envvars.FromServices` for one service, in the order the kubelet builds them. */
function fromService(svc: Service & { metadata?: { name?: string } }, out: Record<string, string>): void {
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return;
  const prefix = envName(svc.metadata?.name ?? '');
  const ip = svc.spec!.clusterIP!;
  out[`${prefix}_SERVICE_HOST`] = ip;
  out[`${prefix}_SERVICE_PORT`] = String(ports[0].port);
  for (const p of ports) if (p.name) out[`${prefix}_SERVICE_PORT_${envName(p.name)}`] = String(p.port);
  // docker-link variables (`makeLinkVariables`)
  const hostPort = (port: number) => `${ip.includes(':') ? `[${ip}]` : ip}:${port}`;
  ports.forEach((p, i) => {
    const protocol = p.protocol || 'TCP';
    const url = `${protocol.toLowerCase()}://${hostPort(p.port)}`;
    if (i === 0) out[`${prefix}_PORT`] = url;
    const portPrefix = `${prefix}_PORT_${p.port}_${protocol.toUpperCase()}`;
    out[portPrefix] = url;
    out[`${portPrefix}_PROTO`] = protocol.toLowerCase();
    out[`${portPrefix}_PORT`] = String(p.port);
    out[`${portPrefix}_ADDR`] = ip;
  });
}

/**
 * The Service environment variables the kubelet gives a container of a pod
 * in `namespace` (`getServiceEnvVarMap` + `envvars.FromServices`): for every
 * Service with a cluster IP in that namespace (only when
 * `enableServiceLinks` is not false) and always for `default/kubernetes`,
 * `{NAME}_SERVICE_HOST`, `{NAME}_SERVICE_PORT`, `{NAME}_SERVICE_PORT_{PORTNAME}`
 * and the docker-link `{NAME}_PORT`, `{NAME}_PORT_{port}_{PROTO}[_PROTO|_PORT|_ADDR]`.
 * Pass the Services as they are when the container starts: Services created
 * later do not reach a running container. Keys come service by service,
 * sorted by name.
 * @example serviceEnvVars(services, 'default').WEB_SERVICE_HOST // '10.96.12.34'
 */
export function serviceEnvVars(services: Iterable<Service & { metadata?: { name?: string; namespace?: string } }>, namespace: string, enableServiceLinks = true): Record<string, string> {
  const byName = new Map<string, Service & { metadata?: { name?: string } }>();
  for (const svc of services) {
    if (!isServiceIPSet(svc)) continue;
    const name = svc.metadata?.name ?? '';
    const ns = svc.metadata?.namespace ?? 'default';
    if (ns === 'default' && MASTER_SERVICES.has(name)) {
      if (!byName.has(name)) byName.set(name, svc);
    } else if (ns === namespace && enableServiceLinks) byName.set(name, svc);
  }
  const out: Record<string, string> = {};
  for (const name of [...byName.keys()].sort()) fromService(byName.get(name)!, out);
  return out;
}

/**
 * `serviceEnvVars` for a pod, reading the Services of its namespace and
 * `default/kubernetes` through `view` (call it when the container starts).
 */
export function podServiceEnv(view: ClusterView, pod: Pod & { metadata?: { namespace?: string } }): Record<string, string> {
  const ns = pod.metadata?.namespace ?? 'default';
  const services = view.list<ServiceObj>('services', { namespace: ns });
  if (ns !== 'default') {
    const k = view.get<ServiceObj>('services', 'default', 'kubernetes');
    if (k) services.push(k);
  }
  return serviceEnvVars(services, ns, pod.spec?.enableServiceLinks !== false);
}
