import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import { dockerTable, prettyPrint } from '../printers/table';

/** `docker node ls`: full node IDs, ` *` on the node the CLI talks to, sorted by hostname. */
export const nodeLs: DockerCommand = {
  path: ['node', 'ls'],
  aliases: ['list'],
  use: 'docker node ls [OPTIONS]',
  short: 'List nodes in the swarm',
  args: { max: 0 },
  flags: [{ name: 'quiet', short: 'q', type: 'bool', usage: 'Only display IDs' }],
  run({ swarm, flags, sink, local }) {
    const nodes = swarm.nodes();
    if (flags.bool('quiet')) {
      sink.stdout(nodes.map((n) => `${n.id}\n`).join(''));
      return finished(0);
    }
    const self = local;
    const rows = nodes.map((n) => [
      `${n.id} ${n.id === self ? '*' : ' '}`,
      n.description.hostname,
      prettyPrint(n.status.state),
      prettyPrint(n.spec.availability),
      n.managerStatus ? (n.managerStatus.leader ? 'Leader' : prettyPrint(n.managerStatus.reachability)) : '',
      n.description.engineVersion,
    ]);
    sink.stdout(dockerTable(['ID', 'HOSTNAME', 'STATUS', 'AVAILABILITY', 'MANAGER STATUS', 'ENGINE VERSION'], rows));
    return finished(0);
  },
};
