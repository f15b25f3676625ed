import { runCurl, type ContainerNetwork, type KubeObject, type NetResult } from '../sim/k8s/index';
import { finished } from './execution';
import type { Execution, OutputSink, ShellEnvironment } from './types';

/**
 * `curl` at the prompt: from the learner's own machine, outside the
 * cluster. It reaches what such a machine reaches: `localhost` ports that
 * `kubectl port-forward` listens on, and the nodes' addresses (a NodePort
 * Service, a hostPort), as a kind or minikube cluster's host does. A
 * Service's name does not resolve there, and cluster and pod IPs are not
 * routed there: curl fails as it would, and a hint says what works.
 */

/** The learner's machine as the nodes see it: the gateway of kind's docker network. */
const HOST_IP = '172.18.0.1';

const LOCAL_NAMES: Readonly<Record<string, string>> = { localhost: '127.0.0.1', '127.0.0.1': '127.0.0.1', '[::1]': '::1', '0.0.0.0': '127.0.0.1' };

export const OUTSIDE_HINT =
  'kubeplay: this prompt is your own machine, outside the cluster: Service names resolve only inside pods, and cluster and pod IPs are not routed here. ' +
  'Forward a port (kubectl port-forward svc/NAME 8080:80 &, then curl localhost:8080), use a node\'s address and a NodePort, or curl from inside a pod (kubectl exec POD -- curl http://NAME).\n';

const NOTHING_LISTENS = 'kubeplay: nothing listens on that port of your machine: forward one to a pod first (kubectl port-forward svc/NAME 8080:80 &, then curl localhost:8080).\n';

type NodeObj = KubeObject & { status?: { addresses?: { type: string; address: string }[] } };

/** Runs curl on the learner's machine; `tty`: its output goes to the terminal (no progress meter). */
export function runHostCurl(env: ShellEnvironment, args: readonly string[], sink: OutputSink, tty: boolean): Execution {
  /** The request curl made (its failure says which hint helps). */
  let sent: NetResult | undefined;
  const net: ContainerNetwork = { nameserver: '', lookup: (name) => ({ ok: false, name }), http: (url, userAgent, hostHeader, extra) => (sent = hostRequest(env, url, userAgent, hostHeader, extra)) };
  const files = new Map<string, string>();
  const code = runCurl(net, [...args], (t) => sink.stdout(t), (t) => sink.stderr(t), files, tty);
  for (const [path, text] of files) {
    const refused = env.files.write?.(path.replace(/^\//, ''), text);
    if (refused) sink.stderr(`curl: (23) Failure writing output to destination: ${refused}\n`);
  }
  if (sent !== undefined && !sent.ok) {
    if (sent.kind === 'resolve' || sent.kind === 'timeout') sink.stderr(OUTSIDE_HINT);
    else if (sent.kind === 'refused' && LOCAL_NAMES[sent.host] !== undefined) sink.stderr(NOTHING_LISTENS);
  }
  return finished(code);
}

function hostRequest(env: ShellEnvironment, url: string, userAgent: string, hostHeader: string | undefined, extra: { authorization?: string; tls?: 'verify' | 'insecure' | 'cacert' } = {}): NetResult {
  const m = /^(?:(https?):\/\/)?(\[[^\]]*\]|[^/:]+)(?::(\d+))?(\/.*)?$/.exec(url.trim());
  if (!m) return { ok: false, kind: 'unsupported', message: 'URL rejected: Malformed input to a URL function', host: url, port: 0 };
  const scheme = m[1] ?? 'http';
  const host = m[2];
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const path = m[4] ?? '/';
  const local = LOCAL_NAMES[host];
  if (local !== undefined) {
    const listener = env.localPorts?.at(local, port);
    if (!listener) return { ok: false, kind: 'refused', message: `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`, host, port };
    return listener.request({ scheme, ip: local, path, userAgent, hostHeader });
  }
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    const nodes = env.cluster.client().list<NodeObj>('nodes');
    // A node's address: kube-proxy's NodePorts and the pods' hostPorts answer there, and the API server on the control plane's 6443.
    if (nodes.some((n) => n.status?.addresses?.some((a) => a.address === host))) return env.cluster.httpGet(url, { clientIP: HOST_IP, userAgent, hostHeader, ...extra });
    return { ok: false, kind: 'timeout', message: `Failed to connect to ${host} port ${port} after 130000 ms: Connection timed out`, host, port };
  }
  return { ok: false, kind: 'resolve', message: `Could not resolve host: ${host}`, host, port };
}
