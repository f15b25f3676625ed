import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import type { Swarm, SwarmTask } from '../../../sim/swarm/index';

/** Docker's `RFC3339NanoFixed` timestamp (`--timestamps`): nine fractional digits. */
function rfc3339NanoFixed(at: number): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

/** The task by full ID or unique ID prefix (the daemon's task lookup). */
function findTask(swarm: Swarm, ref: string): SwarmTask | undefined {
  const exact = swarm.task(ref);
  if (exact) return exact;
  const hits = swarm.tasks().filter((t) => t.id.startsWith(ref));
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * `docker service logs [OPTIONS] SERVICE|TASK`: the logs of every task of a
 * service (or of one task) that still has its container, each line prefixed
 * as docker/cli's task formatter does: `NAME.SLOT.TASKID@NODE` padded to the
 * width of the replica count, then `    | `. `--tail N` takes the last N lines
 * of each task's container. Tasks on a machine that is powered off cannot be
 * asked: their lines are missing.
 */
export const serviceLogs: DockerCommand = {
  path: ['service', 'logs'],
  use: 'docker service logs [OPTIONS] SERVICE|TASK',
  short: 'Fetch the logs of a service or task',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
    { name: 'follow', short: 'f', type: 'bool', usage: 'Follow log output' },
    { name: 'no-resolve', type: 'bool', usage: 'Do not map IDs to Names in output' },
    { name: 'no-task-ids', type: 'bool', usage: 'Do not include task IDs in output' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    { name: 'raw', type: 'bool', usage: 'Do not neatly format logs' },
    { name: 'since', type: 'string', usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { name: 'timestamps', short: 't', type: 'bool', usage: 'Show timestamps' },
    { name: 'tail', short: 'n', type: 'string', usage: 'Number of lines to show from the end of the logs', defaultText: '"all"' },
  ],
  run({ swarm, flags, args, sink, taskLogs }) {
    for (const f of ['follow', 'since', 'details']) {
      if (flags.has(f)) {
        sink.stderr(`not simulated: docker service logs --${f} (the playground prints the logs so far)\n`);
        return finished(1);
      }
    }
    const tail = flags.get('tail') ?? 'all';
    let perTask = Infinity;
    if (tail !== '' && tail !== 'all') {
      if (!/^-?\d+$/.test(tail)) {
        sink.stderr(`Error response from daemon: tail value must be a positive integer or "all": strconv.Atoi: parsing "${tail}": invalid syntax\n`);
        return finished(1);
      }
      perTask = Number(tail);
      if (perTask < 0) {
        sink.stderr('Error response from daemon: negative tail values not supported\n');
        return finished(1);
      }
    }
    const ref = args[0];
    const service = swarm.findService(ref);
    const task = service ? undefined : findTask(swarm, ref);
    if (!service && !task) {
      sink.stderr(`no such task or service: ${ref}\n`);
      return finished(1);
    }
    const tasks = service ? swarm.tasks({ serviceId: service.id }) : [task!];
    const owner = service ?? swarm.service(task!.serviceId);
    // docker/cli pads the prefix to the digits of the replica count (of the task's own slot for one task).
    const mode = owner?.spec.mode;
    const width = service ? (mode && 'replicated' in mode ? String(mode.replicated.replicas).length : 1) : String(task!.slot).length;
    const noTrunc = flags.bool('no-trunc');
    const noResolve = flags.bool('no-resolve');
    const lines: { at: number; seq: number; i: number; text: string }[] = [];
    for (const t of tasks) {
      if (swarm.isNodeStopped(t.nodeId)) continue;
      const node = swarm.node(t.nodeId);
      const serviceName = noResolve ? t.serviceId : (swarm.service(t.serviceId)?.spec.name ?? t.serviceId);
      const nodeName = noResolve || !node ? t.nodeId : node.description.hostname;
      let name = `${serviceName}.${t.slot}`;
      if (!flags.bool('no-task-ids')) name += `.${noTrunc ? t.id : t.id.slice(0, 12)}`;
      const prefix = `${name}@${nodeName}${' '.repeat(Math.max(0, width - String(t.slot).length))}    | `;
      const own = taskLogs(swarm, t);
      own.slice(Math.max(0, own.length - perTask)).forEach((l, i) => lines.push({ at: l.at, seq: t.seq, i, text: flags.bool('raw') ? l.text : prefix + l.text }));
    }
    lines.sort((a, b) => a.at - b.at || a.seq - b.seq || a.i - b.i);
    const stamp = flags.bool('timestamps');
    sink.stdout(lines.map((l) => `${stamp ? `${rfc3339NanoFixed(l.at)} ` : ''}${l.text}\n`).join(''));
    return finished(0);
  },
};
