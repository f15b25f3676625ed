import { finished } from '../../execution';
import type { DockerCommand, FlagSpec, ParsedFlags } from '../command';
import { lookupService } from '../lookup';
import { waitForConvergence } from '../progress';
import { applySpecFlags, parsePublish, SPEC_FLAGS } from '../serviceOpts';
import type { ServiceSpec } from '../../../sim/swarm/index';

const CREATE_ONLY = new Set(['constraint', 'env', 'label', 'placement-pref', 'publish']);

/** `docker service update [OPTIONS] SERVICE`: prints the service name, then the rolling update's progress unless `-d`. */
export const serviceUpdate: DockerCommand = {
  path: ['service', 'update'],
  use: 'docker service update [OPTIONS] SERVICE',
  short: 'Update a service',
  args: { min: 1, max: 1 },
  flags: (
    [
      { name: 'args', type: 'string', usage: 'Service command args' },
      { name: 'constraint-add', type: 'list', usage: 'Add or update a placement constraint' },
      { name: 'constraint-rm', type: 'list', usage: 'Remove a constraint' },
      { name: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the service to converge' },
      { name: 'env-add', type: 'list', usage: 'Add or update an environment variable' },
      { name: 'env-rm', type: 'list', usage: 'Remove an environment variable' },
      { name: 'force', type: 'bool', usage: 'Force update even if no changes require it' },
      { name: 'image', type: 'string', usage: 'Service image tag' },
      { name: 'label-add', type: 'list', usage: 'Add or update a service label' },
      { name: 'label-rm', type: 'list', usage: 'Remove a label by its key' },
      { name: 'placement-pref-add', type: 'list', usage: 'Add a placement preference' },
      { name: 'placement-pref-rm', type: 'list', usage: 'Remove a placement preference' },
      { name: 'publish-add', type: 'list', usage: 'Add or update a published port' },
      { name: 'publish-rm', type: 'list', usage: 'Remove a published port by its target port' },
      { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
      { name: 'rollback', type: 'bool', usage: 'Rollback to previous specification' },
      ...SPEC_FLAGS.filter((f) => !CREATE_ONLY.has(f.name)),
    ] as FlagSpec[]
  ).sort((a, b) => a.name.localeCompare(b.name)),
  run({ swarm, flags, args, sink, clock, getSwarm }) {
    const s = lookupService(swarm, args[0]);
    if ('error' in s) {
      sink.stderr(`${s.error}\n`);
      return finished(1);
    }
    if (flags.bool('rollback')) {
      const r = swarm.rollbackService(s.id);
      if (!r.ok) {
        sink.stderr(`${r.error}\n`);
        return finished(1);
      }
    } else {
      const spec = edit(flags, s.spec);
      if (typeof spec === 'string') {
        sink.stderr(`${spec}\n`);
        return finished(125);
      }
      const r = swarm.updateService(s.id, spec);
      if (!r.ok) {
        sink.stderr(`${r.error}\n`);
        return finished(1);
      }
    }
    sink.stdout(`${args[0]}\n`);
    if (flags.bool('detach') || flags.bool('quiet')) return finished(0);
    return waitForConvergence(clock, getSwarm, s.id, sink);
  },
};

/** The `--x-add`/`--x-rm` edits and the shared spec flags applied to the current spec (docker/cli `service/update.go`). */
function edit(flags: ParsedFlags, current: ServiceSpec): ServiceSpec | string {
  const spec: ServiceSpec = { ...current, placement: { ...current.placement }, labels: { ...current.labels } };
  const image = flags.get('image');
  if (image !== undefined) spec.image = image;
  const a = flags.get('args');
  if (a !== undefined) spec.args = a.split(/\s+/).filter(Boolean);
  if (flags.has('env-add') || flags.has('env-rm')) {
    const rm = new Set(flags.all('env-rm'));
    const add = flags.all('env-add');
    const key = (e: string) => e.split('=')[0];
    const addKeys = new Set(add.map(key));
    spec.env = [...current.env.filter((e) => !rm.has(key(e)) && !addKeys.has(key(e))), ...add];
  }
  for (const k of flags.all('label-rm')) delete spec.labels[k];
  for (const l of flags.all('label-add')) {
    const eq = l.indexOf('=');
    spec.labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
  }
  const crm = new Set(flags.all('constraint-rm'));
  spec.placement.constraints = [...current.placement.constraints.filter((c) => !crm.has(c)), ...flags.all('constraint-add').filter((c) => !current.placement.constraints.includes(c))];
  const prm = new Set(flags.all('placement-pref-rm'));
  spec.placement.preferences = [...current.placement.preferences.filter((p) => !prm.has(p)), ...flags.all('placement-pref-add')];
  if (flags.has('publish-add') || flags.has('publish-rm')) {
    const rmTargets = new Set(flags.all('publish-rm').map((p) => Number(p.split('/')[0].split(':').pop())));
    let ports = current.ports.filter((p) => !rmTargets.has(p.targetPort));
    for (const p of flags.all('publish-add')) {
      const parsed = parsePublish(p);
      if (typeof parsed === 'string') return `invalid argument "${p}" for "--publish-add" flag: ${parsed}`;
      ports = [...ports.filter((q) => !parsed.some((n) => n.publishedPort !== 0 && n.publishedPort === q.publishedPort)), ...parsed];
    }
    spec.ports = ports;
  }
  if (flags.bool('force')) spec.forceUpdate = current.forceUpdate + 1;
  return applySpecFlags(flags, spec, 'update');
}
