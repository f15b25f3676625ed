import { finished } from '../../execution';
import type { DockerCommand } from '../command';

/** `docker service rm SERVICE [SERVICE...]`: prints each name as given; a missing one is the daemon's error. */
export const serviceRm: DockerCommand = {
  path: ['service', 'rm'],
  aliases: ['remove'],
  use: 'docker service rm SERVICE [SERVICE...]',
  short: 'Remove one or more services',
  args: { min: 1 },
  flags: [],
  run({ swarm, args, sink }) {
    const errors: string[] = [];
    for (const ref of args) {
      const s = swarm.findService(ref);
      if (!s) {
        errors.push(`Error response from daemon: service ${ref} not found`);
        continue;
      }
      const r = swarm.removeService(s.id);
      if (!r.ok) errors.push(r.error);
      else sink.stdout(`${ref}\n`);
    }
    if (errors.length) {
      sink.stderr(`${errors.join('\n')}\n`);
      return finished(1);
    }
    return finished(0);
  },
};
