import type { PodLook } from '../model/podLook';
import { LOOK_DESCRIPTION } from '../model/podLook';

/** What a node box's accessible name is made from. */
export interface NodeLabelFacts {
  readonly hostname: string;
  readonly role: 'manager' | 'worker';
  readonly managerStatus: string | undefined;
  readonly status: string;
  readonly availability: string;
  readonly stopped: boolean;
  readonly activeTasks: number;
}

/** What a service card's accessible name is made from. */
export interface ServiceLabelFacts {
  readonly name: string;
  readonly mode: 'replicated' | 'global';
  readonly running: number;
  readonly desired: number;
  readonly image: string;
  readonly ports: readonly { readonly published: number; readonly target: number; readonly protocol: string }[];
  readonly update: { readonly state: string; readonly updated: number; readonly total: number } | undefined;
}

/**
 * The words the Swarm drawing writes, in the interface language (the UI hands
 * a translated table to `setSwarmText`, as `setVizText` for the Kubernetes
 * drawing). Docker's own words (task states, Ready, Drain, Leader) stay as
 * `docker node ls` and `docker service ps` print them.
 */
export interface SwarmText {
  readonly look: Readonly<Record<PodLook, string>>;
  readonly taskLabel: (name: string, state: string, look: PodLook, host: string | undefined, error: string | undefined) => string;
  readonly nodeLabel: (n: NodeLabelFacts) => string;
  readonly serviceLabel: (s: ServiceLabelFacts) => string;
  readonly tasksOnNode: (count: number) => string;
  readonly noTasks: (availability: string) => string;
  readonly poweredOff: string;
  readonly memory: string;
  readonly pending: string;
  readonly routingMesh: string;
  /** What a published port does: `:8080 on every node`. */
  readonly meshPort: (published: number) => string;
  readonly noPorts: string;
  readonly updateProgress: (state: string, updated: number, total: number, order: string, parallelism: number) => string;
  readonly quorumLost: (reachable: number, managers: number, needed: number) => string;
  readonly quorumHint: string;
  readonly services: string;
  readonly noServices: string;
  /** A machine outside the swarm: its accessible name, its card's second line and its hint. */
  readonly outsideLabel: (hostname: string) => string;
  readonly outsideMeta: string;
  readonly outsideHint: string;
}

export const SWARM_TEXT_EN: SwarmText = {
  look: LOOK_DESCRIPTION,
  taskLabel: (name, state, look, host, error) =>
    `${name}, ${state} (${LOOK_DESCRIPTION[look]})${host ? ` on ${host}` : ', not assigned to a node'}${error ? `, ${error}` : ''}`,
  nodeLabel: (n) =>
    `${n.hostname}, ${n.role}${n.managerStatus ? ` (${n.managerStatus})` : ''}, ${n.status}, ${n.availability}${n.stopped ? ', powered off' : ''}, ${n.activeTasks} task${n.activeTasks === 1 ? '' : 's'}`,
  serviceLabel: (s) =>
    `${s.name}, ${s.mode === 'global' ? 'global' : 'replicated'} ${s.running}/${s.desired}, image ${s.image}${s.ports.map((p) => `, port ${p.published}:${p.target}/${p.protocol}`).join('')}${
      s.update ? `, update ${s.update.state} (${s.update.updated} of ${s.update.total} updated)` : ''
    }`,
  tasksOnNode: (count) => `Tasks ${count}`,
  noTasks: (availability) => (availability === 'Drain' ? 'No tasks: drained' : availability === 'Pause' ? 'No tasks: paused' : 'No tasks yet'),
  poweredOff: 'powered off',
  memory: 'Memory',
  pending: 'Pending: no node yet',
  routingMesh: 'Ingress routing mesh',
  meshPort: (published) => `:${published} on every node`,
  noPorts: 'no published ports',
  updateProgress: (state, updated, total, order, parallelism) => `${state} ${updated}/${total} · ${order}, ${parallelism} at a time`,
  quorumLost: (reachable, managers, needed) => `Quorum lost: ${reachable} of ${managers} managers reachable, ${needed} needed.`,
  quorumHint: 'Running tasks keep running, but the swarm accepts no changes until a majority of managers is back.',
  services: 'Services',
  noServices: 'No services yet',
  outsideLabel: (hostname) => `${hostname}, a Docker machine outside the swarm`,
  outsideMeta: 'Docker Engine · not in the swarm',
  outsideHint: 'joins with docker swarm join',
};

let current: SwarmText = SWARM_TEXT_EN;

/** The words in effect. */
export function swarmText(): SwarmText {
  return current;
}

/** Sets the words (the UI, when the language changes; then it redraws). */
export function setSwarmText(text: SwarmText): void {
  current = text;
}
