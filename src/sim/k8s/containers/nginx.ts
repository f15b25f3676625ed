import type { ImageCommandHost } from './imageCommands';
import { stampLogLine } from './logStamp';
import type { Io, Yield } from './sh/interpret';

/**
 * nginx 1.27 run with arguments at the container's prompt: its version,
 * help and build texts, the configuration test (and dump), signals to the
 * running master (`-s reload|reopen|stop|quit`, which its log shows), and a
 * second master that finds port 80 taken.
 */

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
export function nginx(args: string[], io: Io, h: ImageCommandHost): Generator<Yield, number> | undefined {
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
    if (!h.listens(80)) {
      // No master running: no pid file.
      const line = 'open() "/var/run/nginx.pid" failed (2: No such file or directory)';
      io.err(`${stamp('error', line)}\nnginx: [error] ${line}\n`);
      return 1;
    }
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
    workersExit(workers, true, log);
    log('signal 29 (SIGIO) received');
    return;
  }
  // stop (fast shutdown) and quit (graceful): the workers exit, then the master; the container's process ends with 0.
  log(`signal ${num} (${name}) received from ${from}, ${signal === 'stop' ? 'exiting' : 'shutting down'}`);
  workersExit(workers, signal === 'quit', log);
  log('exit');
  h.endMain(0);
}

/** The old workers leave (gracefully: after their requests), and the master reaps each. */
function workersExit(workers: readonly number[], graceful: boolean, log: (text: string, pid?: number) => void): void {
  if (graceful) for (const w of workers) log('gracefully shutting down', w);
  for (const w of workers) {
    log('exiting', w);
    log('exit', w);
  }
  for (const w of workers) {
    log(`signal 17 (SIGCHLD) received from ${w}`);
    log(`worker process ${w} exited with code 0`);
  }
}
