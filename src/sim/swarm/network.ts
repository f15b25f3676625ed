import { allNodes, SERVICES, TASKS, type SwarmContext } from './context';
import type { SwarmService, SwarmTask } from './types';

/** Where one request ended up: the task that answered, or the client's error. */
export type RouteResult = { ok: true; service: SwarmService; task: SwarmTask; via: 'ingress' | 'host'; source: string } | { ok: false; error: string };

/** A request a task's container served: when, from which address (what its access log shows), on which port. */
export interface ServedRequest {
  readonly at: number;
  readonly source: string;
  readonly port: number;
}

/** The outside client's address: the host of the tutorial's docker-machine network (192.168.99.0/24). */
export const OUTSIDE_CLIENT = '192.168.99.1';

/** The routing mesh's memory: round-robin positions per service and each node's ingress sandbox address. */
export interface MeshState {
  counters: Map<string, number>;
  /** A node's `ingress-sbox` address on the ingress network (10.0.0.0/24), given when the node first serves the mesh. */
  sandboxes: Map<string, string>;
}

/** A DNS answer inside the swarm's overlay networks. */
export type ResolveResult = { ok: true; addresses: string[]; kind: 'vip' | 'dnsrr' | 'tasks' } | { ok: false; error: string };

const running = (ctx: SwarmContext, serviceId: string) =>
  ctx.store
    .listByIndex<SwarmTask>(TASKS, 'service', serviceId)
    .filter((t) => t.status.state === 'running' && t.desiredState === 'running' && !ctx.isStopped(t.nodeId))
    .sort((a, b) => a.seq - b.seq);

/**
 * The ingress routing mesh (docs: "swarm mode routing mesh"): a port
 * published in ingress mode listens on every node, even one without a task
 * of the service, and IPVS balances requests over the service's running
 * tasks (round robin here), masquerading the client behind the node's
 * ingress sandbox address. A host-mode port listens only on nodes running a
 * task, and reaches that task with the client's own address.
 */
export function routeRequest(ctx: SwarmContext, mesh: MeshState, nodeRef: string, port: number, protocol: 'tcp' | 'udp' = 'tcp'): RouteResult {
  const node = allNodes(ctx.store).find((n) => n.id === nodeRef || n.description.hostname === nodeRef || n.status.addr === nodeRef);
  if (!node) return { ok: false, error: `Could not resolve host: ${nodeRef}` };
  const refused = { ok: false as const, error: `Failed to connect to ${node.status.addr} port ${port}: Connection refused` };
  if (ctx.isStopped(node.id)) return { ok: false, error: `Failed to connect to ${node.status.addr} port ${port}: Connection timed out` };
  for (const s of ctx.store.list<SwarmService>(SERVICES)) {
    for (const p of s.spec.ports) {
      if (p.publishedPort !== port || p.protocol !== protocol) continue;
      if (p.publishMode === 'host') {
        const local = running(ctx, s.id).find((t) => t.nodeId === node.id);
        if (local) return { ok: true, service: s, task: local, via: 'host', source: OUTSIDE_CLIENT };
        continue;
      }
      const backends = running(ctx, s.id);
      if (backends.length === 0) return refused;
      const i = mesh.counters.get(s.id) ?? 0;
      mesh.counters.set(s.id, i + 1);
      // IPVS in the node's ingress sandbox masquerades: the container sees the sandbox's address, not the client's.
      let source = mesh.sandboxes.get(node.id);
      if (!source) mesh.sandboxes.set(node.id, (source = `10.0.0.${ctx.nextVip()}`));
      return { ok: true, service: s, task: backends[i % backends.length], via: 'ingress', source };
    }
  }
  return refused;
}

/**
 * The embedded DNS server: a service name resolves to its virtual IP
 * (endpoint mode `vip`) or to its running tasks' addresses (`dnsrr`);
 * `tasks.<service>` always gives the tasks' addresses.
 */
export function resolveName(ctx: SwarmContext, name: string): ResolveResult {
  const services = ctx.store.list<SwarmService>(SERVICES);
  const tasksOf = name.startsWith('tasks.') ? name.slice('tasks.'.length) : undefined;
  const s = services.find((x) => x.spec.name === (tasksOf ?? name));
  if (!s) return { ok: false, error: `** server can't find ${name}: NXDOMAIN` };
  const addrs = running(ctx, s.id).map((t) => t.addr ?? '').filter(Boolean);
  if (tasksOf !== undefined) return { ok: true, addresses: addrs, kind: 'tasks' };
  if (s.spec.endpointMode === 'dnsrr') return { ok: true, addresses: addrs, kind: 'dnsrr' };
  const vip = s.virtualIPs[0]?.addr.split('/')[0];
  return vip ? { ok: true, addresses: [vip], kind: 'vip' } : { ok: true, addresses: addrs, kind: 'dnsrr' };
}
