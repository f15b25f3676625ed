import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import { lookupNode } from '../lookup';
import { printTasks } from '../printers/tasks';

/** `docker node ps [NODE...]`: tasks on nodes (default: the local node, `self`). */
export const nodePs: DockerCommand = {
  path: ['node', 'ps'],
  use: 'docker node ps [OPTIONS] [NODE...]',
  short: 'List tasks running on one or more nodes, defaults to current node',
  args: {},
  flags: [
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display task IDs' },
  ],
  run({ swarm, flags, args, sink }) {
    const refs = args.length ? args : ['self'];
    const tasks = [];
    for (const ref of refs) {
      const n = lookupNode(swarm, ref);
      if ('error' in n) {
        sink.stderr(`${n.error}\n`);
        return finished(1);
      }
      tasks.push(...swarm.tasks({ nodeId: n.id }));
    }
    sink.stdout(printTasks(swarm, tasks, { noTrunc: flags.bool('no-trunc'), quiet: flags.bool('quiet') }));
    return finished(0);
  },
};
