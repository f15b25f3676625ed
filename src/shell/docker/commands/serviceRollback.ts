import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import { lookupService } from '../lookup';
import { waitForConvergence } from '../progress';

/** `docker service rollback SERVICE`: back to the previous spec (the two swap); prints the name, then the progress unless `-d`. */
export const serviceRollback: DockerCommand = {
  path: ['service', 'rollback'],
  use: 'docker service rollback [OPTIONS] SERVICE',
  short: 'Revert changes to a service\'s configuration',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the service to converge' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
  ],
  run({ swarm, flags, args, sink, clock, getSwarm }) {
    const s = lookupService(swarm, args[0]);
    if ('error' in s) {
      sink.stderr(`${s.error}\n`);
      return finished(1);
    }
    const r = swarm.rollbackService(s.id);
    if (!r.ok) {
      sink.stderr(`${r.error}\n`);
      return finished(1);
    }
    sink.stdout(`${args[0]}\n`);
    if (flags.bool('detach') || flags.bool('quiet')) return finished(0);
    return waitForConvergence(clock, getSwarm, s.id, sink);
  },
};
