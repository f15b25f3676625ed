import { NOT_STARTED, runImage, stepImageProgram, type ImageProgramHost, type ImageStage } from './imageProgram';
import { accessLogLine, stampLogLine } from './logStamp';
import { curl, nslookup, wget } from './netTools';
import { MAX_LOG_LINES, type Exit, type LogLine, type ProcessExtras, type ProcessSpec } from './processTypes';
import { agnhost, stress, type TestImageHost } from './testImages';
import { IDLE, isShellTool, runArgv, runShell, type Io, type ShellHost, type Yield } from './sh/interpret';
import { hasPkill, mainCommandLine, pid1Name, pkillProgram, signalPid1 } from './pid1';
import { runToEnd } from './containerExec';
import { isInteractiveShell } from './interactiveShell';
import { commandHost, finished, healthCheck, imageCommand } from './imageCommands';
import { countRequest, requestsPerSecond } from './requestMeter';
import { httpStatus, staticFile } from './httpAnswers';
import { loadRedis, type RedisServer, type RedisTarget } from './redis';
import { serverHooks } from './serverHooks';

export { MAX_LOG_LINES, type ContainerShell, type Exit, type LogLine, type ProcessContext, type ProcessSpec } from './processTypes';

const MiB = 1024 * 1024;

export class ContainerProcess implements ImageProgramHost, ImageStage {
  private logs_: LogLine[] | undefined = undefined;
  private listening_: Set<number> | undefined = undefined;
  exit: Exit | undefined = undefined;
  /**
   * The program's clock and its next wake-up, in ms after the start: small
   * integers kept in the object itself (an epoch time would be a boxed
   * number of its own in every process).
   */
  private clockMs = 0;
  private wakeMs = 0;
  /** Whether the program waits for ever (until killed), or its next step cannot end it. */
  private blocked = false;
  /** What runs besides the image's own entrypoint without arguments (most containers run that: `stage` alone tracks it). */
  private readonly program_: Generator<Yield, number> | undefined;
  /** Where the image's own program is (`stepImageProgram`). */
  stage = NOT_STARTED;
  /** The container's command runs the image's own program (a script that ends by starting its server). */
  private imageMain = false;
  /** What few processes use (files, environment, allocations, request counts), created on first use. */
  private more_: ProcessExtras | undefined = undefined;

  constructor(readonly spec: ProcessSpec) {
    // Most containers run their image's entrypoint as is: a small state machine instead of generators (150,000 pods keep one each).
    const { command, args, profile } = spec;
    this.program_ = !command?.length && !args?.length && profile.kind !== 'shell' ? undefined : this.main();
  }

  /** The lines the program wrote (the array is created on first use: most processes never write). */
  get logs(): LogLine[] {
    return (this.logs_ ??= []);
  }

  private get clock(): number {
    return this.spec.startedAt + this.clockMs;
  }

  /** What few processes use, made on first use. */
  get more(): ProcessExtras {
    return (this.more_ ??= { files: undefined, env: undefined, allocated: 0, cpuHogs: 0, agnhostLivenessSince: undefined, hits: undefined, hitsSecond: -1, lastPid: undefined, redis: undefined });
  }

  /** TCP ports the program listens on (created on first use: most processes are never asked). */
  get listening(): Set<number> {
    return (this.listening_ ??= new Set());
  }

  /** Whether the program listens on `port`. */
  listens(port: number): boolean {
    return this.listening_?.has(port) === true;
  }

  get files(): Map<string, string> {
    return (this.more.files ??= this.spec.context.files());
  }

  get env(): Map<string, string> {
    return (this.more.env ??= this.spec.context.env());
  }

  get startedAt(): number {
    return this.spec.startedAt;
  }

  /** Runs the program up to virtual time `now`. */
  advance(now: number): void {
    let steps = 0;
    const since = this.spec.startedAt;
    while (!this.exit && since + this.wakeMs <= now) {
      this.clockMs = this.wakeMs;
      const program = this.program_;
      let wait: Yield;
      if (program === undefined) {
        const r = stepImageProgram(this.spec.profile, this, this);
        if (typeof r === 'number') {
          this.finish(r);
          break;
        }
        wait = r;
      } else {
        const r = program.next();
        if (r.done) {
          this.finish(r.value);
          break;
        }
        wait = r.value;
      }
      this.blocked = wait === IDLE || wait.quiet === true;
      this.wakeMs = this.clockMs + Math.max(1, wait.sleep);
      this.checkMemory();
      // A script printing without sleeping: give up this round, resume later.
      if (++steps > 10_000) break;
    }
  }

  /** When the program next does something (Infinity once it exited or waits forever). */
  nextWake(): number {
    return this.exit || this.blocked ? Infinity : this.spec.startedAt + this.wakeMs;
  }

  /** Bytes of memory in use now. */
  memoryBytes(): number {
    return Math.round(this.spec.profile.memoryMi * MiB) + (this.more_?.allocated ?? 0);
  }

  /** An HTTP GET to `port` + `path`: the status, or 'refused' when nothing listens. */
  http(port: number, path: string, now: number): number | 'refused' {
    if (!this.listens(port) || this.exit) return 'refused';
    return httpStatus(this.spec.profile, this.spec.startedAt, this.more_?.agnhostLivenessSince, path, now, () => this.files);
  }

  /** What a static web server sends for GET `path`: its document root's file (`index.html` for a folder), if there is one. */
  staticFile(path: string): string | undefined {
    return staticFile(this.spec.profile, path, this.files);
  }

  /** Counts a request this process served at `now`. */
  noteRequest(now: number): void {
    countRequest(this.more, now);
  }

  /** Requests per second served over the `windowSeconds` before `now`. */
  requestRate(now: number, windowSeconds: number): number {
    return this.more_ === undefined ? 0 : requestsPerSecond(this.more_, now, windowSeconds);
  }

  /** CPU hogs started by the program (`stress --cpu N`), in cores. */
  get cpuHogs(): number {
    return this.more_?.cpuHogs ?? 0;
  }

  /** Logs a served request the way the image's server does (nginx/apache combined log format). */
  accessLog(clientIP: string, path: string, status: number, bytes: number, userAgent: string, now: number): void {
    const fmt = this.spec.profile.accessLog;
    if (!fmt || this.exit) return;
    this.advance(now);
    this.append({ at: now, text: accessLogLine(fmt, clientIP, path, status, bytes, userAgent, now) });
  }

  /** Ends the process with a signal-like exit (the kubelet's stop, a crash). */
  kill(at: number, code: number, reason: Exit['reason'] = 'Error'): void {
    if (this.exit) return;
    // A server stopped as it expects to be (SIGTERM, nginx -s stop) runs its shutdown (redis saves its data).
    const hooks = code === (this.spec.profile.stopExitCode ?? 0) && this.runsImageProgram ? serverHooks(this.spec.profile) : undefined;
    if (hooks) for (const l of hooks.stopped(this, at)) this.append({ at, text: stampLogLine(l, at, this.spec.podIP) });
    this.exit = { code, reason, at };
    this.listening_?.clear();
  }

  /** The image has no bash (busybox, alpine): its sh is busybox's ash. */
  get noBash(): boolean {
    return this.spec.profile.noBash ?? false;
  }

  /** Whether the image has the program `argv0` (its shell tools when it has a shell, its own binaries). */
  hasProgram(argv0: string): boolean {
    const p = this.spec.profile;
    const base = argv0.slice(argv0.lastIndexOf('/') + 1);
    if (p.shell && isShellTool(argv0)) return !(base === 'bash' && p.noBash);
    if (this.spec.context.network && p.tools?.includes(base)) return true;
    if (base === 'pkill' && hasPkill(p)) return true;
    const named = (b: string) => b === argv0 || b.slice(b.lastIndexOf('/') + 1) === base;
    return (p.binaries?.some(named) ?? false) || (p.checks?.some(named) ?? false);
  }

  /** Whether a host name resolves from the container (its cluster DNS); an address always does. */
  resolves(name: string): boolean {
    return /^\d+\.\d+\.\d+\.\d+$/.test(name) || (this.spec.context.network?.().lookup(name).ok ?? false);
  }

  /** What the server logs between its start-up lines and the last of them: redis loading its RDB file. */
  startLines(): readonly string[] {
    return serverHooks(this.spec.profile)?.startLines(this, this.clock) ?? [];
  }

  /** The container's redis server (its keys and settings): made on first use, with the data it saved in its `dir` before. */
  get redis(): RedisServer {
    return (this.more.redis ??= loadRedis(this.files));
  }

  /** The redis server a client in this container reaches at `host:port` (through the pod's network), or why it cannot connect. */
  redisAt(host: string, port: number): RedisTarget | string {
    const network = this.spec.context.network?.();
    if (network?.redis) return network.redis(host, port);
    // Without a network (a process on its own): only this container's server, at its loopback address.
    if (host !== '127.0.0.1' && host !== 'localhost') return `Could not connect to Redis at ${host}:${port}: Name or service not known`;
    return this.listens(port) ? { server: this.redis, replica: false } : `Could not connect to Redis at ${host}:${port}: Connection refused`;
  }

  /**
   * Runs a command inside the container now (exec probes): the status and
   * output. Sleeps pass at once and count against `timeoutMs`.
   */
  run(argv: string[], now: number, timeoutMs: number): { code: number; output: string; timedOut: boolean } {
    return runToEnd(this, argv, now, timeoutMs);
  }

  private write(text: string, partial?: boolean): void {
    this.append(partial ? { at: this.clock, text, partial } : { at: this.clock, text });
  }

  /** Adds an entry to the log, which keeps its last MAX_LOG_LINES. */
  append(entry: LogLine): void {
    const logs = this.logs;
    logs.push(entry);
    if (logs.length > MAX_LOG_LINES) logs.splice(0, logs.length - MAX_LOG_LINES);
  }

  private finish(code: number): void {
    if (this.exit) return;
    this.exit = { code, reason: code === 0 ? 'Completed' : 'Error', at: this.clock };
    this.listening_?.clear();
  }

  private checkMemory(): void {
    const limit = this.spec.memoryLimit;
    if (limit !== undefined && !this.exit && this.memoryBytes() > limit) {
      this.exit = { code: 137, reason: 'OOMKilled', at: this.clock };
      this.listening_?.clear();
    }
  }

  /** What a shell running in the container sees of it, on the clock `now` (its own by default), writing to `sink` (its log by default). */
  shellHost(now?: number | (() => number), sink?: (t: string, partial?: boolean) => void): ShellHost {
    const host = {
      now: typeof now === 'function' ? now : () => now ?? this.clock,
      write: (t: string, _fd: 1 | 2, partial?: boolean) => (sink ? sink(t, partial) : this.write(t, partial)),
      hostname: this.spec.hostname,
      mainCommand: mainCommandLine(this.spec),
      signalMain: (signal: number) => signalPid1(this, signal, host.now()),
      mainProcessName: () => pid1Name(this),
      noBash: this.spec.profile.noBash,
      program: (argv: string[], io: Io) => this.program(argv, io, sink !== undefined, host.now),
    };
    // The files are built on first use (most programs never touch them).
    return Object.defineProperty(host, 'files', { get: () => this.files, enumerable: true }) as typeof host & { files: Map<string, string> };
  }

  /** What the container runs: the pod's command/args, else the image's entrypoint and cmd (Docker's rules). */
  private *main(): Generator<Yield, number> {
    const { command, args, profile } = this.spec;
    let argv: string[] | undefined;
    if (command && command.length) argv = [...command, ...(args ?? [])];
    else if (args && args.length) {
      if (profile.kind === 'shell') argv = [...args];
      else if (profile.entrypoint) argv = [...profile.entrypoint, ...args];
      else if (profile.argsCommand) argv = args[0].startsWith('-') || !this.hasProgram(args[0]) ? [profile.argsCommand, ...args] : [...args];
      else return yield* runImage(profile, this);
    }
    if (!argv) {
      if (profile.kind === 'shell') {
        // `sh` with no terminal reads end-of-file and exits 0; with stdin + tty it waits.
        if (this.spec.stdin && this.spec.tty) for (;;) yield IDLE;
        return 0;
      }
      return yield* runImage(profile, this);
    }
    const base = argv[0].slice(argv[0].lastIndexOf('/') + 1);
    if ((base === 'sh' || base === 'bash' || base === 'ash') && (!profile.shell || (base === 'bash' && profile.noBash))) return this.startError(`exec: "${argv[0]}": executable file not found in $PATH`);
    // A shell given no script (`sh`, `bash -il`) is interactive: it waits on its terminal, or reads end-of-file without one.
    if (isInteractiveShell(argv)) {
      if (this.spec.stdin && this.spec.tty) for (;;) yield IDLE;
      return 0;
    }
    return yield* runArgv(argv, this.shellHost(), { env: this.env });
  }

  private startError(why: string): number {
    this.exit = {
      code: 128,
      reason: 'StartError',
      at: this.clock,
      message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${why}: unknown`,
    };
    return 128;
  }

  lacksEnv(names: readonly string[]): boolean {
    return !names.some((k) => (this.env.get(k) ?? '') !== '');
  }

  logLine(line: string): void {
    this.write(this.stamp(line));
  }

  listen(port: number): void {
    this.listening.add(port);
  }

  cpus(): number {
    return this.spec.context.cpus?.() ?? 1;
  }

  private stamp(line: string): string {
    return stampLogLine(line, this.clock, this.spec.podIP, this.spec.hostname);
  }

  /** The program `argv` names (beyond the shell's tools: the image's binaries, `stress`, agnhost's subcommands), or undefined (the shell says "not found"). `exec`: run by `kubectl exec` or a probe, not the container's own command. */
  private program(argv: string[], io: Io, exec: boolean, now: () => number): Generator<Yield, number> | undefined {
    const p = this.spec.profile;
    const base = argv[0].slice(argv[0].lastIndexOf('/') + 1);
    if (base === 'stress' && (p.binaries?.includes('stress') || p.binaries?.includes('/stress'))) return stress(argv.slice(1), io, this.testHost());
    if (base === 'agnhost' && p.binaries?.includes('agnhost')) return agnhost(argv.slice(1), this.testHost());
    if (p.checks?.some((c) => c === argv[0] || c.slice(c.lastIndexOf('/') + 1) === base)) return healthCheck(argv.slice(1), commandHost(this, now));
    const net = p.tools?.includes(base) ? this.spec.context.network?.() : undefined;
    if (net) {
      if (base === 'curl') return curl(net, argv.slice(1), io, this.files);
      if (base === 'wget') return wget(net, argv.slice(1), io, this.files);
      if (base === 'nslookup') return nslookup(net, argv.slice(1), io);
    }
    if (base === 'pkill' && hasPkill(p)) return pkillProgram(this, argv.slice(1), io, now);
    const known = p.binaries?.some((b) => b === argv[0] || b === base || b.slice(b.lastIndexOf('/') + 1) === base);
    if (known) return imageCommand(argv, io, commandHost(this, now)) ?? this.runsImage(exec);
    // A command typed into `kubectl exec` that the image lacks (kubectl, vi) is not found; it never starts the server.
    if (exec) return undefined;
    if (p.kind !== 'shell' && !this.spec.initContainer) return this.runsImage(exec);
    // Tools of server images used by init scripts (cp, chown, ncat …): they do their job and succeed.
    if (p.kind !== 'shell') return finished(0);
    return undefined;
  }

  /** The image's own program, run by the container's command (it is then, in effect, PID 1) or by an exec. */
  private runsImage(exec: boolean): Generator<Yield, number> {
    if (!exec) this.imageMain = true;
    return runImage(this.spec.profile, this);
  }

  /** PID 1 is, in effect, the image's own program: run as the image's entrypoint, or by a command that ends by starting it. */
  get runsImageProgram(): boolean {
    return this.program_ === undefined || this.imageMain;
  }

  /** What the test images' programs (`testImages.ts`) may touch of this process. */
  private testHost(): TestImageHost {
    return {
      extras: this.more,
      clock: () => this.clock,
      oomKilled: () => (this.checkMemory(), this.exit !== undefined),
      listen: (port) => this.listening.add(port),
      log: (text) => this.write(text),
    };
  }
}

/** `sh -c SCRIPT` run outside a container (for tests). */
export { runShell };
