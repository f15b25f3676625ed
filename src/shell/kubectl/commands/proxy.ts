import type { NetResult } from '../../../sim/k8s/index';
import { WaitingExecution } from '../../execution';
import { addressInUse, hostOf, type Listener, type LocalRequest } from '../../localPorts';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { err } from '../errors';
import { examples, longDesc } from '../text';

/**
 * `kubectl proxy` (kubectl `pkg/cmd/proxy/proxy.go`): serves the API server
 * on a local port of the learner's machine (`localPorts.ts`) until Ctrl+C,
 * so `curl localhost:8001/…` at the prompt reads it: `/version`, `/api`,
 * resource paths (pretty JSON, as the API server answers curl), and the
 * proxy subresources of pods and Services, which reach their containers.
 */
export const proxyCommand: CommandSpec = {
  path: ['proxy'],
  use: 'proxy [--port=PORT] [--www=static-dir] [--www-prefix=prefix] [--api-prefix=prefix]',
  short: 'Run a proxy to the Kubernetes API server',
  long: longDesc(`
    Creates a proxy server or application-level gateway between localhost and the Kubernetes API server. It also allows serving static content over specified HTTP path. All incoming data enters through one port and gets forwarded to the remote Kubernetes API server port, except for the path matching the static content path.`),
  example: examples(`
    # To proxy all of the Kubernetes API and nothing else
    kubectl proxy --api-prefix=/

    # To proxy only part of the Kubernetes API and also some static files
    # You can get pods info with 'curl localhost:8001/api/v1/pods'
    kubectl proxy --www=/my/files --www-prefix=/static/ --api-prefix=/api/

    # To proxy the entire Kubernetes API at a different root
    # You can get pods info with 'curl localhost:8001/custom/api/v1/pods'
    kubectl proxy --api-prefix=/custom/

    # Run a proxy to the Kubernetes API server on port 8011, serving static content from ./local/www/
    kubectl proxy --port=8011 --www=./local/www/

    # Run a proxy to the Kubernetes API server on an arbitrary local port
    # The chosen port for the server will be output to stdout
    kubectl proxy --port=0

    # Run a proxy to the Kubernetes API server, changing the API prefix to k8s-api
    # This makes e.g. the pods API available at localhost:8001/k8s-api/v1/pods/
    kubectl proxy --api-prefix=/k8s-api`),
  completion: 'none',
  flags: [
    { name: 'accept-hosts', type: 'string', default: '^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$', usage: 'Regular expression for hosts that the proxy should accept.' },
    { name: 'accept-paths', type: 'string', default: '^.*', usage: 'Regular expression for paths that the proxy should accept.' },
    { name: 'address', type: 'string', default: '127.0.0.1', usage: 'The IP address on which to serve on.' },
    { name: 'api-prefix', type: 'string', default: '/', usage: 'Prefix to serve the proxied API under.' },
    { name: 'append-server-path', type: 'bool', usage: 'If true, enables automatic path appending of the kube context server path to each request.' },
    { name: 'disable-filter', type: 'bool', usage: 'If true, disable request filtering in the proxy. This is dangerous, and can leave you vulnerable to XSRF attacks, when used with an accessible port.' },
    { name: 'keepalive', type: 'duration', default: '0s', usage: 'keepalive specifies the keep-alive period for an active network connection. Set to 0 to disable keepalive.' },
    { name: 'port', shorthand: 'p', type: 'int', default: '8001', usage: 'The port on which to run the proxy. Set to 0 to pick a random port.' },
    { name: 'reject-methods', type: 'string', default: '^$', usage: "Regular expression for HTTP methods that the proxy should reject (example --reject-methods='POST,PUT,PATCH'). " },
    { name: 'reject-paths', type: 'string', default: '^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach', usage: 'Regular expression for paths that the proxy should reject. Paths specified here will be rejected even accepted by --accept-paths.' },
    { name: 'unix-socket', shorthand: 'u', type: 'string', usage: 'Unix socket on which to run the proxy.' },
    { name: 'www', shorthand: 'w', type: 'string', usage: 'Also serve static files from the given directory under the specified prefix.' },
    { name: 'www-prefix', shorthand: 'P', type: 'string', default: '/static/', usage: 'Prefix to serve static files under, if static file directory is specified.' },
  ],
  run: runProxy,
};

function runProxy(ctx: CommandContext): CommandResult {
  if (ctx.args.length > 0) return err.usage(ctx.commandPath, `Unexpected args: [${ctx.args.join(' ')}]`);
  const local = ctx.env.localPorts;
  if (!local) return err.message('not simulated here: kubectl proxy needs the terminal\'s local ports');
  if (ctx.flags.string('unix-socket')) return err.message('not simulated: a unix socket (--unix-socket); serve on a port instead');
  if (ctx.flags.string('www')) return err.message('not simulated: static files (--www); the proxy serves the API');
  const address = ctx.flags.string('address') || '127.0.0.1';
  const port = ctx.flags.int('port') === 0 ? local.freePort() : ctx.flags.int('port');
  let prefix = ctx.flags.string('api-prefix') || '/';
  if (!prefix.startsWith('/')) prefix = `/${prefix}`;
  if (!prefix.endsWith('/')) prefix += '/';
  // kubectl proxy listens with net.Listen("tcp", …): Go names the network tcp.
  if (local.inUse(port, address)) return err.message(addressInUse(port, [address]).replace(/^listen tcp[46]/, 'listen tcp'));
  const listener: Listener = { port, addresses: [address], request: (req) => serve(ctx, req, prefix, port) };
  local.open(listener);
  ctx.out(`Starting to serve on ${hostOf(address)}:${port}\n`);
  const exec = new WaitingExecution({ check: () => undefined, dispose: () => local.close(listener) });
  exec.poll();
  return exec;
}

/** The API server's answer to a GET the proxy passes on, as kubectl's user (the proxy adds its credentials). */
function serve(ctx: CommandContext, req: LocalRequest, prefix: string, port: number): NetResult {
  const q = req.path.indexOf('?');
  const full = q < 0 ? req.path : req.path.slice(0, q);
  if (!full.startsWith(prefix) && `${full}/` !== prefix) return { ok: true, status: 404, body: '404 page not found\n', ip: req.ip, port };
  const r = ctx.cluster.apiRequest({ path: `/${full.slice(prefix.length)}${q < 0 ? '' : req.path.slice(q)}`, userAgent: req.userAgent, hostHeader: req.hostHeader, user: ctx.user });
  return { ok: true, status: r.status, body: r.body, ip: req.ip, port };
}
