import { BOOTCAMP_FILES, BOOTCAMP_V2_FILES, HTTPD_FILES, NGINX_FILES } from './imageFiles';
import { parseImageRef, type ImageRef } from './imageRef';
import { NODE_KERNEL } from '../version';

/**
 * What the simulation knows about a well-known image: how big it is (pull
 * time), what its process does when the pod spec gives no command, which
 * ports it listens on, how much memory it uses, what it logs, and which
 * tags exist. Sizes are the amd64 compressed sizes of current tags, rounded;
 * memory is a typical idle RSS.
 *
 * How a container behaves is decided in `containers/process.ts` from this
 * profile plus the pod spec's command, args and env.
 */
export interface ImageProfile {
  /** Compressed size in bytes (what the kubelet reports as "Image size"). */
  sizeBytes: number;
  /** Time from container start to the process serving (ms). */
  startMs: number;
  /** Time to exit after SIGTERM (ms); Infinity = ignores SIGTERM (killed at the end of the grace period). */
  stopMs: number;
  /**
   * What the default entrypoint does: `server` runs until stopped; `shell`
   * is an interactive shell (`sh`), which exits at once without a terminal;
   * `exit` prints its logs and exits 0.
   */
  kind: 'server' | 'shell' | 'exit';
  /** Whether the image has /bin/sh (for `sh -c` commands and exec probes). */
  shell: boolean;
  /** Its shell is busybox's alone: no `bash` (busybox, alpine and images built on them). */
  noBash?: boolean;
  /** The image's ENTRYPOINT when it has one that takes subcommands (`args` are appended to it). */
  entrypoint?: readonly string[];
  /**
   * An entrypoint script that runs `args` as a command when they name a
   * program, else this program with them (curlimages/curl's: `-- -s URL`
   * and `-- curl -s URL` both run curl, `-- sh` a shell).
   */
  argsCommand?: string;
  /** Network tools it ships (`curl`, `wget`, `nslookup`), usable from scripts and `kubectl exec`. */
  tools?: readonly string[];
  /** Programs the image ships besides the shell tools (a command naming one runs the image's own process). */
  binaries?: readonly string[];
  /**
   * Health-check programs the image ships (`zookeeper-ready`, `nodetool`):
   * they exit 0 while the image's server listens (on the port given as first
   * argument, if one is), 1 otherwise — what their scripts ask the server.
   */
  checks?: readonly string[];
  /** The default process is an ingress controller: HTTP on its ports is routed by the cluster's Ingress rules. */
  router?: 'ingress-nginx';
  /** TCP ports the default process listens on. */
  ports?: readonly number[];
  /** CPU the idle process uses, in millicores (default 1 for servers, 0 otherwise). */
  cpuIdleMilli?: number;
  /** CPU per request per second served, in millicores (default 0.2: a static file server). */
  cpuPerRequestMilli?: number;
  /** Typical resident memory of the default process, in MiB. */
  memoryMi: number;
  /** Lines the default process logs at start (`{time}` is replaced by the start time). */
  logs?: readonly string[];
  /**
   * The server starts in milliseconds: its start-up lines are written and
   * its ports open as the container starts (`startMs` is not waited). The
   * kubelet notices a started container at its next relist, up to a second
   * later, so by the time a real node reports such a container running it
   * serves: `kubectl logs` or `redis-cli` right after `kubectl wait` find it up.
   */
  readyAtStart?: boolean;
  /**
   * The line the server logs for each worker it starts after `logs`, one per
   * CPU it sees (`{pid}`: `firstPid`, then the next ones).
   */
  workerLog?: { line: string; firstPid: number };
  /** Files the image ships (see `imageFiles.ts`), by absolute path. */
  files?: Readonly<Record<string, string>>;
  /** The files of the tags whose files differ from `files` (the tutorial's v2 app), by tag. */
  tagFiles?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** A static web server's document root: GET /x answers the file DIR/x (DIR/x/index.html for a folder), 404 when there is none. */
  docRoot?: string;
  /** HTTP answers of the default process: path → status (others: `httpDefault`). */
  http?: Readonly<Record<string, number>>;
  httpDefault?: number;
  /** How the server logs a request (`nginx`/`apache` combined format), if it does. */
  accessLog?: 'nginx' | 'apache';
  /** Exit code when stopped by SIGTERM (default 0: a clean shutdown). */
  stopExitCode?: number;
  /** HTTP answers turn 500 this long after start (the liveness demo server). */
  httpFailAfterMs?: number;
  /** Environment variables the process requires (it exits 1 with `missingEnvLog` without one of them). */
  requiresEnv?: readonly string[];
  missingEnvLog?: readonly string[];
  /** Its server's process name, as `ps` and `pkill` see it (default: the first of `binaries`). */
  processName?: string;
  /** The server is redis (clients in other pods reach its keys); a replica of the leader `replicaOf` names (`--replicaof HOST 6379`). */
  redis?: { replicaOf?: string };
  /**
   * The guestbook's PHP frontend: its page, and `guestbook.php?cmd=set|get` writing to the redis
   * `leader` and reading from the `follower` (`followerByTag` for older tags); `key`: the one key
   * a version keeps the messages under, whatever the request names; `php`: its PHP's version (phpinfo()), when known.
   */
  guestbook?: { leader: string; follower: string; followerByTag?: Readonly<Record<string, string>>; key?: string; php?: string };
  /** Which tags the registry has (see `tagExists`). */
  tags: TagRule;
}

/**
 * The tags a repository has: the named ones, plus version tags `X`, `X.Y`
 * or `X.Y.Z` (optionally with one of `variants` as `-suffix`) from `oldest`
 * up to `newest`. Patch numbers of past releases (and minors of an older
 * major) are accepted up to 30 — plausible, not a copy of the real registry. Any tag passes for
 * `any: true` (sample images whose tag lists are not modelled).
 */
export interface TagRule {
  names?: readonly string[];
  newest?: string;
  oldest?: string;
  variants?: readonly string[];
  any?: boolean;
}

const MB = 1_000_000;

const NGINX_LOGS = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
  '{nginxtime} [notice] 1#1: using the "epoll" event method',
  '{nginxtime} [notice] 1#1: nginx/1.27.3',
  '{nginxtime} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14)',
  `{nginxtime} [notice] 1#1: OS: Linux ${NODE_KERNEL}`,
  '{nginxtime} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
  '{nginxtime} [notice] 1#1: start worker processes',
];

/** gunicorn 23 starting with `--workers 4` as PID 1 (the master), each worker booting as a child. */
const GUNICORN_LOGS = [
  '[{gunicorntime}] [1] [INFO] Starting gunicorn 23.0.0',
  '[{gunicorntime}] [1] [INFO] Listening at: http://0.0.0.0:80 (1)',
  '[{gunicorntime}] [1] [INFO] Using worker: sync',
  '[{gunicorntime}] [7] [INFO] Booting worker with pid: 7',
  '[{gunicorntime}] [8] [INFO] Booting worker with pid: 8',
  '[{gunicorntime}] [9] [INFO] Booting worker with pid: 9',
  '[{gunicorntime}] [10] [INFO] Booting worker with pid: 10',
];

/** The Kubernetes Basics tutorial's app (server.js on Node): its start-up line, as `console.log` writes it, and the blank line its "\n" adds. */
const BOOTCAMP_LOGS = ['Kubernetes Bootcamp App Started At: {isotime} | Running On:  {hostname} ', ''];

/** The Kubernetes Basics tutorial's image: a Node.js server on 8080 that answers every path with its host name and version. */
const bootcamp = (tags: string[]): ImageProfile => server(80 * MB, 20, [8080], { startMs: 400, binaries: ['node'], tools: ['curl'], logs: BOOTCAMP_LOGS, readyAtStart: true, files: BOOTCAMP_FILES, tagFiles: { v2: BOOTCAMP_V2_FILES }, http: {}, httpDefault: 200, tags: { names: tags } });

const ANY: TagRule = { any: true };

const server = (sizeBytes: number, memoryMi: number, ports: number[], extra: Partial<ImageProfile> = {}): ImageProfile => ({
  sizeBytes,
  startMs: 300,
  stopMs: 200,
  kind: 'server',
  shell: true,
  ports,
  memoryMi,
  tags: ANY,
  ...extra,
});

/** Known repositories (normalised `registry/repository`). */
export const IMAGE_CATALOG: Readonly<Record<string, ImageProfile>> = {
  'docker.io/library/nginx': server(72_099_410, 4, [80], {
    startMs: 150,
    stopMs: 100,
    binaries: ['nginx', 'nginx-debug'],
    tools: ['curl'],
    logs: NGINX_LOGS,
    readyAtStart: true,
    workerLog: { line: '{nginxtime} [notice] 1#1: start worker process {pid}', firstPid: 29 },
    accessLog: 'nginx',
    files: NGINX_FILES,
    docRoot: '/usr/share/nginx/html',
    http: { '/': 200, '/index.html': 200 },
    httpDefault: 404,
    tags: { names: ['latest', 'stable', 'mainline', 'alpine', 'perl', 'alpine-slim', 'stable-alpine', 'mainline-alpine', 'bookworm'], newest: '1.27.3', oldest: '1.0', variants: ['alpine', 'perl', 'alpine-slim', 'alpine-perl', 'bookworm', 'bullseye'] },
  }),
  'docker.io/library/httpd': server(58 * MB, 6, [80], {
    startMs: 200,
    stopMs: 150,
    binaries: ['httpd', 'httpd-foreground'],
    accessLog: 'apache',
    files: HTTPD_FILES,
    docRoot: '/usr/local/apache2/htdocs',
    readyAtStart: true,
    logs: ['AH00558: httpd: Could not reliably determine the server\'s fully qualified domain name, using {podIP}. Set the \'ServerName\' directive globally to suppress this message', '[{apachetime}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations', '[{apachetime}] [core:notice] [pid 1:tid 1] AH00094: Command line: \'httpd -D FOREGROUND\''],
    http: { '/': 200, '/index.html': 200 },
    httpDefault: 404,
    tags: { names: ['latest', 'alpine', 'bookworm'], newest: '2.4.62', oldest: '2.2', variants: ['alpine', 'bookworm'] },
  }),
  'docker.io/library/redis': server(45 * MB, 3, [6379], {
    redis: {},
    startMs: 150,
    stopMs: 100,
    binaries: ['redis-server', 'redis-cli', 'redis-sentinel', 'docker-entrypoint.sh'],
    readyAtStart: true,
    logs: ['1:C {redistime} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', '1:C {redistime} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started', '1:M {redistime} * monotonic clock: POSIX clock_gettime', '1:M {redistime} * Running mode=standalone, port=6379.', '1:M {redistime} * Server initialized', '1:M {redistime} * Ready to accept connections tcp'],
    tags: { names: ['latest', 'alpine', 'bookworm'], newest: '7.4.1', oldest: '2.6', variants: ['alpine', 'bookworm', 'alpine3.20'] },
  }),
  'docker.io/library/postgres': server(158 * MB, 30, [5432], {
    startMs: 2500,
    stopMs: 500,
    binaries: ['postgres', 'psql', 'pg_ctl', 'docker-entrypoint.sh'],
    requiresEnv: ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD'],
    missingEnvLog: ['Error: Database is uninitialized and superuser password is not specified.', '       You must specify POSTGRES_PASSWORD to a non-empty value for the', '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".'],
    logs: ['PostgreSQL init process complete; ready for start up.', '{pgtime} UTC [1] LOG:  starting PostgreSQL 17.2 on x86_64-pc-linux-gnu', '{pgtime} UTC [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432', '{pgtime} UTC [1] LOG:  database system is ready to accept connections'],
    tags: { names: ['latest', 'alpine', 'bookworm'], newest: '17.2', oldest: '9.0', variants: ['alpine', 'bookworm', 'bullseye'] },
  }),
  'docker.io/library/mysql': server(172 * MB, 360, [3306, 33060], {
    startMs: 6000,
    stopMs: 1500,
    binaries: ['mysqld', 'mysql', 'docker-entrypoint.sh'],
    requiresEnv: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'],
    missingEnvLog: ['{mysqltime} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified', '    You need to specify one of the following as an environment variable:', '    - MYSQL_ROOT_PASSWORD', '    - MYSQL_ALLOW_EMPTY_PASSWORD', '    - MYSQL_RANDOM_ROOT_PASSWORD'],
    logs: ['{mysqltime} [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.', '{mysqltime} [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: \'8.4.3\'  socket: \'/var/run/mysqld/mysqld.sock\'  port: 3306  MySQL Community Server - GPL.'],
    tags: { names: ['latest', 'lts', 'oracle', 'debian'], newest: '9.1.0', oldest: '5.5', variants: ['oracle', 'debian'] },
  }),
  'docker.io/library/busybox': { sizeBytes: 2_155_000, startMs: 20, stopMs: Infinity, kind: 'shell', shell: true, noBash: true, tools: ['wget', 'nslookup', 'nc'],  memoryMi: 1, tags: { names: ['latest', 'stable', 'musl', 'glibc', 'uclibc'], newest: '1.37.0', oldest: '1.20', variants: ['musl', 'glibc', 'uclibc'] } },
  'docker.io/library/alpine': { sizeBytes: 3_650_000, startMs: 20, stopMs: Infinity, kind: 'shell', shell: true, noBash: true, tools: ['wget', 'nslookup', 'nc'],  memoryMi: 1, tags: { names: ['latest', 'edge'], newest: '3.21.0', oldest: '2.6' } },
  'docker.io/library/ubuntu': { sizeBytes: 29_761_377, startMs: 30, stopMs: Infinity, kind: 'shell', shell: true, memoryMi: 1, tags: { names: ['latest', 'rolling', 'noble', 'jammy', 'focal', 'bionic'], newest: '24.10', oldest: '12.04' } },
  'docker.io/library/debian': { sizeBytes: 48 * MB, startMs: 30, stopMs: Infinity, kind: 'shell', shell: true, memoryMi: 1, tags: { names: ['latest', 'stable', 'stable-slim', 'bookworm', 'bookworm-slim', 'bullseye', 'bullseye-slim', 'trixie'], newest: '12.8', oldest: '7' } },
  'docker.io/library/bash': { sizeBytes: 6 * MB, startMs: 20, stopMs: Infinity, kind: 'shell', shell: true, memoryMi: 1, tags: { names: ['latest', 'devel'], newest: '5.2.37', oldest: '3.0', variants: ['alpine3.20'] } },
  'docker.io/curlimages/curl': { sizeBytes: 9 * MB, startMs: 20, stopMs: Infinity, kind: 'exit', shell: true, noBash: true, tools: ['curl'], binaries: ['curl'], argsCommand: 'curl', memoryMi: 2, tags: { names: ['latest'], newest: '8.11.1' } },
  'docker.io/library/node': server(412 * MB, 40, [], { startMs: 400, tools: ['curl', 'wget'], binaries: ['node', 'npm', 'npx', 'yarn'], kind: 'exit', logs: [], tags: { names: ['latest', 'lts', 'current', 'alpine', 'slim', 'bookworm', 'lts-alpine', 'lts-slim'], newest: '23.4.0', oldest: '0.10', variants: ['alpine', 'slim', 'bookworm', 'bullseye'] } }),
  'docker.io/library/python': server(385 * MB, 10, [], { tools: ['curl', 'wget'], binaries: ['python', 'python3', 'pip'], kind: 'exit', tags: { names: ['latest', 'alpine', 'slim', 'bookworm'], newest: '3.13.1', oldest: '2.7', variants: ['alpine', 'slim', 'bookworm', 'bullseye'] } }),
  'docker.io/library/php': server(178 * MB, 15, [80], { binaries: ['php', 'apache2-foreground', 'php-fpm'], tags: { names: ['latest', 'apache', 'fpm', 'cli', 'alpine'], newest: '8.4.1', oldest: '5.3', variants: ['apache', 'fpm', 'cli', 'alpine', 'fpm-alpine'] } }),
  'docker.io/library/memcached': server(36 * MB, 2, [11211], { binaries: ['memcached'], tags: { names: ['latest', 'alpine', 'bookworm'], newest: '1.6.33', oldest: '1.4', variants: ['alpine', 'bookworm'] } }),
  'docker.io/library/mongo': server(265 * MB, 80, [27017], { startMs: 2000, stopMs: 800, binaries: ['mongod', 'mongosh'], tags: { names: ['latest'], newest: '8.0.4', oldest: '3.0', variants: ['jammy', 'noble'] } }),
  'docker.io/library/traefik': server(52 * MB, 30, [80, 8080], { binaries: ['traefik'], shell: true, tags: { names: ['latest'], newest: '3.2.3', oldest: '1.0', variants: ['alpine'] } }),
  'docker.io/library/consul': server(60 * MB, 40, [8500, 8600], { binaries: ['consul'], tags: { names: ['latest'], newest: '1.15.4', oldest: '0.6' } }),
  'docker.io/library/docker': server(120 * MB, 40, [2375, 2376], { binaries: ['docker', 'dockerd', 'dockerd-entrypoint.sh'], tags: { names: ['latest', 'dind', 'cli', 'git'], newest: '27.4.0', oldest: '1.6', variants: ['dind', 'cli', 'git', 'dind-rootless'] } }),
  'docker.io/library/hello-world': { sizeBytes: 2_532, startMs: 10, stopMs: 10, kind: 'exit', shell: false, memoryMi: 1, logs: ['', 'Hello from Docker!', 'This message shows that your installation appears to be working correctly.', ''], tags: { names: ['latest', 'linux'] } },
  'docker.io/polinux/stress': { sizeBytes: 4 * MB, startMs: 20, stopMs: Infinity, kind: 'shell', shell: true, binaries: ['stress'], memoryMi: 1, tags: { names: ['latest'], newest: '1.0.4' } },
  'docker.io/vish/stress': { sizeBytes: 3 * MB, startMs: 20, stopMs: 100, kind: 'server', shell: false, binaries: ['/stress', 'stress'], memoryMi: 1, tags: { names: ['latest'] } },
  'registry.k8s.io/pause': { sizeBytes: 320_368, startMs: 10, stopMs: 10, kind: 'server', shell: false, binaries: ['/pause'], memoryMi: 0.3, tags: { newest: '3.10' } },
  'registry.k8s.io/hpa-example': server(170 * MB, 12, [80], { cpuPerRequestMilli: 40, http: { '/': 200, '/index.php': 200 }, httpDefault: 404, tags: { names: ['latest'] } }),
  'registry.k8s.io/busybox': { sizeBytes: 1_144_547, startMs: 20, stopMs: Infinity, kind: 'shell', shell: true, noBash: true, tools: ['wget', 'nslookup', 'nc'],  memoryMi: 1, tags: { names: ['latest'], newest: '1.36' } },
  'registry.k8s.io/echoserver': server(46 * MB, 5, [8080], { http: {}, httpDefault: 200, tags: { newest: '1.10' } }),
  'registry.k8s.io/goproxy': server(5_800_000, 3, [8080], { shell: false, tags: { newest: '0.1' } }),
  /** The liveness demo server of the Kubernetes docs: /healthz answers 200 for 10 s after start, then 500. */
  'registry.k8s.io/liveness': server(2_500_000, 2, [8080], { shell: false, binaries: ['/server'], http: { '/healthz': 200 }, httpDefault: 404, httpFailAfterMs: 10_000, stopExitCode: 2, tags: { names: ['latest'], newest: '0.1' } }),
  'registry.k8s.io/nginx-slim': server(36 * MB, 4, [80], { http: { '/': 200 }, httpDefault: 404, tags: { newest: '0.27' } }),
  'registry.k8s.io/redis': server(40 * MB, 3, [6379], { redis: {}, binaries: ['redis-server', 'redis-cli'], tags: { names: ['e2e', 'latest'] } }),
  'registry.k8s.io/kubernetes-zookeeper': server(120 * MB, 60, [2181, 2888, 3888], { startMs: 2000, stopExitCode: 143, processName: 'java', tools: ['pkill'], binaries: ['start-zookeeper', 'zkCli.sh'], checks: ['zookeeper-ready'], tags: ANY }),
  'registry.k8s.io/e2e-test-images/agnhost': server(50 * MB, 8, [], { entrypoint: ['/agnhost'], binaries: ['agnhost', '/agnhost'], http: { '/': 200, '/healthz': 200, '/hostname': 200 }, httpDefault: 404, tags: { newest: '2.53' } }),
  'registry.k8s.io/etcd': server(57 * MB, 40, [2379, 2380, 2381], { cpuIdleMilli: 20, startMs: 1000, stopMs: 500, shell: false, binaries: ['etcd', 'etcdctl'], tags: ANY }),
  'registry.k8s.io/kube-apiserver': server(28 * MB, 250, [6443], { cpuIdleMilli: 45, startMs: 2000, stopMs: 500, shell: false, binaries: ['kube-apiserver'], http: { '/livez': 200, '/readyz': 200, '/healthz': 200 }, tags: ANY }),
  'registry.k8s.io/kube-controller-manager': server(26 * MB, 50, [10257], { cpuIdleMilli: 15, startMs: 1000, stopMs: 500, shell: false, binaries: ['kube-controller-manager'], http: { '/healthz': 200 }, tags: ANY }),
  'registry.k8s.io/kube-scheduler': server(20 * MB, 20, [10259], { cpuIdleMilli: 4, startMs: 1000, stopMs: 500, shell: false, binaries: ['kube-scheduler'], http: { '/healthz': 200, '/livez': 200, '/readyz': 200 }, tags: ANY }),
  'registry.k8s.io/kube-proxy': server(30 * MB, 20, [10256], { startMs: 500, shell: true, binaries: ['kube-proxy'], http: { '/healthz': 200, '/livez': 200 }, tags: ANY }),
  'registry.k8s.io/ingress-nginx/controller': server(105 * MB, 90, [80, 443, 8443, 10254], { startMs: 1500, stopMs: 1000, router: 'ingress-nginx', binaries: ['/nginx-ingress-controller'], http: { '/healthz': 200 }, httpDefault: 404, tags: { newest: '1.12.0', oldest: '0.30' } }),
  'registry.k8s.io/metrics-server/metrics-server': server(19 * MB, 20, [10250], { shell: false, cpuIdleMilli: 3, binaries: ['/metrics-server'], http: { '/livez': 200, '/readyz': 200 }, tags: { newest: '0.7.2', oldest: '0.3' } }),
  'registry.k8s.io/coredns/coredns': server(18 * MB, 15, [53, 8080, 8181, 9153], { cpuIdleMilli: 2, startMs: 500, shell: false, binaries: ['/coredns', 'coredns'], http: { '/health': 200, '/ready': 200 }, logs: ['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908', 'CoreDNS-1.11.3', 'linux/amd64, go1.21.11, a6338e9'], tags: ANY }),
  'k8s.gcr.io/fluentd-elasticsearch': server(60 * MB, 60, [], { binaries: ['fluentd'], tags: ANY }),
  'gcr.io/google-samples/kubernetes-bootcamp': bootcamp(['v1']),
  'docker.io/jocatalin/kubernetes-bootcamp': bootcamp(['v1', 'v2']),
  'gcr.io/google-samples/cassandra': server(140 * MB, 600, [7000, 7001, 7199, 9042], { startMs: 8000, checks: ['nodetool', '/ready-probe.sh'], tags: ANY }),
  // The guestbook of kubernetes/examples (web/guestbook): v5 reads from redis-replica, v3 and v4 from redis-slave.
  // php:5-apache (Debian stretch): Apache 2.4.25 with the prefork MPM says what every such container says at start.
  'gcr.io/google-samples/gb-frontend': server(130 * MB, 20, [80], {
    guestbook: { leader: 'redis-master', follower: 'redis-replica', followerByTag: { v3: 'redis-slave', v4: 'redis-slave' }, php: '5.6.40' },
    logs: [
      "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message",
      "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message",
      '[{apachetime}] [mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.25 (Debian) PHP/5.6.40 configured -- resuming normal operations',
      "[{apachetime}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'",
    ],
    accessLog: 'apache',
    http: { '/': 200 },
    httpDefault: 404,
    tags: ANY,
  }),
  'gcr.io/google-samples/xtrabackup': server(110 * MB, 10, [3307], { tags: ANY }),
  'gcr.io/google_samples/gb-redisslave': server(40 * MB, 3, [6379], { redis: { replicaOf: 'redis-master' }, binaries: ['redis-server', 'redis-cli'], tags: ANY }),
  // The guestbook of the Kubernetes tutorial "Deploying PHP Guestbook application with Redis": every message under the key `guestbook`.
  'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend': server(130 * MB, 20, [80], { guestbook: { leader: 'redis-leader', follower: 'redis-follower', key: 'guestbook' }, accessLog: 'apache', http: { '/': 200 }, httpDefault: 404, tags: { names: ['latest', 'v5', 'v6'] } }),
  'us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower': server(40 * MB, 3, [6379], { redis: { replicaOf: 'redis-leader' }, binaries: ['redis-server', 'redis-cli'], tags: { names: ['latest', 'v2'] } }),
  'us-docker.pkg.dev/google-samples/containers/gke/hello-app': server(4 * MB, 3, [8080], { shell: false, http: {}, httpDefault: 200, logs: ['{gotime} Server listening on port 8080'], tags: { names: ['latest', '1.0', '2.0'] } }),
  // The vote app runs `gunicorn app:app -b 0.0.0.0:80 --log-file - --access-logfile - --workers 4` (its Dockerfile's CMD):
  // gunicorn's start-up lines, and its default access log format, which is Apache's combined format.
  'docker.io/dockersamples/examplevotingapp_vote': server(50 * MB, 30, [80], { logs: GUNICORN_LOGS, accessLog: 'apache', http: { '/': 200 }, httpDefault: 404, tags: { names: ['latest', 'before', 'after'] } }),
  'docker.io/dockersamples/examplevotingapp_result': server(80 * MB, 40, [80], { http: { '/': 200 }, httpDefault: 404, tags: { names: ['latest', 'before', 'after'] } }),
  'docker.io/dockersamples/examplevotingapp_worker': server(70 * MB, 30, [], { tags: { names: ['latest', 'dotnet', 'java', 'before', 'after'] } }),
  'docker.io/dockersamples/visualizer': server(60 * MB, 30, [8080], { http: { '/': 200 }, tags: { names: ['latest', 'stable'] } }),
  'docker.io/bretfisher/examplevotingapp_vote': server(50 * MB, 30, [80], { http: { '/': 200 }, httpDefault: 404, tags: ANY }),
  'docker.io/bretfisher/examplevotingapp_result': server(80 * MB, 40, [80], { http: { '/': 200 }, httpDefault: 404, tags: ANY }),
  'docker.io/bretfisher/examplevotingapp_worker': server(70 * MB, 30, [], { tags: ANY }),
  'docker.io/bretfisher/visualizer': server(60 * MB, 30, [8080], { tags: ANY }),
  'docker.io/tecnativa/docker-socket-proxy': server(20 * MB, 10, [2375], { tags: ANY }),
  'docker.io/vllm/vllm-openai': server(9_000 * MB, 2000, [8000], { startMs: 60_000, tags: ANY }),
  ...Object.fromEntries(
    ['adservice', 'cartservice', 'checkoutservice', 'currencyservice', 'emailservice', 'frontend', 'loadgenerator', 'paymentservice', 'productcatalogservice', 'recommendationservice', 'shippingservice'].map((s) => [
      `us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/${s}`,
      server(60 * MB, 60, s === 'frontend' ? [8080] : s === 'loadgenerator' ? [] : [s === 'cartservice' ? 7070 : s === 'emailservice' || s === 'recommendationservice' ? 8080 : s === 'adservice' ? 9555 : s === 'currencyservice' ? 7000 : s === 'checkoutservice' ? 5050 : s === 'productcatalogservice' ? 3550 : 50051], { tags: ANY }),
    ]),
  ),
};

export function imageProfile(image: string | ImageRef): ImageProfile | undefined {
  const ref = typeof image === 'string' ? parseImageRef(image) : image;
  return IMAGE_CATALOG[ref.name];
}

/** The files a container of `image` (with profile `profile`) starts with: its tag's own, else the image's. */
export function imageFiles(profile: ImageProfile, image: string): Readonly<Record<string, string>> | undefined {
  if (profile.tagFiles === undefined) return profile.files;
  const tag = parseImageRef(image).tag;
  return (tag !== undefined ? profile.tagFiles[tag] : undefined) ?? profile.files;
}

/** Whether `tag` exists under `rule` (see TagRule). */
export function tagExists(rule: TagRule, tag: string): boolean {
  if (rule.any) return true;
  if (rule.names?.includes(tag)) return true;
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-(.+))?$/.exec(tag);
  if (!m || !rule.newest) return false;
  const suffix = m[4];
  if (suffix !== undefined && !(rule.variants ?? []).includes(suffix) && !/^\d+$/.test(suffix)) return false;
  const v = [Number(m[1]), m[2] === undefined ? -1 : Number(m[2]), m[3] === undefined ? -1 : Number(m[3])];
  const newest = rule.newest.split('.').map(Number);
  const oldest = (rule.oldest ?? '0').split('.').map(Number);
  if (cmp(v, oldest) < 0 && !prefixOf(v, oldest)) return false;
  // Above the newest release: only a prefix of it (e.g. `1.27` for newest 1.27.3).
  if (cmp(v, newest) > 0) return prefixOf(v, newest);
  // The newest minor line has every patch up to the newest release.
  if (v[0] === newest[0] && v[1] === newest[1]) return true;
  // Past releases: patches up to 30; minors of an older major up to 30.
  return v[2] <= 30 && (v[0] === newest[0] || v[1] <= 30);
}

function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x < 0 || y < 0) return 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function prefixOf(v: number[], full: number[]): boolean {
  for (let i = 0; i < 3; i++) {
    if (v[i] === undefined || v[i] < 0) return true;
    if (v[i] !== full[i]) return false;
  }
  return true;
}
