import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import { printTasks } from '../printers/tasks';
import { stackServices } from '../stack/deployStack';
import { validateStackName } from '../stack/stackName';

/** `docker stack ps STACK`: the `service ps` table of every task of the stack; none → `nothing found in stack: NAME` (exit 1). */
export const stackPs: DockerCommand = {
  path: ['stack', 'ps'],
  use: 'docker stack ps [OPTIONS] STACK',
  short: 'List the tasks in the stack',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'filter', short: 'f', type: 'list', usage: 'Filter output based on conditions provided' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display task IDs' },
  ],
  run({ swarm, flags, args, sink }) {
    const bad = validateStackName(args[0]);
    if (bad) {
      sink.stderr(`${bad}\n`);
      return finished(1);
    }
    let tasks = stackServices(swarm, args[0]).flatMap((s) => swarm.tasks({ serviceId: s.id }));
    for (const f of flags.all('filter')) {
      const m = /^desired-state=(running|shutdown|accepted)$/.exec(f);
      if (!m) {
        sink.stderr(`Error response from daemon: invalid filter '${f}'\n`);
        return finished(1);
      }
      tasks = tasks.filter((t) => (m[1] === 'running' ? t.desiredState === 'running' || t.desiredState === 'ready' : t.desiredState === m[1]));
    }
    if (tasks.length === 0) {
      sink.stderr(`nothing found in stack: ${args[0]}\n`);
      return finished(1);
    }
    sink.stdout(printTasks(swarm, tasks, { noTrunc: flags.bool('no-trunc'), quiet: flags.bool('quiet') }));
    return finished(0);
  },
};
