/**
 * What `docker stack deploy` does with service keys Swarm has no use for
 * (docker/cli `compose/types/types.go`): unsupported ones are listed on
 * stderr and skipped, deprecated ones are listed with a reason, forbidden
 * ones stop the deploy.
 */
export const UNSUPPORTED_PROPERTIES = [
  'build',
  'cap_add',
  'cap_drop',
  'cgroup_parent',
  'devices',
  'domainname',
  'external_links',
  'ipc',
  'links',
  'mac_address',
  'network_mode',
  'pid',
  'privileged',
  'restart',
  'security_opt',
  'shm_size',
  'sysctls',
  'ulimits',
  'userns_mode',
] as const;

export const DEPRECATED_PROPERTIES: Readonly<Record<string, string>> = {
  container_name: 'Setting the container name is not supported.',
  expose: "Exposing ports is unnecessary - services on the same network can access each other's containers on any port.",
};

export const FORBIDDEN_PROPERTIES: Readonly<Record<string, string>> = {
  extends: 'Support for `extends` is not implemented yet.',
  volume_driver: 'Instead of setting the volume driver on the service, define a volume using the top-level `volumes` option and specify the driver there.',
  volumes_from: 'To share a volume between services, define it using the top-level `volumes` option and reference it from each service that shares it using the service-level `volumes` option.',
  cpu_quota: 'Set resource limits using deploy.resources',
  cpu_shares: 'Set resource limits using deploy.resources',
  cpuset: 'Set resource limits using deploy.resources',
  mem_limit: 'Set resource limits using deploy.resources',
  memswap_limit: 'Set resource limits using deploy.resources',
};

type Dict = Record<string, unknown>;

function services(config: Dict): Dict[] {
  const s = config.services;
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return [];
  return Object.values(s as Dict).filter((v): v is Dict => v !== null && typeof v === 'object' && !Array.isArray(v));
}

function found(configs: readonly Dict[], table: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of configs) for (const svc of services(c)) for (const k of Object.keys(table)) if (k in svc) out.set(k, table[k]);
  return out;
}

/** `propertyWarnings`: `name: description` lines, sorted, separated by a blank line. */
function propertyWarnings(props: Map<string, string>): string {
  return [...props].map(([k, v]) => `${k}: ${v}`).sort().join('\n\n');
}

/** The error when a forbidden key is used (checked per file, before interpolation), else undefined. */
export function forbiddenError(config: Dict): string | undefined {
  const props = found([config], FORBIDDEN_PROPERTIES);
  return props.size ? `Compose file contains unsupported options:\n\n${propertyWarnings(props)}\n` : undefined;
}

/** The CLI's stderr lines about unsupported and deprecated keys in all files (empty when none). */
export function propertyNotices(configs: readonly Dict[]): string {
  let out = '';
  const unsupported = new Set<string>();
  for (const c of configs) for (const svc of services(c)) for (const k of UNSUPPORTED_PROPERTIES) if (k in svc) unsupported.add(k);
  if (unsupported.size) out += `Ignoring unsupported options: ${[...unsupported].sort().join(', ')}\n\n`;
  const deprecated = found(configs, DEPRECATED_PROPERTIES);
  if (deprecated.size) out += `Ignoring deprecated options:\n\n${propertyWarnings(deprecated)}\n\n`;
  return out;
}
