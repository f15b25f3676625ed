import { finished } from '../execution';
import { swarmFor } from '../docker/swarmHost';
import type { Execution, OutputSink, ShellEnvironment } from '../types';

export const MACHINE_ADD_USAGE = 'kubeplay machine add [NAME]';

export const MACHINE_ADD_DETAILS = `usage: ${MACHINE_ADD_USAGE}

A new machine with Docker Engine beside the swarm, as docker-machine create
made them in Docker's swarm tutorial. It is not in the swarm yet: it joins
when it runs the command a manager prints, on that machine:

  docker swarm join-token worker
  docker -H worker3 swarm join --token <token> 192.168.99.100:2377

  NAME   default: the next free workerN

Its node then shows in docker node ls (Ready, Active), gets a task of every
global service, and the orchestrator places new tasks on it; running tasks
stay where they are.
`;

/** `kubeplay machine add [NAME]`: a machine outside the swarm, ready to `docker swarm join`. */
export function runMachineAdd(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution {
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
    sink.stderr(`kubeplay: usage: ${MACHINE_ADD_USAGE}\n`);
    return finished(1);
  }
  const swarm = swarmFor(env.cluster);
  const r = swarm.membership.provision(args[0]);
  if (!r.ok) {
    sink.stderr(`kubeplay: ${r.error}\n`);
    return finished(1);
  }
  sink.stdout(`machine/${r.value} created: Docker Engine is running, outside the swarm (join it: docker -H ${r.value} swarm join --token … 192.168.99.100:2377)\n`);
  return finished(0);
}
