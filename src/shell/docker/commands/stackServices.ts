import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import { stackServices as servicesOf } from '../stack/deployStack';
import { validateStackName } from '../stack/stackName';
import { printServices } from './serviceLs';

/** `docker stack services STACK`: the `service ls` table of the stack's services; none → `Nothing found in stack: NAME` (exit 0). */
export const stackServices: DockerCommand = {
  path: ['stack', 'services'],
  use: 'docker stack services [OPTIONS] STACK',
  short: 'List the services in the stack',
  args: { min: 1, max: 1 },
  flags: [{ name: 'quiet', short: 'q', type: 'bool', usage: 'Only display IDs' }],
  run({ swarm, flags, args, sink }) {
    const bad = validateStackName(args[0]);
    if (bad) {
      sink.stderr(`${bad}\n`);
      return finished(1);
    }
    const services = servicesOf(swarm, args[0]);
    if (services.length === 0) {
      sink.stderr(`Nothing found in stack: ${args[0]}\n`);
      return finished(0);
    }
    sink.stdout(printServices(swarm, services, flags.bool('quiet')));
    return finished(0);
  },
};
