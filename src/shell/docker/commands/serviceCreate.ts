import { defaultServiceSpec } from '../../../sim/swarm/index';
import { finished } from '../../execution';
import type { DockerCommand, FlagSpec } from '../command';
import { randomName } from '../names';
import { waitForConvergence } from '../progress';
import { applySpecFlags, SPEC_FLAGS } from '../serviceOpts';

/** `docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]`: prints the new service's ID, then the convergence progress unless `-d`. */
export const serviceCreate: DockerCommand = {
  path: ['service', 'create'],
  use: 'docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new service',
  interspersed: false,
  args: { min: 1 },
  flags: ([
    { name: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the service to converge' },
    { name: 'mode', type: 'string', usage: 'Service mode ("replicated", "global", "replicated-job", "global-job")', defaultText: '"replicated"' },
    { name: 'name', type: 'string', usage: 'Service name' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
    ...SPEC_FLAGS,
  ] as FlagSpec[]).sort((a, b) => a.name.localeCompare(b.name)),
  run({ swarm, flags, args, sink, clock, getSwarm }) {
    const [image, ...command] = args;
    const mode = flags.get('mode') ?? 'replicated';
    if (mode === 'replicated-job' || mode === 'global-job') {
      sink.stderr(`not simulated: ${mode} services (jobs) are not part of the playground's swarm yet\n`);
      return finished(1);
    }
    if (mode !== 'replicated' && mode !== 'global') {
      sink.stderr(`invalid argument "${mode}" for "--mode" flag: invalid service mode: ${mode}\n`);
      return finished(125);
    }
    if (mode === 'global' && flags.has('replicas')) {
      sink.stderr('replicas can only be used with replicated or replicated-job mode\n');
      return finished(1);
    }
    const base = defaultServiceSpec(flags.get('name') ?? randomName(swarm), image);
    base.args = command;
    if (mode === 'global') base.mode = { global: {} };
    const spec = applySpecFlags(flags, base, 'create');
    if (typeof spec === 'string') {
      sink.stderr(`${spec}\n`);
      return finished(125);
    }
    const r = swarm.createService(spec);
    if (!r.ok) {
      sink.stderr(`${r.error}\n`);
      return finished(1);
    }
    sink.stdout(`${r.value.id}\n`);
    if (flags.bool('detach') || flags.bool('quiet')) return finished(0);
    return waitForConvergence(clock, getSwarm, r.value.id, sink);
  },
};
