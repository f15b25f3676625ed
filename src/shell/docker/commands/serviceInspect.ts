import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import { lookupService } from '../lookup';
import { servicePretty } from '../printers/servicePretty';
import { serviceJson } from '../printers/inspectJson';

/** `docker service inspect [--pretty] SERVICE [SERVICE...]`: JSON by default, or the human-readable template. */
export const serviceInspect: DockerCommand = {
  path: ['service', 'inspect'],
  use: 'docker service inspect [OPTIONS] SERVICE [SERVICE...]',
  short: 'Display detailed information on one or more services',
  args: { min: 1 },
  flags: [{ name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' }],
  run({ swarm, flags, args, sink }) {
    const found = [];
    for (const ref of args) {
      const s = lookupService(swarm, ref);
      if ('error' in s) {
        if (flags.bool('pretty')) {
          sink.stderr(`${s.error}\n`);
          return finished(1);
        }
        sink.stdout(`${JSON.stringify(found.map((x) => serviceJson(swarm, x)), null, 4)}\n`);
        sink.stderr(`${s.error}\n`);
        return finished(1);
      }
      found.push(s);
    }
    if (flags.bool('pretty')) sink.stdout(found.map((s) => servicePretty(swarm, s)).join('\n\n'));
    else sink.stdout(`${JSON.stringify(found.map((s) => serviceJson(swarm, s)), null, 4)}\n`);
    return finished(0);
  },
};
