import { parseDuration } from '../../lib/duration';
import type { FlagSpec, ParsedFlags } from './command';
import type { PortConfig, ServiceSpec, UpdateConfig } from '../../sim/swarm/index';

/**
 * The service flags shared by `service create` and `service update`
 * (docker/cli `service/opts.go`), and how they change a spec.
 */
export const SPEC_FLAGS: readonly FlagSpec[] = [
  { name: 'constraint', type: 'list', usage: 'Placement constraints' },
  { name: 'endpoint-mode', type: 'string', usage: 'Endpoint mode (vip or dnsrr)', defaultText: '"vip"' },
  { name: 'env', short: 'e', type: 'list', usage: 'Set environment variables' },
  { name: 'health-cmd', type: 'string', usage: 'Command to run to check health' },
  { name: 'health-interval', type: 'duration', usage: 'Time between running the check (ms|s|m|h)' },
  { name: 'health-retries', type: 'int', usage: 'Consecutive failures needed to report unhealthy' },
  { name: 'health-start-period', type: 'duration', usage: 'Start period for the container to initialize before counting retries towards unstable (ms|s|m|h)' },
  { name: 'health-timeout', type: 'duration', usage: 'Maximum time to allow one check to run (ms|s|m|h)' },
  { name: 'label', short: 'l', type: 'list', usage: 'Service labels' },
  { name: 'limit-cpu', type: 'decimal', usage: 'Limit CPUs' },
  { name: 'limit-memory', type: 'bytes', usage: 'Limit Memory' },
  { name: 'no-healthcheck', type: 'bool', usage: 'Disable any container-specified HEALTHCHECK' },
  { name: 'placement-pref', type: 'list', usage: 'Add a placement preference' },
  { name: 'publish', short: 'p', type: 'list', usage: 'Publish a port as a node port' },
  { name: 'replicas', type: 'uint', usage: 'Number of tasks' },
  { name: 'replicas-max-per-node', type: 'uint', usage: 'Maximum number of tasks per node (default 0 = unlimited)' },
  { name: 'reserve-cpu', type: 'decimal', usage: 'Reserve CPUs' },
  { name: 'reserve-memory', type: 'bytes', usage: 'Reserve Memory' },
  { name: 'restart-condition', type: 'string', usage: 'Restart when condition is met ("none", "on-failure", "any") (default "any")' },
  { name: 'restart-delay', type: 'duration', usage: 'Delay between restart attempts (ns|us|ms|s|m|h) (default 5s)' },
  { name: 'restart-max-attempts', type: 'uint', usage: 'Maximum number of restarts before giving up' },
  { name: 'restart-window', type: 'duration', usage: 'Window used to evaluate the restart policy (ns|us|ms|s|m|h)' },
  ...configFlags('update'),
  ...configFlags('rollback'),
];

function configFlags(kind: 'update' | 'rollback'): FlagSpec[] {
  const what = kind === 'update' ? 'update' : 'rollback';
  return [
    { name: `${kind}-delay`, type: 'duration', usage: `Delay between ${what}s (ns|us|ms|s|m|h) (default 0s)` },
    { name: `${kind}-failure-action`, type: 'string', usage: `Action on ${what} failure ("pause", "continue"${kind === 'update' ? ', "rollback"' : ''}) (default "pause")` },
    { name: `${kind}-max-failure-ratio`, type: 'float', usage: `Failure rate to tolerate during ${kind === 'update' ? 'an update' : 'a rollback'} (default 0)` },
    { name: `${kind}-monitor`, type: 'duration', usage: `Duration after each task ${kind === 'update' ? 'update' : 'rollback'} to monitor for failure (ns|us|ms|s|m|h) (default 5s)` },
    { name: `${kind}-order`, type: 'string', usage: `${kind === 'update' ? 'Update' : 'Rollback'} order ("start-first", "stop-first") (default "stop-first")` },
    { name: `${kind}-parallelism`, type: 'uint', usage: `Maximum number of tasks ${kind === 'update' ? 'updated' : 'rolled back'} simultaneously (0 to ${what} all at once) (default 1)` },
  ];
}

/** Parses `-p` the way docker/cli's PortOpt does: `8080:80`, `80`, `8080:80/udp`, or `published=8080,target=80,mode=host`. */
export function parsePublish(value: string): PortConfig[] | string {
  if (value.includes('=')) {
    const port: PortConfig = { protocol: 'tcp', targetPort: 0, publishedPort: 0, publishMode: 'ingress' };
    for (const part of value.split(',')) {
      const [k, v = ''] = part.split('=');
      const key = k.trim().toLowerCase();
      if (key === 'target') port.targetPort = Number(v);
      else if (key === 'published') port.publishedPort = Number(v);
      else if (key === 'mode') {
        if (v !== 'ingress' && v !== 'host') return `invalid publish mode value (${v}): must be either "ingress" or "host"`;
        port.publishMode = v;
      } else if (key === 'protocol') {
        if (v !== 'tcp' && v !== 'udp' && v !== 'sctp') return `invalid protocol value '${v}'`;
        port.protocol = v;
      } else return `invalid field key ${k}`;
    }
    if (!port.targetPort) return 'missing mandatory field "target"';
    return [port];
  }
  const m = /^(?:(\d+)(?:-(\d+))?:)?(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/.exec(value);
  if (!m) return `invalid containerPort: ${value}`;
  const protocol = (m[5] ?? 'tcp') as PortConfig['protocol'];
  const target = Number(m[3]);
  const targetEnd = m[4] ? Number(m[4]) : target;
  const published = m[1] ? Number(m[1]) : 0;
  const ports: PortConfig[] = [];
  for (let i = 0; i <= targetEnd - target; i++) ports.push({ protocol, targetPort: target + i, publishedPort: published ? published + i : 0, publishMode: 'ingress' });
  return ports;
}

function duration(flags: ParsedFlags, name: string): number | string | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  const ms = parseDuration(v);
  return ms === undefined ? `invalid argument "${v}" for "--${name}" flag: time: invalid duration "${v}"` : ms;
}

function uint(flags: ParsedFlags, name: string): number | string | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  return /^\d+$/.test(v) ? Number(v) : `invalid argument "${v}" for "--${name}" flag: strconv.ParseUint: parsing "${v}": invalid syntax`;
}

/** `--reserve-memory 512m` etc. (go-units RAMInBytes: k, m, g, t; b/B suffix; binary multiples). */
export function ramInBytes(v: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b)?$/i.exec(v.trim());
  if (!m) return undefined;
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g' | 't' | 'p'];
  return Math.round(Number(m[1]) * mult);
}

function applyConfig(flags: ParsedFlags, kind: 'update' | 'rollback', base: UpdateConfig): UpdateConfig | string {
  const out = { ...base };
  const p = uint(flags, `${kind}-parallelism`);
  if (typeof p === 'string') return p;
  if (p !== undefined) out.parallelism = p;
  const d = duration(flags, `${kind}-delay`);
  if (typeof d === 'string') return d;
  if (d !== undefined) out.delay = d;
  const mo = duration(flags, `${kind}-monitor`);
  if (typeof mo === 'string') return mo;
  if (mo !== undefined) out.monitor = mo;
  const fa = flags.get(`${kind}-failure-action`);
  if (fa !== undefined) {
    const allowed = kind === 'update' ? ['pause', 'continue', 'rollback'] : ['pause', 'continue'];
    if (!allowed.includes(fa)) return `invalid argument "${fa}" for "--${kind}-failure-action" flag`;
    out.failureAction = fa as UpdateConfig['failureAction'];
  }
  const r = flags.get(`${kind}-max-failure-ratio`);
  if (r !== undefined) {
    const n = Number(r);
    if (!Number.isFinite(n)) return `invalid argument "${r}" for "--${kind}-max-failure-ratio" flag: strconv.ParseFloat: parsing "${r}": invalid syntax`;
    out.maxFailureRatio = n;
  }
  const o = flags.get(`${kind}-order`);
  if (o !== undefined) {
    if (o !== 'start-first' && o !== 'stop-first') return `invalid argument "${o}" for "--${kind}-order" flag`;
    out.order = o;
  }
  return out;
}

function kv(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of list) {
    const eq = l.indexOf('=');
    if (eq < 0) out[l] = '';
    else out[l.slice(0, eq)] = l.slice(eq + 1);
  }
  return out;
}

/** Applies the spec flags given on the command line to `base` (create: the defaults; update: the current spec). Returns an error text for bad values. */
export function applySpecFlags(flags: ParsedFlags, base: ServiceSpec, mode: 'create' | 'update'): ServiceSpec | string {
  const spec: ServiceSpec = { ...base, placement: { ...base.placement }, resources: { reservations: { ...base.resources.reservations }, limits: { ...base.resources.limits } }, restartPolicy: { ...base.restartPolicy } };
  const replicas = uint(flags, 'replicas');
  if (typeof replicas === 'string') return replicas;
  if (replicas !== undefined) {
    if (!('replicated' in spec.mode)) return 'replicas can only be used with replicated or replicated-job mode';
    spec.mode = { replicated: { replicas } };
  }
  if (mode === 'create') {
    spec.env = flags.all('env');
    spec.labels = kv(flags.all('label'));
    spec.placement.constraints = flags.all('constraint');
    spec.placement.preferences = flags.all('placement-pref');
  }
  const ports: PortConfig[] = [];
  for (const p of flags.all('publish')) {
    const parsed = parsePublish(p);
    if (typeof parsed === 'string') return `invalid argument "${p}" for "-p, --publish" flag: ${parsed}`;
    ports.push(...parsed);
  }
  if (mode === 'create') spec.ports = ports;
  const em = flags.get('endpoint-mode');
  if (em !== undefined) {
    if (em !== 'vip' && em !== 'dnsrr') return `invalid endpoint mode: ${em}`;
    spec.endpointMode = em;
  }
  const maxR = uint(flags, 'replicas-max-per-node');
  if (typeof maxR === 'string') return maxR;
  if (maxR !== undefined) spec.placement.maxReplicas = maxR;
  for (const [flag, key, field] of [['reserve-cpu', 'reservations', 'cpu'], ['limit-cpu', 'limits', 'cpu'], ['reserve-memory', 'reservations', 'mem'], ['limit-memory', 'limits', 'mem']] as const) {
    const v = flags.get(flag);
    if (v === undefined) continue;
    if (field === 'cpu') {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) return `invalid argument "${v}" for "--${flag}" flag: failed to parse ${v} as a rational number`;
      spec.resources[key].nanoCPUs = Math.round(n * 1e9);
    } else {
      const b = ramInBytes(v);
      if (b === undefined) return `invalid argument "${v}" for "--${flag}" flag: invalid size: '${v}'`;
      spec.resources[key].memoryBytes = b;
    }
  }
  const cond = flags.get('restart-condition');
  if (cond !== undefined) {
    if (cond !== 'none' && cond !== 'on-failure' && cond !== 'any') return `invalid restart condition: ${cond}`;
    spec.restartPolicy.condition = cond;
  }
  for (const [flag, field] of [['restart-delay', 'delay'], ['restart-window', 'window']] as const) {
    const d = duration(flags, flag);
    if (typeof d === 'string') return d;
    if (d !== undefined) spec.restartPolicy[field] = d;
  }
  const att = uint(flags, 'restart-max-attempts');
  if (typeof att === 'string') return att;
  if (att !== undefined) spec.restartPolicy.maxAttempts = att;
  const upd = applyConfig(flags, 'update', spec.updateConfig);
  if (typeof upd === 'string') return upd;
  spec.updateConfig = upd;
  const rb = applyConfig(flags, 'rollback', spec.rollbackConfig);
  if (typeof rb === 'string') return rb;
  spec.rollbackConfig = rb;
  const hc = applyHealth(flags, spec);
  if (typeof hc === 'string') return hc;
  return hc;
}

function applyHealth(flags: ParsedFlags, spec: ServiceSpec): ServiceSpec | string {
  if (flags.bool('no-healthcheck')) {
    if (['health-cmd', 'health-interval', 'health-retries', 'health-timeout', 'health-start-period'].some((f) => flags.has(f))) return '--no-healthcheck conflicts with --health-* options';
    return { ...spec, healthcheck: { test: ['NONE'], interval: 0, timeout: 0, startPeriod: 0, retries: 0 } };
  }
  if (!['health-cmd', 'health-interval', 'health-retries', 'health-timeout', 'health-start-period'].some((f) => flags.has(f))) return spec;
  const hc = { ...(spec.healthcheck ?? { test: [], interval: 0, timeout: 0, startPeriod: 0, retries: 0 }) };
  const cmd = flags.get('health-cmd');
  if (cmd !== undefined) hc.test = cmd === '' ? [] : ['CMD-SHELL', cmd];
  for (const [flag, field] of [['health-interval', 'interval'], ['health-timeout', 'timeout'], ['health-start-period', 'startPeriod']] as const) {
    const d = duration(flags, flag);
    if (typeof d === 'string') return d;
    if (d !== undefined) hc[field] = d;
  }
  const r = flags.get('health-retries');
  if (r !== undefined) {
    if (!/^\d+$/.test(r)) return `invalid argument "${r}" for "--health-retries" flag: strconv.ParseInt: parsing "${r}": invalid syntax`;
    hc.retries = Number(r);
  }
  return { ...spec, healthcheck: hc };
}
