import { allNodes, getService, NODES, SERVICES, type SwarmContext } from './context';
import { parseConstraints } from './constraints';
import { newId } from './ids';
import type { ServiceSpec, SwarmNode, SwarmResult, SwarmService } from './types';

/**
 * The managers' control API (SwarmKit `manager/controlapi`): validates and
 * writes services and nodes. Errors carry Docker's text as the CLI prints it
 * (`Error response from daemon: rpc error: code = … desc = …`).
 */

const daemon = (code: string, desc: string) => `Error response from daemon: rpc error: code = ${code} desc = ${desc}`;

/** Docker's service-name rule (`validateAnnotations`): DNS-label-like, ≤ 63 chars. */
function validName(name: string): boolean {
  return /^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$/.test(name) && name.length <= 63;
}

function validateSpec(ctx: SwarmContext, spec: ServiceSpec, selfId?: string): string | undefined {
  if (!validName(spec.name)) return daemon('InvalidArgument', `name must be valid as a DNS name component`);
  if ('replicated' in spec.mode && spec.mode.replicated.replicas < 0) return daemon('InvalidArgument', 'replicas cannot be negative');
  const c = parseConstraints(spec.placement.constraints);
  if (typeof c === 'string') return daemon('InvalidArgument', c);
  if (spec.endpointMode === 'dnsrr' && spec.ports.some((p) => p.publishMode === 'ingress')) {
    return daemon('InvalidArgument', 'EndpointSpec: port published with ingress mode can\'t be used with dnsrr mode');
  }
  for (const other of ctx.store.list<SwarmService>(SERVICES)) {
    if (other.id === selfId) continue;
    for (const p of spec.ports) {
      if (p.publishMode !== 'ingress') continue;
      if (other.spec.ports.some((q) => q.publishMode === 'ingress' && q.publishedPort === p.publishedPort && q.protocol === p.protocol)) {
        return daemon('InvalidArgument', `port '${p.publishedPort}' is already in use by service '${other.spec.name}' (${other.id}) as an ingress port`);
      }
    }
  }
  return undefined;
}

/** Ingress ports with no published port get one from 30000 on (SwarmKit's dynamic range 30000–32767). */
function assignPorts(ctx: SwarmContext, spec: ServiceSpec): ServiceSpec {
  if (!spec.ports.some((p) => p.publishedPort === 0 && p.publishMode === 'ingress')) return spec;
  const used = new Set(ctx.store.list<SwarmService>(SERVICES).flatMap((s) => s.spec.ports.map((p) => p.publishedPort)));
  let next = 30000;
  const ports = spec.ports.map((p) => {
    if (p.publishedPort !== 0 || p.publishMode !== 'ingress') return p;
    while (used.has(next)) next++;
    used.add(next);
    return { ...p, publishedPort: next++ };
  });
  return { ...spec, ports };
}

export function createService(ctx: SwarmContext, spec: ServiceSpec): SwarmResult<SwarmService> {
  const bad = validateSpec(ctx, spec);
  if (bad) return { ok: false, error: bad };
  if (ctx.store.list<SwarmService>(SERVICES).some((s) => s.spec.name === spec.name)) {
    return { ok: false, error: daemon('AlreadyExists', `name conflicts with an existing object: service ${spec.name} already exists`) };
  }
  const id = newId(ctx.rng);
  const now = ctx.clock.now();
  const withPorts = assignPorts(ctx, spec);
  const service: SwarmService = {
    metadata: { name: id },
    id,
    version: 1,
    createdAt: now,
    updatedAt: now,
    spec: withPorts,
    virtualIPs: withPorts.ports.length > 0 && withPorts.endpointMode === 'vip' ? [{ network: 'ingress', addr: `10.0.0.${ctx.nextVip()}/24` }] : [],
  };
  ctx.store.put(SERVICES, service);
  return { ok: true, value: service };
}

/**
 * Replaces a service's spec; the old one is kept as `previousSpec` and the
 * update status is reset (SwarmKit controlapi `UpdateService`). With
 * `rollback`, the previous spec comes back, the two swap, and the update
 * status reads `rollback_started` / `manually requested rollback`.
 */
export function updateService(ctx: SwarmContext, id: string, spec: ServiceSpec | undefined, rollback = false): SwarmResult<SwarmService> {
  const current = getService(ctx, id);
  if (!current) return { ok: false, error: daemon('NotFound', `service ${id} not found`) };
  const now = ctx.clock.now();
  if (rollback) {
    if (!current.previousSpec) return { ok: false, error: daemon('FailedPrecondition', `service ${id} does not have a previous spec`) };
    const next: SwarmService = {
      ...current,
      version: current.version + 1,
      updatedAt: now,
      spec: current.previousSpec,
      previousSpec: current.spec,
      updateStatus: { state: 'rollback_started', startedAt: now, message: 'manually requested rollback' },
    };
    ctx.store.put(SERVICES, next);
    return { ok: true, value: next };
  }
  if (!spec) return { ok: false, error: daemon('InvalidArgument', 'no spec given') };
  if (spec.name !== current.spec.name) return { ok: false, error: daemon('Unimplemented', 'renaming services is not supported') };
  if (('global' in spec.mode) !== ('global' in current.spec.mode)) return { ok: false, error: daemon('Unimplemented', 'service mode change is not allowed') };
  const bad = validateSpec(ctx, spec, id);
  if (bad) return { ok: false, error: bad };
  const next: SwarmService = {
    ...current,
    version: current.version + 1,
    updatedAt: now,
    spec: assignPorts(ctx, spec),
    previousSpec: current.spec,
    updateStatus: undefined,
  };
  ctx.store.put(SERVICES, next);
  return { ok: true, value: next };
}

export function removeService(ctx: SwarmContext, id: string): SwarmResult {
  if (!getService(ctx, id)) return { ok: false, error: daemon('NotFound', `service ${id} not found`) };
  ctx.store.remove(SERVICES, id);
  return { ok: true, value: undefined };
}

export interface NodeChanges {
  availability?: SwarmNode['spec']['availability'];
  role?: SwarmNode['spec']['role'];
  labelAdd?: Record<string, string>;
  labelRm?: string[];
}

export function updateNode(ctx: SwarmContext, id: string, changes: NodeChanges): SwarmResult<SwarmNode> {
  const node = ctx.store.get<SwarmNode>(NODES, id);
  if (!node) return { ok: false, error: daemon('NotFound', `node ${id} not found`) };
  const labels = { ...node.spec.labels, ...changes.labelAdd };
  for (const k of changes.labelRm ?? []) delete labels[k];
  const role = changes.role ?? node.spec.role;
  if (node.spec.role === 'manager' && role === 'worker') {
    const managers = allNodes(ctx.store).filter((n) => n.spec.role === 'manager');
    if (managers.length === 1) return { ok: false, error: daemon('FailedPrecondition', 'attempting to demote the last manager of the swarm') };
    // Raft refuses to drop a member when the rest would lack quorum (UNVERIFIED wording).
    const reachableAfter = managers.filter((m) => m.id !== node.id && m.managerStatus?.reachability === 'reachable').length;
    if (reachableAfter < Math.floor((managers.length - 1) / 2) + 1) {
      return { ok: false, error: daemon('FailedPrecondition', "can't remove member from the raft: this would result in a loss of quorum") };
    }
  }
  const next: SwarmNode = {
    ...node,
    updatedAt: ctx.clock.now(),
    spec: { ...node.spec, availability: changes.availability ?? node.spec.availability, role, labels },
    // A promoted node joins the Raft group; a demoted one leaves it (a demoted leader hands over, see raft.ts).
    managerStatus:
      role === 'manager'
        ? (node.managerStatus ?? { leader: false, reachability: ctx.isStopped(node.id) ? 'unreachable' : 'reachable', addr: `${node.status.addr}:2377` })
        : undefined,
  };
  ctx.store.put(NODES, next);
  return { ok: true, value: next };
}
