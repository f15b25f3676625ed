import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import { stackServices } from '../stack/deployStack';
import { listObjects, removeObject } from '../stack/stackObjects';
import { validateStackName } from '../stack/stackName';

/**
 * `docker stack rm STACK [STACK...]` (docker/cli `stack/swarm/remove.go`):
 * services in name order, then secrets, configs and networks; a stack with
 * nothing in it → `Nothing found in stack: NAME` on stderr. Detached (the
 * CLI's default): tasks shut down in the background.
 */
export const stackRm: DockerCommand = {
  path: ['stack', 'rm'],
  aliases: ['remove', 'down'],
  use: 'docker stack rm [OPTIONS] STACK [STACK...]',
  short: 'Remove one or more stacks',
  args: { min: 1 },
  flags: [{ name: 'detach', short: 'd', type: 'bool', usage: 'Do not wait for stack removal', defaultText: 'true' }],
  run({ swarm, args, sink }) {
    for (const ns of args) {
      const bad = validateStackName(ns);
      if (bad) {
        sink.stderr(`${bad}\n`);
        return finished(1);
      }
    }
    for (const ns of args) {
      const services = stackServices(swarm, ns);
      const secrets = listObjects(swarm, 'secret', ns);
      const configs = listObjects(swarm, 'config', ns);
      const networks = listObjects(swarm, 'network', ns);
      if (services.length + secrets.length + configs.length + networks.length === 0) {
        sink.stderr(`Nothing found in stack: ${ns}\n`);
        continue;
      }
      for (const s of services) {
        sink.stdout(`Removing service ${s.spec.name}\n`);
        swarm.removeService(s.id);
      }
      for (const [kind, list] of [['secret', secrets], ['config', configs], ['network', networks]] as const) {
        for (const o of list) {
          sink.stdout(`Removing ${kind} ${o.name}\n`);
          removeObject(swarm, kind, o.name);
        }
      }
    }
    return finished(0);
  },
};
