import { finished } from '../../execution';
import type { DockerCommand } from '../command';

const MANAGER_ADDR = (r: { swarm: import('../../../sim/swarm/index').Swarm }) => {
  const leader = r.swarm.nodes().find((n) => n.managerStatus?.leader) ?? r.swarm.nodes().find((n) => n.managerStatus);
  return leader?.managerStatus?.addr ?? '192.168.99.100:2377';
};

/** `docker swarm init`: this playground's machines are already in the default swarm. */
export const swarmInit: DockerCommand = {
  path: ['swarm', 'init'],
  use: 'docker swarm init [OPTIONS]',
  short: 'Initialize a swarm',
  local: true,
  args: { max: 0 },
  flags: [
    { name: 'advertise-addr', type: 'string', usage: 'Advertised address (format: "<ip|interface>[:port]")' },
    { name: 'force-new-cluster', type: 'bool', usage: 'Force create a new cluster from current state' },
  ],
  run({ swarm, local, sink }) {
    if (!swarm.membership.outside().includes(swarm.node(local)?.description.hostname ?? '')) {
      sink.stderr('Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.\n');
      return finished(1);
    }
    sink.stderr('not simulated: a second swarm — join this machine back with `docker swarm join` (see `docker swarm join-token worker`)\n');
    return finished(1);
  },
};

/** `docker swarm join-token worker|manager`: the command to run on a machine to join. */
export const swarmJoinToken: DockerCommand = {
  path: ['swarm', 'join-token'],
  use: 'docker swarm join-token [OPTIONS] (worker|manager)',
  short: 'Manage join tokens',
  args: { min: 1, max: 1 },
  flags: [{ name: 'quiet', short: 'q', type: 'bool', usage: 'Only display token' }],
  run(r) {
    const role = r.args[0];
    if (role !== 'worker' && role !== 'manager') {
      r.sink.stderr(`unknown role ${role}\n`);
      return finished(1);
    }
    const token = r.swarm.membership.token(role);
    if (r.flags.bool('quiet')) r.sink.stdout(`${token}\n`);
    else r.sink.stdout(`To add a ${role} to this swarm, run the following command:\n\n    docker swarm join --token ${token} ${MANAGER_ADDR(r)}\n\n`);
    return finished(0);
  },
};

/** `docker swarm join --token TOKEN HOST:PORT`, run on the joining machine (`docker -H worker1 swarm join …`). */
export const swarmJoin: DockerCommand = {
  path: ['swarm', 'join'],
  use: 'docker swarm join [OPTIONS] HOST:PORT',
  short: 'Join a swarm as a node and/or manager',
  local: true,
  args: { min: 1, max: 1 },
  flags: [{ name: 'token', type: 'string', usage: 'Token for entry into the swarm' }],
  run({ swarm, flags, sink, local, localHost }) {
    if (local && !swarm.membership.outside().includes(localHost)) {
      sink.stderr('Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.\n');
      return finished(1);
    }
    const token = flags.get('token') ?? '';
    const role = token === swarm.membership.token('manager') ? 'manager' : token === swarm.membership.token('worker') ? 'worker' : undefined;
    if (!role) {
      sink.stderr('Error response from daemon: rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster\n');
      return finished(1);
    }
    const r = swarm.membership.join(localHost, role);
    if (!r.ok) {
      sink.stderr(`${r.error}\n`);
      return finished(1);
    }
    sink.stdout(`This node joined a swarm as a ${role}.\n`);
    return finished(0);
  },
};

/** `docker swarm leave [--force]`, run on the leaving machine. */
export const swarmLeave: DockerCommand = {
  path: ['swarm', 'leave'],
  use: 'docker swarm leave [OPTIONS]',
  short: 'Leave the swarm',
  local: true,
  args: { max: 0 },
  flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force this node to leave the swarm, ignoring warnings' }],
  run({ swarm, flags, sink, local }) {
    const r = swarm.membership.leave(local, flags.bool('force'));
    if (!r.ok) {
      sink.stderr(`${r.error}\n`);
      return finished(1);
    }
    sink.stdout('Node left the swarm.\n');
    return finished(0);
  },
};
