import type { ImageProfile } from '../images/catalog';
import { etcdctl, type EtcdView } from './etcdctl';
import { stampLogLine } from './logStamp';
import { startZookeeper, zkCli } from './zookeeper';
import type { ContainerProcess } from './process';
import { configureRedis, newRedisServer, rawReply, redisCommand, type RedisServer } from './redis';
import type { Io, Yield } from './sh/interpret';

/**
 * What an image's own programs do when a learner runs them with arguments
 * inside the container (`kubectl exec POD -- nginx -t`), rather than as the
 * container's server: their version and help texts, nginx's configuration
 * test and signals to its master process, a second nginx that finds its
 * ports taken, redis-cli's everyday commands against the container's
 * redis server (`redis.ts`) and the settings redis-server starts with, and
 * etcdctl in the control plane's etcd (`etcdctl.ts`), and the ZooKeeper
 * tutorial's start-zookeeper and zkCli.sh (`zookeeper.ts`). A program or an invocation not listed here runs as the
 * image's program, as before (`runImage`).
 */
export interface ImageCommandHost {
  readonly profile: ImageProfile;
  /** Virtual time now. */
  now(): number;
  /** Whether the container's server listens on `port` (on any port without one). */
  listens(port?: number): boolean;
  /** Starts listening on `port` (a server that daemonised). */
  listen(port: number): void;
  /** Writes a line to the container's log (its main process's output), its placeholders stamped. */
  logMain(line: string): void;
  /** The container's main process exits with `code` (a signal it handles by shutting down). */
  endMain(code: number): void;
  /** A new process id in the container (each command run gets the next). */
  nextPid(): number;
  /** The CPUs the container sees. */
  cpus(): number;
  /** The container's files. */
  files(): Map<string, string>;
  /** The container's redis server (its keys and settings), made on first use. */
  redis(): RedisServer;
  /** The pod's IP (log stamps). */
  readonly podIP: string;
  /** Whether a host name resolves from the pod (its cluster DNS); true for an address. */
  lookup(name: string): boolean;
  /** The cluster's etcd, when this container is the control plane's etcd. */
  etcd(): EtcdView | undefined;
  /** The files of the running container of the same name in the pod a host name names (a ZooKeeper ensemble's peer). */
  peerFiles(host: string): Map<string, string> | undefined;
}

/** What the image's programs run with arguments may touch of the container's process `proc`, at the command's clock `now`. */
export function commandHost(proc: ContainerProcess, now: () => number): ImageCommandHost {
  const { spec } = proc;
  return {
    profile: spec.profile,
    podIP: spec.podIP,
    files: () => proc.files,
    now,
    listens: (port) => (port === undefined ? proc.listening.size > 0 : proc.listens(port)),
    listen: (port) => proc.listening.add(port),
    logMain: (line) => proc.append({ at: now(), text: stampLogLine(line, now(), spec.podIP, spec.hostname) }),
    endMain: (code) => proc.kill(now(), code, code === 0 ? 'Completed' : 'Error'),
    nextPid: () => (proc.more.lastPid = (proc.more.lastPid ?? 28 + proc.cpus()) + 1),
    cpus: () => proc.cpus(),
    redis: () => (proc.more.redis ??= newRedisServer()),
    etcd: () => spec.context.etcd?.(),
    peerFiles: (host) => spec.context.peerFiles?.(host),
    lookup: (name) => proc.resolves(name),
  };
}

type Command = (args: string[], io: Io, host: ImageCommandHost) => Generator<Yield, number> | undefined;

/**
 * The program `argv` runs when it is one of the image's programs with an
 * invocation modelled here, else undefined.
 */
export function imageCommand(argv: string[], io: Io, host: ImageCommandHost): Generator<Yield, number> | undefined {
  const base = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, base) ? COMMANDS[base] : undefined;
  return command?.(argv.slice(1), io, host);
}

/**
 * An image's health-check program (`zookeeper-ready`, `nodetool`): 0 while
 * its server listens (on the port given as first argument, if one is), else 1.
 */
// oxlint-disable-next-line require-yield
export function* healthCheck(args: string[], h: Pick<ImageCommandHost, 'listens'>): Generator<Yield, number> {
  const port = /^\d+$/.test(args[0] ?? '') ? Number(args[0]) : undefined;
  return h.listens(port) ? 0 : 1;
}

/** A program that prints `text` to `fd` and exits with `code`. */
// oxlint-disable-next-line require-yield
function* printed(io: Io, text: string, fd: 1 | 2 = 1, code = 0): Generator<Yield, number> {
  if (fd === 1) io.out(text);
  else io.err(text);
  return code;
}

/** A program whose `--version` (and the other flags given) print `text` on standard output; any other use runs the image's program. */
function versionFlags(flags: readonly string[], text: string): Command {
  return (args, io) => (args.length === 1 && flags.includes(args[0]) ? printed(io, text) : undefined);
}

const NGINX_VERSION = 'nginx version: nginx/1.27.3\n';

const NGINX_HELP = `Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]
             [-e filename] [-c filename] [-g directives]

Options:
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and configure options then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -s signal     : send signal to a master process: stop, quit, reopen, reload
  -p prefix     : set prefix path (default: /etc/nginx/)
  -e filename   : set error log file (default: /var/log/nginx/error.log)
  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)
  -g directives : set global directives out of configuration file

`;

const NGINX_CONFIGURE = `built by gcc 12.2.0 (Debian 12.2.0-14)
built with OpenSSL 3.0.15 3 Sep 2024
TLS SNI support enabled
configure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/var/run/nginx.pid --lock-path=/var/run/nginx.lock --http-client-body-temp-path=/var/cache/nginx/client_temp --http-proxy-temp-path=/var/cache/nginx/proxy_temp --http-fastcgi-temp-path=/var/cache/nginx/fastcgi_temp --http-uwsgi-temp-path=/var/cache/nginx/uwsgi_temp --http-scgi-temp-path=/var/cache/nginx/scgi_temp --user=nginx --group=nginx --with-compat --with-file-aio --with-threads --with-http_addition_module --with-http_auth_request_module --with-http_dav_module --with-http_flv_module --with-http_gunzip_module --with-http_gzip_static_module --with-http_mp4_module --with-http_random_index_module --with-http_realip_module --with-http_secure_link_module --with-http_slice_module --with-http_ssl_module --with-http_stub_status_module --with-http_sub_module --with-http_v2_module --with-http_v3_module --with-mail --with-mail_ssl_module --with-stream --with-stream_realip_module --with-stream_ssl_module --with-stream_ssl_preread_module --with-cc-opt='-g -O2 -ffile-prefix-map=/data/builder/debuild/nginx-1.27.3/debian/debuild-base/nginx-1.27.3=. -fstack-protector-strong -Wformat -Werror=format-security -Wp,-D_FORTIFY_SOURCE=2 -fPIC' --with-ld-opt='-Wl,-z,relro -Wl,-z,now -Wl,--as-needed -pie'
`;

const NGINX_CONF = '/etc/nginx/nginx.conf';

/** What `nginx` was asked on its command line (`ngx_get_options`), or the message it refuses it with. */
interface NginxOptions {
  version: boolean;
  help: boolean;
  configure: boolean;
  test: boolean;
  dump: boolean;
  quiet: boolean;
  signal?: string;
  directives?: string;
}

function nginxOptions(args: string[]): NginxOptions | string {
  const o: NginxOptions = { version: false, help: false, configure: false, test: false, dump: false, quiet: false };
  const needs: Record<string, string> = { p: 'directory name', e: 'file name', c: 'file name', g: 'parameter', s: 'parameter' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) return `invalid option: "${a}"`;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === '?' || c === 'h') o.version = o.help = true;
      else if (c === 'v') o.version = true;
      else if (c === 'V') o.version = o.configure = true;
      else if (c === 't') o.test = true;
      else if (c === 'T') o.test = o.dump = true;
      else if (c === 'q') o.quiet = true;
      else if (c in needs) {
        // The value is the rest of the word, else the next word.
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) return `option "-${c}" requires ${needs[c]}`;
        if (c === 's') {
          if (!['stop', 'quit', 'reopen', 'reload'].includes(value)) return `invalid option: "-s ${value}"`;
          o.signal = value;
        }
        if (c === 'g') o.directives = value;
        break;
      } else return `invalid option: "${c}"`;
    }
  }
  return o;
}

/**
 * nginx 1.27 at the container's prompt (its main() after `ngx_get_options`);
 * undefined for a server started in the foreground (`-g 'daemon off;'`) with
 * its port free, which runs as the image's program.
 */
function nginx(args: string[], io: Io, h: ImageCommandHost): Generator<Yield, number> | undefined {
  const o = nginxOptions(args);
  const start = typeof o !== 'string' && !o.version && !o.test && o.signal === undefined;
  if (start && !h.listens(80) && daemonOff(o)) return undefined;
  return runNginx(o, io, h);
}

function daemonOff(o: NginxOptions): boolean {
  return /(^|;)\s*daemon\s+off\s*;/.test(o.directives ?? '');
}

function* runNginx(o: NginxOptions | string, io: Io, h: ImageCommandHost): Generator<Yield, number> {
  if (typeof o === 'string') {
    io.err(`nginx: ${o}\n`);
    return 1;
  }
  if (o.version) {
    io.err(NGINX_VERSION + (o.help ? NGINX_HELP : '') + (o.configure ? NGINX_CONFIGURE : ''));
    if (!o.test) return 0;
  }
  const pid = h.nextPid();
  const stamp = (level: string, text: string) => stampLogLine(`{nginxtime} [${level}] ${pid}#${pid}: ${text}`, h.now(), h.podIP);
  if (o.test) {
    if (!o.quiet) io.err(`nginx: the configuration file ${NGINX_CONF} syntax is ok\nnginx: configuration file ${NGINX_CONF} test is successful\n`);
    const files = h.files();
    if (o.dump) for (const path of nginxConfigFiles(files)) io.out(`# configuration file ${path}:\n${files.get(path)}\n`);
    return 0;
  }
  if (o.signal !== undefined) {
    // The signaller reads the master's pid file and signals it; its notice goes to the error log (the container's stderr).
    io.err(`${stamp('notice', 'signal process started')}\n`);
    nginxMasterSignalled(o.signal, pid, h);
    return 0;
  }
  // A second master: its listening sockets are taken by the running one (five tries, 500 ms apart).
  if (h.listens(80)) {
    for (let tries = 5; tries > 0; tries--) {
      for (const addr of ['0.0.0.0:80', '[::]:80']) {
        const line = `bind() to ${addr} failed (98: Address already in use)`;
        io.err(`${stamp('emerg', line)}\nnginx: [emerg] ${line}\n`);
      }
      io.err(`${stamp('notice', 'try again to bind() after 500ms')}\n`);
      yield { sleep: 500 };
    }
    io.err(`${stamp('emerg', 'still could not bind()')}\nnginx: [emerg] still could not bind()\n`);
    return 1;
  }
  // Ports free: nginx starts and, without `daemon off;`, goes to the background: the command returns at once.
  h.listen(80);
  return 0;
}

/**
 * The files `nginx -T` dumps: the main configuration, then the ones its
 * `include /etc/nginx/conf.d/*.conf;` reads, in name order. (The real dump
 * also shows /etc/nginx/mime.types, which the simulated image does not ship.)
 */
function nginxConfigFiles(files: Map<string, string>): string[] {
  const included = [...files.keys()].filter((p) => /^\/etc\/nginx\/conf\.d\/[^/]+\.conf$/.test(p)).sort();
  return [...(files.has(NGINX_CONF) ? [NGINX_CONF] : []), ...included];
}

const NGINX_SIGNALS: Record<string, [number, string]> = { stop: [15, 'SIGTERM'], quit: [3, 'SIGQUIT'], reopen: [10, 'SIGUSR1'], reload: [1, 'SIGHUP'] };

/** What the running master (PID 1) logs and does on the signal `nginx -s` sent from `from`. */
function nginxMasterSignalled(signal: string, from: number, h: ImageCommandHost): void {
  const [num, name] = NGINX_SIGNALS[signal];
  const log = (text: string, pid = 1) => h.logMain(`{nginxtime} [notice] ${pid}#${pid}: ${text}`);
  const workers = Array.from({ length: Math.max(1, h.cpus()) }, (_, i) => 29 + i);
  if (signal === 'reopen') {
    log(`signal ${num} (${name}) received from ${from}, reopening logs`);
    log('reopening logs');
    return;
  }
  if (signal === 'reload') {
    log(`signal ${num} (${name}) received from ${from}, reconfiguring`);
    log('reconfiguring');
    log('using the "epoll" event method');
    log('start worker processes');
    const fresh = workers.map(() => h.nextPid());
    for (const p of fresh) log(`start worker process ${p}`);
    for (const w of workers) log('gracefully shutting down', w);
    for (const w of workers) {
      log('exiting', w);
      log('exit', w);
    }
    for (const w of workers) {
      log(`signal 17 (SIGCHLD) received from ${w}`);
      log(`worker process ${w} exited with code 0`);
    }
    log('signal 29 (SIGIO) received');
    return;
  }
  // stop (fast shutdown) and quit (graceful): the workers exit, then the master; the container's process ends with 0.
  log(`signal ${num} (${name}) received from ${from}, ${signal === 'stop' ? 'exiting' : 'shutting down'}`);
  if (signal === 'quit') for (const w of workers) log('gracefully shutting down', w);
  for (const w of workers) {
    log('exiting', w);
    log('exit', w);
  }
  for (const w of workers) {
    log(`signal 17 (SIGCHLD) received from ${w}`);
    log(`worker process ${w} exited with code 0`);
  }
  log('exit');
  h.endMain(0);
}

/** redis-cli's command line: the server it talks to and the command, or `--version`. */
export function redisCliArgs(args: readonly string[]): { host: string; port: number; command: string[] } | 'version' {
  let host = '127.0.0.1';
  let port = 6379;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-v' || a === '--version') return 'version';
    if (a === '-h' && args[i + 1] !== undefined) host = args[++i];
    else if (a === '-p' && args[i + 1] !== undefined) port = Number(args[++i]);
    else if (a !== '--raw' && a !== '--no-raw') break;
  }
  return { host, port, command: args.slice(i) };
}

/** Why redis-cli cannot reach `host:port` from this container, or undefined when it is the container's own server. */
export function redisUnreachable(host: string, port: number, h: Pick<ImageCommandHost, 'lookup' | 'listens'>): string | undefined {
  if (host !== '127.0.0.1' && host !== 'localhost') {
    if (!h.lookup(host)) return `Could not connect to Redis at ${host}:${port}: Name or service not known`;
    return `redis-cli: a redis server in another pod (${host}) is not simulated; run redis-cli in that pod (kubectl exec POD -- redis-cli …)`;
  }
  return h.listens(port) ? undefined : `Could not connect to Redis at ${host}:${port}: Connection refused`;
}

/**
 * redis-cli 7.4 without a terminal (`kubectl exec` without `-t`): it sends
 * one command to the server (`-h`/`-p` name it; the container's own by
 * default) and prints the reply raw, as it does when its output is not a
 * terminal. A server error reply is printed and the status is still 0;
 * a server it cannot reach is status 1.
 */
function redisCli(args: string[], io: Io, h: ImageCommandHost): Generator<Yield, number> | undefined {
  const cli = redisCliArgs(args);
  if (cli === 'version') return printed(io, 'redis-cli 7.4.1\n');
  // No command: it would read commands from standard input (empty here) and print nothing.
  if (cli.command.length === 0) return printed(io, '');
  const why = redisUnreachable(cli.host, cli.port, h);
  if (why !== undefined) return printed(io, `${why}\n`, 2, 1);
  return printed(io, rawReply(redisCommand(cli.command, h.redis())));
}

/**
 * `redis-server [FILE] [--name value …]`: the container's server reads its
 * settings and runs as the image's program; a second one, while the first
 * listens, cannot bind its port and exits 1.
 */
function redisServer(args: string[], io: Io, h: ImageCommandHost): Generator<Yield, number> | undefined {
  if (h.listens(6379)) {
    const pid = h.nextPid();
    const line = (text: string) => stampLogLine(`${pid}:M {redistime} # ${text}`, h.now(), h.podIP);
    return printed(io, `${line('Warning: Could not create server TCP listening socket *:6379: bind: Address already in use')}\n${line('Failed listening on port 6379 (tcp), aborting.')}\n`, 1, 1);
  }
  configureRedis(args, h.files(), h.redis());
  return undefined;
}

const COMMANDS: Record<string, Command> = {
  etcdctl,
  nginx,
  'nginx-debug': nginx,
  'redis-cli': redisCli,
  'redis-server': redisServer,
  'start-zookeeper': (args, _io, h) => startZookeeper(args, h),
  'zkCli.sh': zkCli,
  node: versionFlags(['-v', '--version'], 'v23.4.0\n'),
  npm: versionFlags(['-v', '--version'], '10.9.2\n'),
  python: versionFlags(['-V', '--version'], 'Python 3.13.1\n'),
  python3: versionFlags(['-V', '--version'], 'Python 3.13.1\n'),
  postgres: versionFlags(['-V', '--version'], 'postgres (PostgreSQL) 17.2 (Debian 17.2-1.pgdg120+1)\n'),
  psql: versionFlags(['-V', '--version'], 'psql (PostgreSQL) 17.2 (Debian 17.2-1.pgdg120+1)\n'),
};
