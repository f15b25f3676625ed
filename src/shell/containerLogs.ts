import { fnv32a } from '../lib/fnv';
import { accessLogLine, imageProfile, serverResponseBody, stampLogLine } from '../sim/k8s/index';
import { imageBaseName, type Swarm, type SwarmTask } from '../sim/swarm/index';

import type { TaskLogLine } from './docker/command';

/**
 * The swarm's containers run the same programs as the cluster's: this is
 * where the image catalog of the Kubernetes engine meets the swarm's tasks.
 * `shell/index.ts` hands it to the docker CLI (which never reads the
 * Kubernetes engine itself).
 */

/** The user agent of `kubeplay traffic`'s requests (the Kubernetes side's too). */
export const TRAFFIC_USER_AGENT = 'kubeplay-traffic';

/**
 * A task's container's host name: Docker names it after the container ID's
 * first 12 hex digits. The playground keeps no container IDs; this one is
 * derived from the task ID, so it is stable.
 */
export function containerHostname(task: SwarmTask): string {
  return [fnv32a(task.id), fnv32a(task.id, 0x01000193), fnv32a(task.id, 0x9e3779b9)].map((n) => n.toString(16).padStart(8, '0')).join('').slice(0, 12);
}

/**
 * What a task's container logged, oldest first — the same programs as the
 * Kubernetes side's containers (the image catalog): the image's start-up
 * lines when it ran its default command, then one access-log line per
 * request the routing mesh brought it (nginx/Apache/gunicorn combined
 * format, the client address as the container saw it). A task that never
 * started has no container and no logs.
 */
export function swarmTaskLogs(swarm: Swarm, task: SwarmTask): TaskLogLine[] {
  const ranAt = task.sim.ranAt;
  if (ranAt === undefined) return [];
  const profile = imageProfile(task.spec.image);
  if (!profile) return [];
  const lines: TaskLogLine[] = [];
  const ownCommand = task.spec.args.length > 0 || (task.spec.command?.length ?? 0) > 0;
  if (!ownCommand) for (const l of profile.logs ?? []) lines.push({ at: ranAt, text: stampLogLine(l, ranAt, task.addr ?? '') });
  const fmt = profile.accessLog;
  if (fmt) {
    const status = profile.http?.['/'] ?? profile.httpDefault ?? 200;
    const bytes = serverResponseBody(`/${imageBaseName(task.spec.image)}`, status, containerHostname(task), '/').length;
    for (const r of swarm.served(task.id)) lines.push({ at: r.at, text: accessLogLine(fmt, r.source, '/', status, bytes, TRAFFIC_USER_AGENT, r.at) });
  }
  return lines;
}
