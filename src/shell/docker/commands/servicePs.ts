import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import { lookupService } from '../lookup';
import { printTasks } from '../printers/tasks';

/** `docker service ps SERVICE [SERVICE...]`: the tasks of services, history included (up to the task history limit). */
export const servicePs: DockerCommand = {
  path: ['service', 'ps'],
  use: 'docker service ps [OPTIONS] SERVICE [SERVICE...]',
  short: 'List the tasks of one or more services',
  args: { min: 1 },
  flags: [
    { name: 'filter', short: 'f', type: 'list', usage: 'Filter output based on conditions provided' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display task IDs' },
  ],
  run({ swarm, flags, args, sink }) {
    const ids: string[] = [];
    const errors: string[] = [];
    for (const ref of args) {
      const s = lookupService(swarm, ref);
      if ('error' in s) errors.push(s.error);
      else ids.push(s.id);
    }
    if (errors.length) {
      sink.stderr(`${errors.join('\n')}\n`);
      return finished(1);
    }
    let tasks = ids.flatMap((id) => swarm.tasks({ serviceId: id }));
    for (const f of flags.all('filter')) {
      const m = /^desired-state=(running|shutdown|accepted)$/.exec(f);
      if (!m) {
        sink.stderr(`Error response from daemon: invalid filter '${f}'\n`);
        return finished(1);
      }
      tasks = tasks.filter((t) => (m[1] === 'running' ? t.desiredState === 'running' || t.desiredState === 'ready' : t.desiredState === m[1]));
    }
    sink.stdout(printTasks(swarm, tasks, { noTrunc: flags.bool('no-trunc'), quiet: flags.bool('quiet') }));
    return finished(0);
  },
};
