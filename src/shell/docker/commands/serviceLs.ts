import type { Swarm, SwarmService } from '../../../sim/swarm/index';
import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import { dockerTable, truncateId } from '../printers/table';
import { naturalLess } from '../printers/tasks';

/** REPLICAS as `service ls` computes it: running tasks on nodes that are not down / desired. */
export function replicasColumn(swarm: Swarm, service: SwarmService): string {
  const down = new Set(swarm.nodes().filter((n) => n.status.state === 'down').map((n) => n.id));
  const tasks = swarm.tasks({ serviceId: service.id });
  const running = tasks.filter((t) => t.status.state === 'running' && !down.has(t.nodeId)).length;
  if ('replicated' in service.spec.mode) {
    const max = service.spec.placement.maxReplicas;
    return `${running}/${service.spec.mode.replicated.replicas}${max > 0 ? ` (max ${max} per node)` : ''}`;
  }
  const desired = tasks.filter((t) => t.desiredState !== 'shutdown' && t.desiredState !== 'remove' && !down.has(t.nodeId)).length;
  return `${running}/${desired}`;
}

/** PORTS of `service ls`: ingress-published ports, `*:8080->80/tcp`, joined by `, `. */
export function portsColumn(service: SwarmService): string {
  return service.spec.ports
    .filter((p) => p.publishMode === 'ingress')
    .map((p) => `*:${p.publishedPort}->${p.targetPort}/${p.protocol}`)
    .join(', ');
}

export function printServices(swarm: Swarm, services: readonly SwarmService[], quiet: boolean): string {
  const sorted = [...services].sort((a, b) => naturalLess(a.spec.name, b.spec.name));
  if (quiet) return sorted.map((s) => `${truncateId(s.id)}\n`).join('');
  const rows = sorted.map((s) => [truncateId(s.id), s.spec.name, 'replicated' in s.spec.mode ? 'replicated' : 'global', replicasColumn(swarm, s), s.spec.image.split('@')[0], portsColumn(s)]);
  return dockerTable(['ID', 'NAME', 'MODE', 'REPLICAS', 'IMAGE', 'PORTS'], rows);
}

export const serviceLs: DockerCommand = {
  path: ['service', 'ls'],
  aliases: ['list'],
  use: 'docker service ls [OPTIONS]',
  short: 'List services',
  args: { max: 0 },
  flags: [{ name: 'quiet', short: 'q', type: 'bool', usage: 'Only display IDs' }],
  run({ swarm, flags, sink }) {
    sink.stdout(printServices(swarm, swarm.services(), flags.bool('quiet')));
    return finished(0);
  },
};
