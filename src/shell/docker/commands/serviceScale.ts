import { finished } from '../../execution';
import type { Execution } from '../../types';
import type { DockerCommand } from '../command';
import { lookupService } from '../lookup';
import { waitForConvergence } from '../progress';

/** `docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]`: `web scaled to 5`, then the progress unless `-d`. */
export const serviceScale: DockerCommand = {
  path: ['service', 'scale'],
  use: 'docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]',
  short: 'Scale one or multiple replicated services',
  args: { min: 1 },
  flags: [{ name: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the service to converge' }],
  run({ swarm, flags, args, sink, clock, getSwarm }) {
    for (const a of args) {
      const [name, n] = a.split('=');
      if (n === undefined || name === '') {
        sink.stderr(`Invalid scale specifier '${a}'.\nSee 'docker service scale --help'.\n\nUsage:  docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\nScale one or multiple replicated services\n`);
        return finished(1);
      }
    }
    let failed = false;
    const scaled: string[] = [];
    for (const a of args) {
      const [ref, n] = a.split('=');
      if (!/^\d+$/.test(n)) {
        sink.stderr(`${ref}: invalid replicas value ${n}: strconv.ParseUint: parsing "${n}": invalid syntax\n`);
        failed = true;
        continue;
      }
      const s = lookupService(swarm, ref);
      if ('error' in s) {
        sink.stderr(`${ref}: Error: No such service: ${ref}\n`);
        failed = true;
        continue;
      }
      if (!('replicated' in s.spec.mode)) {
        sink.stderr(`${ref}: scale can only be used with replicated or replicated-job mode\n`);
        failed = true;
        continue;
      }
      const r = swarm.updateService(s.id, { ...s.spec, mode: { replicated: { replicas: Number(n) } } });
      if (!r.ok) {
        sink.stderr(`${ref}: ${r.error}\n`);
        failed = true;
        continue;
      }
      sink.stdout(`${ref} scaled to ${n}\n`);
      scaled.push(s.id);
    }
    if (flags.bool('detach') || scaled.length === 0) return finished(failed ? 1 : 0);
    return sequence(scaled.map((id) => () => waitForConvergence(clock, getSwarm, id, sink)), failed ? 1 : 0);
  },
};

/** Runs waiting executions one after another (the CLI waits on each scaled service in turn). */
function sequence(steps: (() => Execution)[], failCode: number): Execution {
  let i = 0;
  let current = steps[0]();
  let code = 0;
  const advance = () => {
    while (current.done && i < steps.length - 1) {
      code = code || (current.exitCode ?? 0);
      current = steps[++i]();
    }
  };
  advance();
  return {
    get done() {
      return current.done && i === steps.length - 1;
    },
    get exitCode() {
      return this.done ? code || current.exitCode || failCode : undefined;
    },
    get deadline() {
      return current.deadline;
    },
    get wakeAt() {
      return current.wakeAt;
    },
    poll() {
      current.poll();
      advance();
      return this.done;
    },
    cancel() {
      current.cancel();
      i = steps.length - 1;
    },
  };
}
