import type { ImageProfile } from '../images/catalog';
import { etcdctl, type EtcdView } from './etcdctl';
import { stampLogLine } from './logStamp';
import { nginx } from './nginx';
import { startZookeeper, zkCli } from './zookeeper';
import type { ContainerProcess } from './process';
import { configureRedis, rawReply, redisCliArgs, redisSend, type RedisServer, type RedisTarget } from './redis';
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
  /** The container's server exits with `code` (a signal it handles by shutting down): PID 1 ends, or a server an exec started closes its ports. */
  endMain(code: number): void;
  /** A new process id in the container (each command run gets the next). */
  nextPid(): number;
  /** The CPUs the container sees. */
  cpus(): number;
  /** The container's files. */
  files(): Map<string, string>;
  /** The container's redis server (its keys and settings), made on first use. */
  redis(): RedisServer;
  /** The redis server `host:port` reaches from the container, or redis-cli's words for why it cannot connect. */
  redisAt(host: string, port: number): RedisTarget | string;
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
    // A server that is not PID 1 (started from an exec) only closes its ports.
    endMain: (code) => (proc.runsImageProgram ? proc.kill(now(), code, code === 0 ? 'Completed' : 'Error') : proc.listening.clear()),
    nextPid: () => (proc.more.lastPid = (proc.more.lastPid ?? 28 + proc.cpus()) + 1),
    cpus: () => proc.cpus(),
    redis: () => proc.redis,
    redisAt: (host, port) => proc.redisAt(host, port),
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

/** A program that has done its job: it exits with `code` at once. */
// oxlint-disable-next-line require-yield
export function* finished(code: number): Generator<Yield, number> {
  return code;
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
  const target = h.redisAt(cli.host, cli.port);
  if (typeof target === 'string') return printed(io, `${target}\n`, 2, 1);
  return printed(io, rawReply(redisSend(cli.command, target)));
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
