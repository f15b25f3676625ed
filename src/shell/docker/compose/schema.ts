/**
 * The part of the compose file schema (docker/cli `compose/schema`,
 * `config_schema_v3.x.json`) that the playground checks, with the CLI's
 * wording: `services.web Additional property imag is not allowed`,
 * `services.web.deploy.replicas must be a integer`.
 */

type Dict = Record<string, unknown>;
type Kind = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

const TOP = new Set(['version', 'services', 'networks', 'volumes', 'secrets', 'configs']);

const SERVICE = new Set([
  'build', 'cap_add', 'cap_drop', 'cgroup_parent', 'command', 'configs', 'container_name', 'credential_spec', 'depends_on', 'deploy',
  'devices', 'dns', 'dns_search', 'domainname', 'entrypoint', 'env_file', 'environment', 'expose', 'external_links', 'extra_hosts',
  'healthcheck', 'hostname', 'image', 'init', 'ipc', 'isolation', 'labels', 'links', 'logging', 'mac_address', 'network_mode',
  'networks', 'pid', 'ports', 'privileged', 'read_only', 'restart', 'secrets', 'security_opt', 'shm_size', 'stdin_open',
  'stop_grace_period', 'stop_signal', 'sysctls', 'tmpfs', 'tty', 'ulimits', 'user', 'userns_mode', 'volumes', 'working_dir',
]);

const DEPLOY = new Set(['mode', 'endpoint_mode', 'replicas', 'labels', 'rollback_config', 'update_config', 'resources', 'restart_policy', 'placement']);
const UPDATE = new Set(['parallelism', 'delay', 'failure_action', 'monitor', 'max_failure_ratio', 'order']);
const RESTART = new Set(['condition', 'delay', 'max_attempts', 'window']);
const PLACEMENT = new Set(['constraints', 'preferences', 'max_replicas_per_node']);
const RESOURCES = new Set(['limits', 'reservations']);
const HEALTH = new Set(['disable', 'interval', 'retries', 'test', 'timeout', 'start_period', 'start_interval']);

function kindOf(v: unknown): Kind {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v as Kind;
}

const human = (k: Kind) => (k === 'object' ? 'mapping' : k === 'array' ? 'list' : k);

/** `must be a string` / `must be a string or list` (gojsonschema's invalid_type, as the CLI words it). */
function expect(path: string, v: unknown, ...kinds: Kind[]): string | undefined {
  const k = kindOf(v);
  if (kinds.includes(k) || (k === 'integer' && kinds.includes('number'))) return undefined;
  const names = kinds.filter((x) => x !== 'null').map(human);
  return `${path} must be a ${names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]}`;
}

function extra(path: string, obj: Dict, allowed: Set<string>): string | undefined {
  const bad = Object.keys(obj).find((k) => !allowed.has(k) && !k.startsWith('x-'));
  return bad === undefined ? undefined : `${path} Additional property ${bad} is not allowed`;
}

function checkUpdate(path: string, v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const bad = expect(path, v, 'object');
  if (bad) return bad;
  const o = v as Dict;
  return extra(path, o, UPDATE) ?? (o.parallelism !== undefined ? expect(`${path}.parallelism`, o.parallelism, 'integer') : undefined) ?? (o.max_failure_ratio !== undefined ? expect(`${path}.max_failure_ratio`, o.max_failure_ratio, 'number') : undefined);
}

function checkDeploy(path: string, d: unknown): string | undefined {
  if (d === null || d === undefined) return undefined;
  const bad = expect(path, d, 'object', 'null');
  if (bad) return bad;
  const o = d as Dict;
  const e = extra(path, o, DEPLOY);
  if (e) return e;
  if (o.replicas !== undefined) {
    const r = expect(`${path}.replicas`, o.replicas, 'integer');
    if (r) return r;
  }
  if (o.mode !== undefined && typeof o.mode !== 'string') return expect(`${path}.mode`, o.mode, 'string');
  for (const k of ['update_config', 'rollback_config']) {
    const u = checkUpdate(`${path}.${k}`, o[k]);
    if (u) return u;
  }
  const sub: [string, Set<string>][] = [['restart_policy', RESTART], ['placement', PLACEMENT], ['resources', RESOURCES]];
  for (const [k, allowed] of sub) {
    if (o[k] === undefined || o[k] === null) continue;
    const t = expect(`${path}.${k}`, o[k], 'object');
    if (t) return t;
    const x = extra(`${path}.${k}`, o[k] as Dict, allowed);
    if (x) return x;
  }
  const p = o.placement as Dict | undefined;
  if (p?.constraints !== undefined) return expect(`${path}.placement.constraints`, p.constraints, 'array');
  return undefined;
}

function checkService(path: string, s: unknown): string | undefined {
  const bad = expect(path, s, 'object', 'null');
  if (bad) return bad;
  if (s === null) return undefined;
  const o = s as Dict;
  const checks: (string | undefined)[] = [
    extra(path, o, SERVICE),
    o.image !== undefined ? expect(`${path}.image`, o.image, 'string') : undefined,
    o.ports !== undefined ? expect(`${path}.ports`, o.ports, 'array') : undefined,
    o.volumes !== undefined ? expect(`${path}.volumes`, o.volumes, 'array') : undefined,
    o.environment !== undefined ? expect(`${path}.environment`, o.environment, 'object', 'array') : undefined,
    o.labels !== undefined ? expect(`${path}.labels`, o.labels, 'object', 'array') : undefined,
    o.networks !== undefined ? expect(`${path}.networks`, o.networks, 'object', 'array') : undefined,
    o.command !== undefined ? expect(`${path}.command`, o.command, 'string', 'array') : undefined,
    o.entrypoint !== undefined ? expect(`${path}.entrypoint`, o.entrypoint, 'string', 'array') : undefined,
    o.healthcheck !== undefined && o.healthcheck !== null ? (expect(`${path}.healthcheck`, o.healthcheck, 'object') ?? extra(`${path}.healthcheck`, o.healthcheck as Dict, HEALTH)) : undefined,
    checkDeploy(`${path}.deploy`, o.deploy),
  ];
  return checks.find((c) => c !== undefined);
}

/** The first schema violation, or undefined. */
export function validateSchema(config: Dict): string | undefined {
  const top = extra('(root)', config, TOP);
  if (top) return top;
  for (const k of ['services', 'networks', 'volumes', 'secrets', 'configs']) {
    if (config[k] !== undefined) {
      const t = expect(k, config[k], 'object', 'null');
      if (t) return t;
    }
  }
  const services = (config.services ?? {}) as Dict;
  for (const [name, svc] of Object.entries(services)) {
    if (name.startsWith('x-')) continue;
    const bad = checkService(`services.${name}`, svc);
    if (bad) return bad;
  }
  return undefined;
}
