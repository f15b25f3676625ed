import { finished } from '../../execution';
import type { DockerCommand, DockerRun } from '../command';
import { lookupNode } from '../lookup';

function changeRole(r: DockerRun, role: 'manager' | 'worker') {
  for (const ref of r.args) {
    const n = lookupNode(r.swarm, ref);
    if ('error' in n) {
      r.sink.stderr(`${n.error}\n`);
      return finished(1);
    }
    if (n.spec.role === role) {
      r.sink.stdout(`Node ${n.id} is already a ${role}.\n`);
      continue;
    }
    const res = r.swarm.updateNode(n.id, { role });
    if (!res.ok) {
      r.sink.stderr(`${res.error}\n`);
      return finished(1);
    }
    r.sink.stdout(role === 'manager' ? `Node ${ref} promoted to a manager in the swarm.\n` : `Manager ${ref} demoted in the swarm.\n`);
  }
  return finished(0);
}

/** `docker node promote NODE [NODE...]` (docker/cli `node/promote.go`). */
export const nodePromote: DockerCommand = {
  path: ['node', 'promote'],
  use: 'docker node promote NODE [NODE...]',
  short: 'Promote one or more nodes to manager in the swarm',
  args: { min: 1 },
  flags: [],
  run: (r) => changeRole(r, 'manager'),
};

/** `docker node demote NODE [NODE...]` (docker/cli `node/demote.go`). */
export const nodeDemote: DockerCommand = {
  path: ['node', 'demote'],
  use: 'docker node demote NODE [NODE...]',
  short: 'Demote one or more nodes from manager in the swarm',
  args: { min: 1 },
  flags: [],
  run: (r) => changeRole(r, 'worker'),
};

/** `docker node rm [--force] NODE [NODE...]`: only a Down worker, unless forced. */
export const nodeRm: DockerCommand = {
  path: ['node', 'rm'],
  aliases: ['remove'],
  use: 'docker node rm [OPTIONS] NODE [NODE...]',
  short: 'Remove one or more nodes from the swarm',
  args: { min: 1 },
  flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force remove a node from the swarm' }],
  run({ swarm, args, flags, sink }) {
    for (const ref of args) {
      const n = lookupNode(swarm, ref);
      if ('error' in n) {
        sink.stderr(`${n.error}\n`);
        return finished(1);
      }
      const r = swarm.membership.remove(n.id, flags.bool('force'));
      if (!r.ok) {
        sink.stderr(`${r.error.replace(`node ${n.id} is`, `node ${n.id} is`)}\n`);
        return finished(1);
      }
      sink.stdout(`${ref}\n`);
    }
    return finished(0);
  },
};
