import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import { NAMESPACE_LABEL } from '../compose/convertService';
import { dockerTable } from '../printers/table';
import { naturalLess } from '../printers/tasks';

/** `docker stack ls`: one row per stack (services labelled `com.docker.stack.namespace`), natural order. */
export const stackLs: DockerCommand = {
  path: ['stack', 'ls'],
  aliases: ['list'],
  use: 'docker stack ls [OPTIONS]',
  short: 'List stacks',
  args: { max: 0 },
  flags: [],
  run({ swarm, sink }) {
    const counts = new Map<string, number>();
    for (const s of swarm.services()) {
      const ns = s.spec.labels[NAMESPACE_LABEL];
      if (ns !== undefined) counts.set(ns, (counts.get(ns) ?? 0) + 1);
    }
    const rows = [...counts].sort(([a], [b]) => naturalLess(a, b)).map(([name, n]) => [name, String(n)]);
    sink.stdout(dockerTable(['NAME', 'SERVICES'], rows));
    return finished(0);
  },
};
