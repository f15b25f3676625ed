import { storageName, type KubeObject } from '../../../sim/k8s/index';
import { klogHead } from '../klog';
import { WaitingExecution } from '../../execution';
import { addressInUse, hostOf, type Listener } from '../../localPorts';
import type { NetResult } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { err } from '../errors';
import { FOR_ATTACH, podForArg } from './podForArg';
import { resolveType } from '../resourceArgs';
import { missingObjectError, notFoundError } from '../targets';
import { examples, longDesc } from '../text';

/**
 * `kubectl port-forward` (kubectl `pkg/cmd/portforward/portforward.go`): the
 * target's pod (a Service's, a workload's) and its port (a Service port
 * translated to its targetPort, a named port looked up), then listening on
 * the learner's machine's local ports (`localPorts.ts`) until Ctrl+C; `curl
 * localhost:PORT` at the prompt reaches the pod through it.
 */
export const portForwardCommand: CommandSpec = {
  path: ['port-forward'],
  use: 'port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  short: 'Forward one or more local ports to a pod',
  long: longDesc(`
    Forward one or more local ports to a pod.

    Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.

    If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.`),
  example: examples(`
    # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod
    kubectl port-forward pod/mypod 5000 6000

    # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment
    kubectl port-forward deployment/mydeployment 5000 6000

    # Listen on port 8443 locally, forwarding to the targetPort of the service's port named "https" in a pod selected by the service
    kubectl port-forward service/myservice 8443:https

    # Listen on port 8888 locally, forwarding to 5000 in the pod
    kubectl port-forward pod/mypod 8888:5000

    # Listen on port 8888 on all addresses, forwarding to 5000 in the pod
    kubectl port-forward --address 0.0.0.0 pod/mypod 8888:5000

    # Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod
    kubectl port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000

    # Listen on a random port locally, forwarding to 5000 in the pod
    kubectl port-forward pod/mypod :5000`),
  completion: 'pod',
  flags: [
    { name: 'address', type: 'stringSlice', default: '[localhost]', usage: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  run: runPortForward,
};

/** A port pair as typed: `[LOCAL:]REMOTE` (REMOTE a number or a port's name). */
interface PortPair {
  local: string;
  remote: string;
  typed: string;
}

type PodObj = KubeObject & { spec?: { containers?: { ports?: { name?: string; containerPort: number }[] }[] }; status?: { phase?: string; conditions?: { type: string; status: string }[] } };
type ServiceObj = KubeObject & { spec?: { selector?: Record<string, string>; ports?: { name?: string; port: number; targetPort?: number | string }[] } };

function runPortForward(ctx: CommandContext): CommandResult {
  if (ctx.args.length < 2) return err.usage(ctx.commandPath, 'TYPE/NAME and list of ports are required for port-forward');
  const target = ctx.args[0];
  const slash = target.indexOf('/');
  const info = slash < 0 ? ctx.cluster.resources.resolve('pods')! : resolveType(ctx.cluster.resources, target.slice(0, slash));
  if ('type' in info) return info;
  const name = slash < 0 ? target : target.slice(slash + 1);
  const obj = ctx.client.get<KubeObject>(storageName(info), info.namespaced ? ctx.namespace : undefined, name);
  if (!obj) return missingObjectError(ctx, info, info.namespaced ? ctx.namespace : undefined, name);
  const pairs: PortPair[] = [];
  for (const typed of ctx.args.slice(1)) {
    const [local, remote] = typed.includes(':') ? [typed.slice(0, typed.indexOf(':')), typed.slice(typed.indexOf(':') + 1)] : [typed, typed];
    if (local !== '' && !/^\d+$/.test(local)) return err.message(`error: Error parsing local port '${local}': strconv.ParseUint: parsing "${local}": invalid syntax`);
    pairs.push({ local, remote, typed });
  }
  const pod = info.kind === 'Pod' ? { name } : podForArg(ctx, target, FOR_ATTACH);
  if ('type' in pod) return pod;
  const p = ctx.client.get<PodObj>('pods', ctx.namespace, pod.name);
  if (!p) return notFoundError(ctx.cluster.resources.resolve('pods')!, pod.name);
  // Ports named or numbered as the Service says, then as the pod's containers do.
  const resolved: { local: number; remote: number }[] = [];
  for (const pair of pairs) {
    const remote = info.kind === 'Service' ? servicePort(obj as ServiceObj, p, pair.remote) : podPort(p, pair.remote);
    if (typeof remote === 'string') return err.message(`error: ${remote}`);
    resolved.push({ local: pair.local === '' ? -1 : Number(pair.local), remote });
  }
  if (p.status?.phase !== 'Running') return err.message(`error: unable to forward port because pod is not running. Current status=${p.status?.phase ?? 'Pending'}`);
  return forward(ctx, p, resolved);
}

/** A container port by number, or by its name (`http`). */
function podPort(pod: PodObj, remote: string): number | string {
  if (/^\d+$/.test(remote)) return Number(remote);
  for (const c of pod.spec?.containers ?? []) for (const cp of c.ports ?? []) if (cp.name === remote) return cp.containerPort;
  return `Pod '${pod.metadata.name}' does not have a named port '${remote}'`;
}

/** A Service's port (by number or name) translated to the pod's port behind it (its targetPort, a number or a container port's name). */
function servicePort(svc: ServiceObj, pod: PodObj, remote: string): number | string {
  const ports = svc.spec?.ports ?? [];
  const sp = /^\d+$/.test(remote) ? ports.find((x) => x.port === Number(remote)) : ports.find((x) => x.name === remote);
  if (!sp) return /^\d+$/.test(remote) ? `Service ${svc.metadata.name} does not have a service port ${remote}` : `Service '${svc.metadata.name}' does not have a named port '${remote}'`;
  const t = sp.targetPort;
  if (t === undefined || t === 0) return sp.port;
  return typeof t === 'number' ? t : podPort(pod, t);
}

/** The addresses `--address` names (`localhost`: 127.0.0.1 and ::1). */
function addresses(ctx: CommandContext): string[] {
  const given = ctx.flags.changed('address') ? ctx.flags.list('address').flatMap((a) => a.split(',')) : ['localhost'];
  return given.flatMap((a) => (a === 'localhost' ? ['127.0.0.1', '::1'] : [a]));
}

/**
 * Listens on the local ports and forwards each connection (`curl
 * localhost:PORT` at the prompt) to the pod's port, until Ctrl+C, or until
 * the pod goes (`error: lost connection to pod`).
 */
function forward(ctx: CommandContext, pod: PodObj, ports: { local: number; remote: number }[]): CommandResult {
  const local = ctx.env.localPorts;
  if (!local) return err.message(PORT_FORWARD_NOT_SIMULATED);
  const addrs = addresses(ctx);
  const opened: Listener[] = [];
  let lost = false;
  const uid = pod.metadata.uid;
  const ns = pod.metadata.namespace ?? ctx.namespace;
  const current = () => ctx.client.get<PodObj>('pods', ns, pod.metadata.name);
  const running = () => {
    const now = current();
    return now !== undefined && now.metadata.uid === uid && now.status?.phase === 'Running';
  };
  for (const { remote, ...p } of ports) {
    const port = p.local < 0 ? local.freePort() : p.local;
    const busy = addrs.filter((a) => local.inUse(port, a));
    if (busy.length > 0) {
      const errors = busy.map((a) => `unable to create listener: Error ${addressInUse(port, [a])}`);
      ctx.errOut(`Unable to listen on port ${port}: Listeners failed to create with the following errors: [${errors.join(' ')}]\n`);
      continue;
    }
    const empty = (): NetResult => ({ ok: false, kind: 'empty', message: 'Empty reply from server', host: 'localhost', port });
    const listener: Listener = {
      port,
      addresses: addrs,
      request: (req) => {
        // The pod has gone: the connection is dropped, and the forward ends.
        if (!running()) {
          lost = true;
          return empty();
        }
        ctx.out(`Handling connection for ${port}\n`);
        const r = ctx.cluster.httpGet(`${req.scheme}://localhost:${remote}${req.path}`, { namespace: ns, pod: pod.metadata.name, userAgent: req.userAgent, hostHeader: req.hostHeader });
        if (r.ok) return { ...r, ip: req.ip, port };
        if (r.kind !== 'refused') return r;
        ctx.errOut(`${klogHead('E', ctx.cluster.now())} portforward.go:424] "Unhandled Error" err="an error occurred forwarding ${port} -> ${remote}: error forwarding port ${remote} to pod ${uid}, uid : failed to connect to localhost:${remote} inside namespace: connect: connection refused"\n`);
        return empty();
      },
    };
    local.open(listener);
    opened.push(listener);
    for (const a of addrs) ctx.out(`Forwarding from ${hostOf(a)}:${port} -> ${remote}\n`);
  }
  if (opened.length === 0) return err.message(`error: unable to listen on any of the requested ports: [${ports.map((p) => `{${p.local < 0 ? 0 : p.local} ${p.remote}}`).join(' ')}]`);
  const exec = new WaitingExecution({
    check: () => {
      if (!lost && running()) return undefined;
      ctx.errOut('error: lost connection to pod\n');
      return 1;
    },
    dispose: () => {
      for (const f of opened) local.close(f);
    },
  });
  exec.poll();
  return exec;
}

/** What the playground says when it cannot forward (a host with no local ports). */
export const PORT_FORWARD_NOT_SIMULATED = 'not simulated here: kubectl port-forward needs the terminal\'s local ports';
