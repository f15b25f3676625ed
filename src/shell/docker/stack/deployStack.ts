import type { ServiceSpec, Swarm, SwarmService } from '../../../sim/swarm/index';
import type { OutputSink } from '../../types';
import { convertService, NAMESPACE_LABEL, PREDEFINED_NETWORKS } from '../compose/convertService';
import type { LookupEnv } from '../compose/interpolate';
import { loadCompose, type ComposeSource, type Dict } from '../compose/loadCompose';
import { createObject, findObject, listObjects, type StackObjectKind } from './stackObjects';

/**
 * `docker stack deploy` against the simulated swarm, in docker/cli's order
 * (`stack/swarm/deploy_composefile.go`): load the files (notices on
 * stderr), prune, check external networks, create the stack's networks,
 * secrets and configs, convert every service, then create or update each
 * service. Services, networks and objects are taken in name order (the
 * CLI walks Go maps, whose order is random).
 */

export interface DeployRequest {
  namespace: string;
  sources: ComposeSource[];
  prune: boolean;
  /** `--detach` was left at its default: the CLI says tasks are created in the background. */
  detachDefaulted: boolean;
  /** Reads a file relative to the first compose file's folder (env_file, secrets, configs). */
  readFile(path: string): string | undefined;
  lookup: LookupEnv;
  /** Why the daemon the CLI talks to cannot take the deploy (not a manager, no leader), if so. */
  daemonError?: () => string | undefined;
}

const isDict = (v: unknown): v is Dict => v !== null && typeof v === 'object' && !Array.isArray(v);
const dict = (v: unknown): Dict => (isDict(v) ? v : {});
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Services of the stack (label `com.docker.stack.namespace`). */
export function stackServices(swarm: Swarm, namespace: string): SwarmService[] {
  return swarm.services().filter((s) => s.spec.labels[NAMESPACE_LABEL] === namespace);
}

function externalName(key: string, cfg: Dict): string {
  const ext = cfg.external;
  if (isDict(ext) && ext.name) return String(ext.name);
  return cfg.name ? String(cfg.name) : key;
}

const isExternal = (cfg: Dict) => cfg.external === true || isDict(cfg.external);

function createNetworks(swarm: Swarm, ns: string, config: Dict, out: OutputSink): string | undefined {
  const declared = dict(config.networks);
  const used = new Set<string>();
  for (const svc of Object.values(dict(config.services))) {
    const nets = dict(svc).networks;
    const names = Array.isArray(nets) ? nets.map(String) : isDict(nets) ? Object.keys(nets) : [];
    if (names.length === 0) used.add('default');
    for (const n of names) used.add(n);
  }
  const toCreate: { name: string; cfg: Dict }[] = [];
  for (const key of [...used].sort(byName)) {
    const cfg = dict(declared[key]);
    if (isExternal(cfg)) {
      const name = externalName(key, cfg);
      if (PREDEFINED_NETWORKS.has(name)) continue;
      const net = findObject(swarm, 'network', name);
      if (!net) return `network ${JSON.stringify(name)} is declared as external, but could not be found. You need to create a swarm-scoped network before the stack is deployed`;
      if (net.scope !== 'swarm') return `network ${JSON.stringify(name)} is declared as external, but it is not in the right scope: ${JSON.stringify(net.scope)} instead of "swarm"`;
      continue;
    }
    toCreate.push({ name: cfg.name ? String(cfg.name) : `${ns}_${key}`, cfg });
  }
  for (const { name, cfg } of toCreate) {
    const existing = findObject(swarm, 'network', name);
    if (existing && existing.labels[NAMESPACE_LABEL] === ns) continue;
    if (existing) return `failed to create network ${name}: Error response from daemon: network with name ${name} already exists`;
    out.stdout(`Creating network ${name}\n`);
    createObject(swarm, { kind: 'network', name, labels: { ...stringLabels(cfg.labels), [NAMESPACE_LABEL]: ns }, driver: cfg.driver ? String(cfg.driver) : 'overlay', scope: 'swarm' });
  }
  return undefined;
}

function stringLabels(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(v)) for (const item of v) out[String(item).split('=')[0]] = String(item).split('=').slice(1).join('=');
  else for (const [k, val] of Object.entries(dict(v))) out[k] = String(val ?? '');
  return out;
}

/** Secrets or configs from files: created once (`Creating secret vote_x`), updated silently afterwards. */
function createFileObjects(swarm: Swarm, ns: string, kind: StackObjectKind, section: unknown, req: DeployRequest, out: OutputSink): string | undefined {
  const entries = Object.entries(dict(section)).sort(([a], [b]) => byName(a, b));
  const made: { name: string; data: string; labels: Record<string, string> }[] = [];
  for (const [key, raw] of entries) {
    const cfg = dict(raw);
    if (isExternal(cfg)) continue;
    if (cfg.file === undefined) return `${kind}s.${key}: only file-based ${kind}s are simulated (no \`file:\`)`;
    const data = req.readFile(String(cfg.file));
    if (data === undefined) return `open ${String(cfg.file)}: no such file or directory`;
    made.push({ name: cfg.name ? String(cfg.name) : `${ns}_${key}`, data, labels: { ...stringLabels(cfg.labels), [NAMESPACE_LABEL]: ns } });
  }
  for (const m of made) {
    if (!findObject(swarm, kind, m.name)) out.stdout(`Creating ${kind} ${m.name}\n`);
    createObject(swarm, { kind, ...m });
  }
  return undefined;
}

function readEnvFiles(svc: Dict, req: DeployRequest): Dict | string {
  const files = svc.env_file === undefined ? [] : Array.isArray(svc.env_file) ? svc.env_file.map(String) : [String(svc.env_file)];
  const vars: Dict = {};
  for (const f of files) {
    const text = req.readFile(f);
    if (text === undefined) return `open ${f}: no such file or directory`;
    for (const line of text.split('\n')) {
      const l = line.trim();
      if (l === '' || l.startsWith('#')) continue;
      const eq = l.indexOf('=');
      vars[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? null : l.slice(eq + 1);
    }
  }
  return vars;
}

/** The CLI's `ParseSecrets`/`ParseConfigs`: every referenced secret and config must exist by now. */
function missingFileObject(swarm: Swarm, spec: ServiceSpec): string | undefined {
  const secret = spec.secrets?.find((f) => !findObject(swarm, 'secret', f.name));
  if (secret) return `secret not found: ${secret.name}`;
  const config = spec.configs?.find((f) => !findObject(swarm, 'config', f.name));
  return config ? `config not found: ${config.name}` : undefined;
}

function convertAll(swarm: Swarm, ns: string, config: Dict, req: DeployRequest): [string, ServiceSpec][] | string {
  const out: [string, ServiceSpec][] = [];
  for (const [key, svc] of Object.entries(dict(config.services)).sort(([a], [b]) => byName(a, b))) {
    if (key.startsWith('x-')) continue;
    const envFiles = readEnvFiles(dict(svc), req);
    if (typeof envFiles === 'string') return envFiles;
    try {
      const spec = convertService(key, svc, { namespace: ns, config, lookup: req.lookup, envFiles });
      const missing = missingFileObject(swarm, spec);
      if (missing) return `service ${key}: ${missing}`;
      out.push([key, spec]);
    } catch (e) {
      return `service ${key}: ${(e as Error).message}`;
    }
  }
  return out;
}

/** What the daemon refuses when a service is created or updated (beyond the swarm API's own checks). */
function daemonCheck(swarm: Swarm, spec: ServiceSpec): string | undefined {
  if (spec.image === '') return 'Error response from daemon: rpc error: code = InvalidArgument desc = ContainerSpec: image reference must be provided';
  for (const n of spec.networks ?? []) {
    const net = findObject(swarm, 'network', n.target);
    if (net?.scope === 'local') return `Error response from daemon: The network ${n.target} cannot be used with services. Only networks scoped to the swarm can be used, such as those created with the overlay driver.`;
    if (!net) return `Error response from daemon: network ${n.target} not found`;
  }
  return undefined;
}

/** Runs the deploy, writing as the CLI does; returns the exit status and the IDs of the services created or updated. */
export function deployStack(swarm: Swarm, req: DeployRequest, out: OutputSink): { code: number; serviceIds: string[] } {
  const serviceIds: string[] = [];
  const code = deploy(swarm, req, out, serviceIds);
  return { code, serviceIds };
}

function deploy(swarm: Swarm, req: DeployRequest, out: OutputSink, serviceIds: string[]): number {
  const ns = req.namespace;
  const fail = (msg: string) => {
    out.stderr(`${msg}\n`);
    return 1;
  };
  const loaded = loadCompose(req.sources, req.lookup);
  if (!loaded.ok) return fail(loaded.error);
  if (loaded.notices) out.stderr(loaded.notices);
  if (req.detachDefaulted) out.stderr('Since --detach=false was not specified, tasks will be created in the background.\nIn a future release, --detach=false will become the default.\n');
  // checkDaemonIsSwarmManager: after the file is read, before anything is changed.
  const daemonError = req.daemonError?.();
  if (daemonError) return fail(/not a swarm manager/.test(daemonError) ? 'this node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again' : daemonError);
  const config = loaded.config;
  if (req.prune) {
    const keep = new Set(Object.keys(dict(config.services)).map((k) => `${ns}_${k}`));
    for (const s of stackServices(swarm, ns).filter((s) => !keep.has(s.spec.name)).sort((a, b) => byName(a.spec.name, b.spec.name))) {
      out.stdout(`Removing service ${s.spec.name}\n`);
      swarm.removeService(s.id);
    }
  }
  const netErr = createNetworks(swarm, ns, config, out);
  if (netErr) return fail(netErr);
  const secretErr = createFileObjects(swarm, ns, 'secret', config.secrets, req, out) ?? createFileObjects(swarm, ns, 'config', config.configs, req, out);
  if (secretErr) return fail(secretErr);
  const specs = convertAll(swarm, ns, config, req);
  if (typeof specs === 'string') return fail(specs);
  for (const [, spec] of specs) {
    const existing = stackServices(swarm, ns).find((s) => s.spec.name === spec.name);
    if (existing) {
      out.stdout(`Updating service ${spec.name} (id: ${existing.id})\n`);
      const bad = daemonCheck(swarm, spec);
      if (bad) return fail(`failed to update service ${spec.name}: ${bad}`);
      const r = swarm.updateService(existing.id, { ...spec, forceUpdate: existing.spec.forceUpdate });
      if (!r.ok) return fail(`failed to update service ${spec.name}: ${r.error}`);
      serviceIds.push(existing.id);
      continue;
    }
    out.stdout(`Creating service ${spec.name}\n`);
    const bad = daemonCheck(swarm, spec);
    if (bad) return fail(`failed to create service ${spec.name}: ${bad}`);
    const r = swarm.createService(spec);
    if (!r.ok) return fail(`failed to create service ${spec.name}: ${r.error}`);
    serviceIds.push(r.value.id);
  }
  return 0;
}

export { listObjects };
