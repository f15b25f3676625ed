import { goDuration } from '../../lib/duration';
import { taskName, type Swarm, type SwarmService } from '../../sim/swarm/index';
import { imageProfile } from '../../sim/k8s/index';
import { WaitingExecution, finished } from '../execution';
import { existingSwarm, swarmFor } from '../docker/swarmHost';
import type { Execution, OutputSink, ShellEnvironment } from '../types';
import { printTrafficReport } from './trafficReport';

/** What `kubeplay traffic` was asked for, as far as the swarm needs it. */
export interface SwarmTrafficOptions {
  service: string;
  rps: number;
  durationMs: number;
}

/** The swarm service `name` when no Kubernetes Service answers to it (the swarm beside the cluster, if one was made). */
export function swarmServiceNamed(env: ShellEnvironment, name: string): SwarmService | undefined {
  return existingSwarm(env.cluster)?.services().find((s) => s.spec.name === name);
}

/**
 * `kubeplay traffic SERVICE` for a swarm service: requests from outside the
 * swarm to the service's published port, spread over every node in turn (as
 * an external load balancer in front of the swarm would send them). An
 * ingress port answers on every node through the routing mesh, which balances
 * over the running tasks; a host-mode port only where a task runs; a node
 * whose machine is off does not answer. Ends with how many each task served.
 */
export function runSwarmTraffic(env: ShellEnvironment, service: SwarmService, o: SwarmTrafficOptions, sink: OutputSink): Execution {
  const port = service.spec.ports.find((p) => p.protocol === 'tcp');
  if (!port) {
    sink.stderr(`kubeplay: service ${service.spec.name} publishes no port: nothing outside the swarm can reach it (publish one, e.g. docker service update --publish-add 8080:80 ${service.spec.name})\n`);
    return finished(1);
  }
  const cluster = env.cluster;
  const entries = swarmFor(cluster)
    .nodes()
    .filter((n) => !n.left)
    .map((n) => n.description.hostname);
  sink.stdout(`Sending ${o.rps} requests/s to ${service.spec.name} on port ${port.publishedPort} of ${entries.join(', ')} (${port.publishMode === 'ingress' ? 'routing mesh' : 'host mode'}) for ${goDuration(o.durationMs)}\n`);
  const start = cluster.now();
  const end = start + o.durationMs;
  const interval = 1000 / o.rps;
  let sent = 0;
  const byTask = new Map<string, number>();
  const failures = new Map<string, number>();
  const statuses = new Map<number, number>();
  const count = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  const send = (swarm: Swarm, until: number) => {
    while (sent < Math.floor((Math.min(until, end) - start) / interval)) {
      const entry = entries[sent % entries.length];
      sent++;
      const r = swarm.route(entry, port.publishedPort);
      if (!r.ok) {
        count(failures, `curl: (7) ${r.error}`);
        continue;
      }
      count(byTask, taskName(r.task));
      const profile = imageProfile(r.task.spec.image);
      count(statuses, profile?.http?.['/'] ?? profile?.httpDefault ?? 200);
    }
  };
  const report = () => printTrafficReport(sink, { sent, durationMs: o.durationMs, statuses, answeredBy: byTask, failures }, 'TASK', (x, y) => x.localeCompare(y, 'en', { numeric: true }));
  const exec = new WaitingExecution({
    deadline: end,
    check: () => {
      const now = cluster.now();
      send(swarmFor(cluster), now);
      if (now < end) return undefined;
      report();
      return 0;
    },
    wakeAt: () => Math.min(end, cluster.now() + 1000),
  });
  exec.poll();
  return exec;
}
