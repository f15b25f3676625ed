import type { Swarm } from '../../../sim/swarm/index';

/**
 * The swarm-scoped networks, configs and secrets a stack creates. The
 * simulated swarm does not model them yet (tasks attach to no real overlay),
 * so they live beside it, one registry per swarm, keyed by name: enough
 * for `stack deploy` to create each once, for `stack rm` to remove them,
 * and for external references to be checked.
 */

export type StackObjectKind = 'network' | 'config' | 'secret';

export interface StackObject {
  kind: StackObjectKind;
  id: string;
  name: string;
  labels: Record<string, string>;
  /** Networks: the driver (`overlay`); local predefined networks have scope `local`. */
  driver?: string;
  scope?: 'swarm' | 'local';
  /** Configs and secrets: the file's content. */
  data?: string;
}

const registries = new WeakMap<Swarm, Map<string, StackObject>>();

/** Networks every swarm node has from the start (`docker network ls` on a fresh manager). */
const PREDEFINED: readonly Omit<StackObject, 'id'>[] = [
  { kind: 'network', name: 'bridge', labels: {}, driver: 'bridge', scope: 'local' },
  { kind: 'network', name: 'docker_gwbridge', labels: {}, driver: 'bridge', scope: 'local' },
  { kind: 'network', name: 'host', labels: {}, driver: 'host', scope: 'local' },
  { kind: 'network', name: 'ingress', labels: {}, driver: 'overlay', scope: 'swarm' },
  { kind: 'network', name: 'none', labels: {}, driver: 'null', scope: 'local' },
];

/** A 25-character lowercase base-36 ID derived from the name and a counter (stable across replays). */
function objectId(name: string, n: number): string {
  let h = 2166136261 ^ n;
  let out = '';
  for (let i = 0; out.length < 25; i++) {
    h = Math.imul(h ^ name.charCodeAt(i % Math.max(1, name.length)), 16777619) ^ (i * 2654435761);
    out += ((h >>> 0) % 36).toString(36);
  }
  return out;
}

function registry(swarm: Swarm): Map<string, StackObject> {
  let r = registries.get(swarm);
  if (!r) {
    r = new Map();
    for (const p of PREDEFINED) r.set(`${p.kind}/${p.name}`, { ...p, id: objectId(p.name, r.size) });
    registries.set(swarm, r);
  }
  return r;
}

export function findObject(swarm: Swarm, kind: StackObjectKind, name: string): StackObject | undefined {
  return registry(swarm).get(`${kind}/${name}`);
}

/** Objects of a kind, sorted by name; with `namespace`, only those labelled for that stack. */
export function listObjects(swarm: Swarm, kind: StackObjectKind, namespace?: string): StackObject[] {
  return [...registry(swarm).values()]
    .filter((o) => o.kind === kind && (namespace === undefined || o.labels['com.docker.stack.namespace'] === namespace))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function createObject(swarm: Swarm, obj: Omit<StackObject, 'id'>): StackObject {
  const r = registry(swarm);
  const created = { ...obj, id: objectId(obj.name, r.size) };
  r.set(`${obj.kind}/${obj.name}`, created);
  return created;
}

export function removeObject(swarm: Swarm, kind: StackObjectKind, name: string): void {
  registry(swarm).delete(`${kind}/${name}`);
}
