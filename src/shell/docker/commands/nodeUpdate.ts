import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import { lookupNode } from '../lookup';

/** `docker node update [OPTIONS] NODE`: availability, role and labels; prints the node as given. */
export const nodeUpdate: DockerCommand = {
  path: ['node', 'update'],
  use: 'docker node update [OPTIONS] NODE',
  short: 'Update a node',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'availability', type: 'string', usage: 'Availability of the node ("active", "pause", "drain")' },
    { name: 'label-add', type: 'list', usage: 'Add or update a node label (key=value)' },
    { name: 'label-rm', type: 'list', usage: 'Remove a node label if exists' },
    { name: 'role', type: 'string', usage: 'Role of the node ("worker", "manager")' },
  ],
  run({ swarm, flags, args, sink }) {
    const n = lookupNode(swarm, args[0]);
    if ('error' in n) {
      sink.stderr(`${n.error}\n`);
      return finished(1);
    }
    const availability = flags.get('availability');
    if (availability !== undefined && !['active', 'pause', 'drain'].includes(availability.toLowerCase())) {
      sink.stderr(`invalid argument "${availability}" for "--availability" flag: invalid availability: ${availability}\n`);
      return finished(125);
    }
    const role = flags.get('role');
    if (role !== undefined && !['worker', 'manager'].includes(role.toLowerCase())) {
      sink.stderr(`invalid argument "${role}" for "--role" flag: invalid role: ${role}\n`);
      return finished(125);
    }
    const labelAdd: Record<string, string> = {};
    for (const l of flags.all('label-add')) {
      const eq = l.indexOf('=');
      if (eq < 0) labelAdd[l] = '';
      else labelAdd[l.slice(0, eq)] = l.slice(eq + 1);
    }
    const labelRm = flags.all('label-rm');
    for (const k of labelRm) {
      if (!(k in n.spec.labels)) {
        sink.stderr(`key ${k} doesn't exist in node's labels\n`);
        return finished(1);
      }
    }
    const r = swarm.updateNode(n.id, {
      availability: availability?.toLowerCase() as 'active' | 'pause' | 'drain' | undefined,
      role: role?.toLowerCase() as 'worker' | 'manager' | undefined,
      labelAdd,
      labelRm,
    });
    if (!r.ok) {
      sink.stderr(`${r.error}\n`);
      return finished(1);
    }
    sink.stdout(`${args[0]}\n`);
    return finished(0);
  },
};
