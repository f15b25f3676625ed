import { taskName, type Swarm, type SwarmTask } from '../../../sim/swarm/index';
import { dockerTable, prettyPrint, truncateId } from './table';
import { ago } from './units';

/** Natural order of names (`web.2` before `web.10`), as `sortorder.NaturalLess`. */
export function naturalLess(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** `ellipsis` of docker/cli: cut to `n` runes with `…`. */
function ellipsis(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** The image as `service ps` shows it: digest stripped unless --no-trunc. */
function shownImage(image: string, noTrunc: boolean): string {
  return noTrunc ? image : image.split('@')[0];
}

/**
 * The task table of `docker service ps` / `docker node ps` / `docker stack ps`
 * (docker/cli `task/print.go`): sorted by name, newest first within a slot,
 * older tasks of a slot prefixed ` \_ `.
 */
export function printTasks(swarm: Swarm, tasks: readonly SwarmTask[], options: { noTrunc?: boolean; quiet?: boolean } = {}): string {
  const sorted = [...tasks].sort((a, b) => naturalLess(taskName(a), taskName(b)) || b.seq - a.seq);
  if (options.quiet) return sorted.map((t) => `${options.noTrunc ? t.id : truncateId(t.id)}\n`).join('');
  const now = swarm.now();
  let prev = '';
  const rows = sorted.map((t) => {
    const name = taskName(t);
    const shown = name === prev ? ` \\_ ${name}` : name;
    prev = name;
    const node = swarm.node(t.nodeId)?.description.hostname ?? t.nodeId;
    const err = t.status.err ? `"${options.noTrunc ? t.status.err : ellipsis(t.status.err, 30)}"` : '';
    const ports = t.spec.ports
      .filter((p) => p.publishMode === 'host')
      .map((p) => `*:${p.publishedPort}->${p.targetPort}/${p.protocol}`)
      .join(',');
    return [
      options.noTrunc ? t.id : truncateId(t.id),
      shown,
      shownImage(t.spec.image, options.noTrunc ?? false),
      node,
      prettyPrint(t.desiredState),
      `${prettyPrint(t.status.state)} ${ago(now - t.status.timestamp)}`,
      err,
      ports,
    ];
  });
  return dockerTable(['ID', 'NAME', 'IMAGE', 'NODE', 'DESIRED STATE', 'CURRENT STATE', 'ERROR', 'PORTS'], rows);
}
