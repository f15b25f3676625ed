import type { ServiceLink } from '../glyphs/serviceLinks';
import type { Box } from '../layout/box';
import { trafficFlows, type TrafficFlow } from '../model/traffic';
import type { TrafficScene } from '../render/trafficParticles';
import type { SwarmLayout } from './swarmLayout';

/** Requests through the routing mesh to one published service lately, as the swarm's traffic meter counts them (the shape the store publishes). */
export interface SwarmTrafficInput {
  readonly serviceId: string;
  readonly requests: number;
  /** Requests per second of virtual time. */
  readonly rps: number;
  /** Answered requests per task ID. */
  readonly byTask: readonly { readonly task: string; readonly requests: number }[];
  /** Failed requests by the client's error. */
  readonly failed: readonly { readonly error: string; readonly requests: number }[];
}

/**
 * The flows to draw from the swarm meter's counts, in the Kubernetes side's
 * shape: each service's rate split over the tasks that answered (a task's key
 * is its ID, as the drawing keys it), and what failed.
 */
export function swarmTrafficFlows(services: readonly SwarmTrafficInput[]): TrafficFlow[] {
  return trafficFlows(
    services.map((s) => ({
      service: s.serviceId,
      rps: s.rps,
      requests: s.requests,
      byPod: s.byTask.map((t) => ({ pod: t.task, requests: t.requests })),
      failed: s.failed.map((f) => ({ kind: f.error, requests: f.requests })),
    })),
  );
}

/**
 * The particle layer's scene for the Swarm drawing: a request answered by a
 * task travels from the mesh bar along the mesh's line to that task
 * (`task:<id>`); failed requests fall from the mesh bar, as refused ones fall
 * from a Service card on the Kubernetes side. The mesh's lines are elbows
 * (down the node's margin, across to the task); the particle follows a cubic
 * curve through the elbow's corner.
 * @example swarmTrafficScene(layout, swarmTrafficFlows(traffic.swarm), 1, false)
 */
export function swarmTrafficScene(layout: SwarmLayout, flows: readonly TrafficFlow[], speed: number, reducedMotion: boolean): TrafficScene {
  const services = new Map<string, Box>();
  const links: ServiceLink[] = [];
  const mesh = layout.mesh;
  if (mesh && flows.length > 0) {
    const lineOf = new Map(layout.meshLinks.filter((l) => l.kind === 'task').map((l) => [l.key.slice('task:'.length), l]));
    for (const f of flows) {
      services.set(f.service, mesh.box);
      for (const task of f.pods) {
        const line = lineOf.get(task.key);
        if (!line || line.points.length < 2) continue;
        const first = line.points[0];
        const last = line.points[line.points.length - 1];
        // The elbow's corner (or the middle of a straight line) pulls the curve: both control points on it.
        const corner = line.points.length > 2 ? line.points[1] : { x: (first.x + last.x) / 2, y: (first.y + last.y) / 2 };
        const d = `M${line.points.map((p) => `${p.x},${p.y}`).join('L')}`;
        links.push({ key: line.key, service: f.service, ready: true, terminating: false, d, podKey: task.key, curve: [first.x, first.y, corner.x, corner.y, corner.x, corner.y, last.x, last.y] });
      }
    }
  }
  return { width: layout.width, height: layout.height, links, services, flows, speed, reducedMotion };
}
