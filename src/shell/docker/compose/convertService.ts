import { defaultServiceSpec, type FileReference, type Healthcheck, type Mount, type RestartPolicy, type ServiceSpec, type UpdateConfig } from '../../../sim/swarm/index';
import type { LookupEnv } from './interpolate';
import type { Dict } from './loadCompose';
import { composePorts, composeVolumes } from './ports';
import { parseBytes, parseCpus, parseDuration, shellCommand } from './units';

/**
 * One compose service → a swarm ServiceSpec (docker/cli
 * `compose/convert/service.go`): names scoped to the stack, the stack's
 * labels, `deploy:` keys onto the spec. Errors are the CLI's, without the
 * `service NAME: ` prefix the caller adds.
 */

export const NAMESPACE_LABEL = 'com.docker.stack.namespace';
export const IMAGE_LABEL = 'com.docker.stack.image';

const isDict = (v: unknown): v is Dict => v !== null && typeof v === 'object' && !Array.isArray(v);
const dict = (v: unknown): Dict => (isDict(v) ? v : {});
const scope = (ns: string, name: string) => `${ns}_${name}`;

/** Local networks that exist on every node and take no aliases (`NetworkMode.IsUserDefined` is false). */
export const PREDEFINED_NETWORKS = new Set(['bridge', 'host', 'none', 'default']);

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(v)) {
    for (const item of v) {
      const [k, ...rest] = String(item).split('=');
      out[k] = rest.join('=');
    }
    return out;
  }
  for (const [k, val] of Object.entries(dict(v))) out[k] = val === null || val === undefined ? '' : String(val);
  return out;
}

function duration(v: unknown, what: string): number {
  if (v === undefined || v === null) return 0;
  const d = parseDuration(v);
  if (d === undefined) throw new Error(`${what}: time: invalid duration ${JSON.stringify(String(v))}`);
  return d;
}

function updateConfig(v: unknown, what: string): UpdateConfig | undefined {
  if (!isDict(v)) return undefined;
  const failure = String(v.failure_action ?? 'pause');
  const order = String(v.order ?? 'stop-first');
  if (!['pause', 'continue', 'rollback'].includes(failure)) throw new Error(`${what}.failure_action: unrecognized failure action ${failure}`);
  if (!['stop-first', 'start-first'].includes(order)) throw new Error(`${what}.order: unrecognized order ${order}`);
  const monitor = duration(v.monitor, `${what}.monitor`);
  return {
    parallelism: v.parallelism === undefined ? 1 : Number(v.parallelism),
    delay: duration(v.delay, `${what}.delay`),
    failureAction: failure as UpdateConfig['failureAction'],
    monitor: monitor === 0 ? 5_000 : monitor,
    maxFailureRatio: Number(v.max_failure_ratio ?? 0),
    order: order as UpdateConfig['order'],
  };
}

/** `deploy.restart_policy`, else the legacy `restart:` (always/unless-stopped → any, on-failure[:N]), else the default. */
function restartPolicy(base: RestartPolicy, rp: unknown, restart: unknown): RestartPolicy {
  if (isDict(rp)) {
    const condition = String(rp.condition ?? 'any');
    if (!['none', 'on-failure', 'any'].includes(condition)) throw new Error(`invalid RestartCondition: ${condition}`);
    return {
      condition: condition as RestartPolicy['condition'],
      delay: rp.delay === undefined ? base.delay : duration(rp.delay, 'restart_policy.delay'),
      maxAttempts: Number(rp.max_attempts ?? 0),
      window: duration(rp.window, 'restart_policy.window'),
    };
  }
  if (typeof restart !== 'string' || restart === '' || restart === 'no') return base;
  const [name, count] = restart.split(':');
  const maxAttempts = count === undefined ? 0 : Number(count);
  if (name === 'always' || name === 'unless-stopped') return { ...base, condition: 'any', maxAttempts };
  if (name === 'on-failure') return { ...base, condition: 'on-failure', maxAttempts };
  throw new Error(`invalid restart policy: unknown policy '${name}' (must be one of 'no', 'always', 'on-failure', or 'unless-stopped')`);
}

function healthcheck(v: unknown): Healthcheck | undefined {
  if (!isDict(v)) return undefined;
  if (v.disable === true) {
    if (v.test !== undefined && !(Array.isArray(v.test) && v.test.length === 0)) throw new Error("test and disable can't be set at the same time");
    return { test: ['NONE'], interval: 0, timeout: 0, startPeriod: 0, retries: 0 };
  }
  const test = v.test === undefined ? [] : Array.isArray(v.test) ? v.test.map(String) : ['CMD-SHELL', String(v.test)];
  return {
    test,
    interval: duration(v.interval, 'healthcheck.interval'),
    timeout: duration(v.timeout, 'healthcheck.timeout'),
    startPeriod: duration(v.start_period, 'healthcheck.start_period'),
    retries: Number(v.retries ?? 0),
  };
}

/** `environment` (a map by now) plus `env_file` contents; a bare name takes the client's value or stays bare. Sorted. */
function environment(svc: Dict, envFiles: Dict, lookup: LookupEnv): string[] {
  const vars = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(envFiles)) vars.set(k, v === null ? undefined : String(v));
  for (const [k, v] of Object.entries(dict(svc.environment))) vars.set(k, v === null || v === undefined ? undefined : String(v));
  return [...vars].map(([k, v]) => (v === undefined || v === '' ? (lookup(k) !== undefined ? `${k}=${lookup(k)}` : v === '' ? `${k}=` : k) : `${k}=${v}`)).sort();
}

function fileRefs(list: unknown, defined: Dict, ns: string, kind: 'secret' | 'config'): FileReference[] {
  const out: FileReference[] = [];
  for (const item of (list ?? []) as unknown[]) {
    const ref = isDict(item) ? item : { source: item };
    const source = String(ref.source);
    if (!(source in defined)) throw new Error(`undefined ${kind} ${JSON.stringify(source)}`);
    const obj = dict(defined[source]);
    out.push({ name: obj.name ? String(obj.name) : obj.external === true ? source : scope(ns, source), target: String(ref.target ?? source) });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function mounts(list: unknown, volumes: Dict, ns: string): Mount[] {
  const parsed = composeVolumes(list);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed.map((v) => {
    if (v.type !== 'volume' || v.source === '') return { ...v };
    if (!(v.source in volumes)) throw new Error(`undefined volume ${JSON.stringify(v.source)}`);
    const cfg = dict(volumes[v.source]);
    const name = cfg.name ? String(cfg.name) : cfg.external === true || isDict(cfg.external) ? v.source : scope(ns, v.source);
    return { ...v, source: name };
  });
}

function networks(svc: Dict, declared: Dict, ns: string, key: string): { target: string; aliases: string[] }[] {
  const raw = svc.networks;
  const entries: [string, Dict][] = raw === undefined || raw === null ? [['default', {}]] : Array.isArray(raw) ? raw.map((n) => [String(n), {}]) : Object.entries(raw as Dict).map(([n, v]) => [n, dict(v)]);
  if (entries.length === 0) entries.push(['default', {}]);
  return entries
    .map(([name, cfg]) => {
      if (!(name in declared) && name !== 'default') throw new Error(`undefined network ${JSON.stringify(name)}`);
      const net = dict(declared[name]);
      const target = net.name ? String(net.name) : scope(ns, name);
      const aliases = Array.isArray(cfg.aliases) ? cfg.aliases.map(String) : [];
      return { target, aliases: PREDEFINED_NETWORKS.has(target) ? aliases : [...aliases, key] };
    })
    .sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

export interface ConvertContext {
  namespace: string;
  config: Dict;
  lookup: LookupEnv;
  /** Variables read from the service's `env_file`s (already loaded by the caller). */
  envFiles: Dict;
}

/** Converts the service `key`; throws an Error with the CLI's message. */
export function convertService(key: string, svcValue: unknown, c: ConvertContext): ServiceSpec {
  const svc = dict(svcValue);
  const deploy = dict(svc.deploy);
  const ns = c.namespace;
  const image = svc.image === undefined ? '' : String(svc.image);
  const spec = defaultServiceSpec(scope(ns, key), image);
  const mode = String(deploy.mode ?? 'replicated');
  const replicas = deploy.replicas;
  if (mode === 'global' || mode === 'global-job') {
    if (replicas !== undefined && replicas !== null) throw new Error('replicas can only be used with replicated or replicated-job mode');
    spec.mode = { global: {} };
  } else if (mode === 'replicated' || mode === '') {
    spec.mode = { replicated: { replicas: replicas === undefined || replicas === null ? 1 : Number(replicas) } };
  } else if (mode !== 'replicated-job') throw new Error(`unknown mode: ${mode}`);
  if (mode.endsWith('-job')) throw new Error(`not simulated: ${mode} services (jobs) are not part of the playground's swarm yet`);
  const ports = composePorts(svc.ports);
  if (typeof ports === 'string') throw new Error(ports);
  const res = dict(deploy.resources);
  const resource = (r: unknown) => {
    const o = dict(r);
    const cpus = o.cpus === undefined ? 0 : parseCpus(o.cpus);
    if (cpus === undefined) throw new Error(`invalid CPU value: ${String(o.cpus)}`);
    const mem = o.memory === undefined ? 0 : parseBytes(o.memory);
    if (mem === undefined) throw new Error(`invalid size: '${String(o.memory)}'`);
    return { nanoCPUs: cpus, memoryBytes: mem };
  };
  const placement = dict(deploy.placement);
  const stop = svc.stop_grace_period === undefined ? undefined : duration(svc.stop_grace_period, 'stop_grace_period');
  const command = shellCommand(svc.entrypoint);
  return {
    ...spec,
    labels: { ...stringMap(deploy.labels), [NAMESPACE_LABEL]: ns, [IMAGE_LABEL]: image },
    args: shellCommand(svc.command) ?? [],
    env: environment(svc, c.envFiles, c.lookup),
    healthcheck: healthcheck(svc.healthcheck),
    placement: {
      constraints: ((placement.constraints ?? []) as unknown[]).map(String),
      preferences: ((placement.preferences ?? []) as unknown[]).map((p) => `spread=${String(dict(p).spread ?? '')}`),
      maxReplicas: Number(placement.max_replicas_per_node ?? 0),
    },
    resources: { reservations: resource(res.reservations), limits: resource(res.limits) },
    restartPolicy: restartPolicy(spec.restartPolicy, deploy.restart_policy, svc.restart),
    updateConfig: updateConfig(deploy.update_config, 'update_config') ?? spec.updateConfig,
    rollbackConfig: updateConfig(deploy.rollback_config, 'rollback_config') ?? spec.rollbackConfig,
    endpointMode: deploy.endpoint_mode === undefined ? 'vip' : (String(deploy.endpoint_mode).toLowerCase() as ServiceSpec['endpointMode']),
    ports,
    ...(command ? { command } : {}),
    containerLabels: { ...stringMap(svc.labels), [NAMESPACE_LABEL]: ns },
    ...(stop !== undefined ? { stopGracePeriod: stop } : {}),
    mounts: mounts(svc.volumes, dict(c.config.volumes), ns),
    networks: networks(svc, dict(c.config.networks), ns, key),
    secrets: fileRefs(svc.secrets, dict(c.config.secrets), ns, 'secret'),
    configs: fileRefs(svc.configs, dict(c.config.configs), ns, 'config'),
  };
}
