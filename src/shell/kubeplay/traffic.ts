import { goDuration, parseDuration } from '../../lib/duration';
import type { KubeObject } from '../../sim/k8s/index';
import { WaitingExecution, finished } from '../execution';
import type { Execution, OutputSink, ShellEnvironment } from '../types';
import { runSwarmTraffic, swarmServiceNamed } from './swarmTraffic';
import { printTrafficReport } from './trafficReport';

interface Options {
  service: string;
  /** `ingress/NAME`: requests go to the Ingress's address with its host. */
  ingress?: string;
  host?: string;
  namespace: string;
  rps: number;
  durationMs: number;
  path: string;
}

function parse(args: readonly string[]): Options | string {
  const o: Options = { service: '', namespace: 'default', rps: 0, durationMs: 60_000, path: '/' };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('-') && eq > 0 ? a.slice(0, eq) : a;
    const value = () => (a.startsWith('-') && eq > 0 ? a.slice(eq + 1) : args[++i]);
    if (name === '--rps') o.rps = Number(value());
    else if (name === '--for') {
      const d = parseDuration(value() ?? '');
      if (d === undefined || d <= 0) return 'invalid --for duration (use e.g. 30s, 2m)';
      o.durationMs = d;
    } else if (name === '-n' || name === '--namespace') o.namespace = value() ?? '';
    else if (name === '--path') o.path = value() ?? '/';
    else if (name === '--host') o.host = value() ?? '';
    else if (a.startsWith('-')) return `unknown flag: ${a}`;
    else rest.push(a);
  }
  if (rest.length !== 1) return 'expected one SERVICE or ingress/NAME';
  if (!Number.isFinite(o.rps) || o.rps <= 0 || o.rps > 1000) return '--rps must be a number from 1 to 1000';
  const ing = /^(ing|ingress|ingresses)\/(.+)$/.exec(rest[0]);
  if (ing) o.ingress = ing[2];
  else o.service = rest[0].replace(/^(svc|service|services)\//, '');
  if (!o.path.startsWith('/')) o.path = `/${o.path}`;
  return o;
}

interface Target {
  url: string;
  hostHeader?: string;
}

/** A Service's cluster IP and first port. */
function serviceTarget(env: ShellEnvironment, o: Options, sink: OutputSink): Target | undefined {
  const svc = env.cluster.client().get<KubeObject & { spec?: { clusterIP?: string; type?: string; ports?: { port: number }[] } }>('services', o.namespace, o.service);
  if (!svc) {
    sink.stderr(`Error from server (NotFound): services "${o.service}" not found\n`);
    return undefined;
  }
  const port = svc.spec?.ports?.[0]?.port;
  if (!svc.spec?.clusterIP || svc.spec.clusterIP === 'None' || port === undefined) {
    sink.stderr(`kubeplay: service/${o.service} has no cluster IP and port to send traffic to (headless or ExternalName)\n`);
    return undefined;
  }
  sink.stdout(`Sending ${o.rps} requests/s to service/${o.service} (${svc.spec.clusterIP}:${port}${o.path === '/' ? '' : o.path}) for ${goDuration(o.durationMs)}\n`);
  return { url: `http://${svc.spec.clusterIP}:${port}${o.path}` };
}

/** An Ingress's address (set by its controller), with the host of its first rule unless `--host` names one. */
function ingressTarget(env: ShellEnvironment, o: Options, sink: OutputSink): Target | undefined {
  const name = o.ingress!;
  type Ing = KubeObject & { spec?: { rules?: { host?: string }[] }; status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } };
  const ing = env.cluster.client().get<Ing>('ingresses.networking.k8s.io', o.namespace, name);
  if (!ing) {
    sink.stderr(`Error from server (NotFound): ingresses.networking.k8s.io "${name}" not found\n`);
    return undefined;
  }
  const lb = ing.status?.loadBalancer?.ingress?.[0];
  const address = lb?.ip ?? lb?.hostname;
  if (!address) {
    sink.stderr(`kubeplay: ingress/${name} has no address: no ingress controller has admitted it (a cluster has none until one is installed: kubeplay addon enable ingress-nginx)\n`);
    return undefined;
  }
  const host = o.host ?? ing.spec?.rules?.find((r) => r.host)?.host ?? address;
  sink.stdout(`Sending ${o.rps} requests/s to ingress/${name} (${address}, Host: ${host}${o.path === '/' ? '' : `, path ${o.path}`}) for ${goDuration(o.durationMs)}\n`);
  return { url: `http://${address}${o.path}`, hostHeader: host };
}

/**
 * `kubeplay traffic SERVICE --rps N [--for DURATION] [--path P]`: sends
 * simulated HTTP requests to a Service's cluster IP for a while of virtual
 * time, as a client on a node would. kube-proxy spreads them at random over
 * the ready endpoints; requests while none is ready fail. Ends with how many
 * each pod answered. `ingress/NAME` sends them from outside the cluster to
 * the Ingress's address with its host, through the ingress controller.
 * A name no Service has but a swarm service has (`vote_vote`) sends the
 * requests to that service's published port (`swarmTraffic.ts`).
 */
export function runTraffic(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution {
  const o = parse(args);
  if (typeof o === 'string') {
    sink.stderr(`kubeplay: ${o}\nusage: kubeplay traffic SERVICE|ingress/NAME --rps N [--for DURATION] [--path PATH] [--host HOST] [-n NAMESPACE]\n`);
    return finished(1);
  }
  const cluster = env.cluster;
  // Not a Service of the cluster: a service of the swarm beside it (vote_vote), reached through its published port.
  const swarmService = o.ingress === undefined && !cluster.client().get('services', o.namespace, o.service) ? swarmServiceNamed(env, o.service) : undefined;
  if (swarmService) return runSwarmTraffic(env, swarmService, o, sink);
  const target = o.ingress !== undefined ? ingressTarget(env, o, sink) : serviceTarget(env, o, sink);
  if (!target) return finished(1);
  const { url, hostHeader } = target;
  const start = cluster.now();
  const end = start + o.durationMs;
  const interval = 1000 / o.rps;
  let sent = 0;
  const byPod = new Map<string, number>();
  const failures = new Map<string, number>();
  const statuses = new Map<number, number>();
  const send = (until: number) => {
    while (sent < Math.floor((Math.min(until, end) - start) / interval)) {
      sent++;
      const r = cluster.httpGet(url, { namespace: o.namespace, userAgent: 'kubeplay-traffic', hostHeader });
      if (r.ok) {
        byPod.set(r.pod.name, (byPod.get(r.pod.name) ?? 0) + 1);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      } else failures.set(r.message, (failures.get(r.message) ?? 0) + 1);
    }
  };
  const report = () => printTrafficReport(sink, { sent, durationMs: o.durationMs, statuses, answeredBy: byPod, failures }, 'POD', (x, y) => (x < y ? -1 : 1));
  const exec = new WaitingExecution({
    deadline: end,
    check: () => {
      const now = cluster.now();
      send(now);
      if (now < end) return undefined;
      report();
      return 0;
    },
    wakeAt: () => Math.min(end, cluster.now() + 1000),
  });
  exec.poll();
  return exec;
}
