/**
 * What a running script asks of the world it runs in: the container's
 * files, clock and output, and the programs of its image. The interpreter
 * is a generator: it yields `{ sleep: ms }` and is resumed once that much
 * virtual time has passed, so a container's script runs alongside the
 * simulation instead of all at once.
 */
export interface ShellHost {
  now(): number;
  /**
   * Appends a line of output (stdout or stderr) to the container log;
   * `partial`: text written without a newline yet (the program paused).
   */
  write(text: string, fd: 1 | 2, partial?: boolean): void;
  files: Map<string, string>;
  hostname: string;
  /** The image has no `bash` (busybox, alpine): `bash` is `not found` like any missing program. */
  noBash?: boolean;
  /** The container's main process command line (PID 1), for `ps`. */
  mainCommand?: string;
  /**
   * A program that is neither a builtin nor a shell tool: the image's own
   * (`nginx`, `redis-server`, `stress`). Returns undefined when the image
   * has no such program (sh then says `not found`, status 127).
   */
  program(argv: string[], io: Io): Generator<Yield, number> | undefined;
  /** Sends `signal` to the container's main process, PID 1 (`kill`, `pkill`). */
  signalMain?(signal: number): void;
  /** The name of the container's main process, as `pkill` matches it (`nginx`, `java`, `sleep`). */
  mainProcessName?(): string;
}

/** Directories that exist with no file in them (volume mount points), when the file system knows them. */
export function mountPointsOf(files: Map<string, string>): Iterable<string> {
  const f = files as Map<string, string> & { mountPoints?: () => Iterable<string> };
  return typeof f.mountPoints === 'function' ? f.mountPoints() : [];
}

/**
 * A pause of the program. `quiet`: nothing the kubelet watches can happen at
 * the end of it (a server finishing its start-up): no need to wake for it;
 * whoever looks (a probe, `kubectl logs`) advances the process first.
 */
export type Yield = { sleep: number; quiet?: boolean };

/** Yielded by a program that waits for ever (a server, `sleep infinity`): no need to wake it. */
export const IDLE: Yield = Object.freeze({ sleep: 3_600_000 });

/**
 * How fast a loop that never waits runs: SPIN_ROUNDS rounds, then a pause of
 * SPIN_PAUSE (100 rounds a second of virtual time, ten at a time). Far
 * slower than a real shell's arithmetic, about as fast as a loop of `wget`s;
 * a pod spinning for an hour costs the simulation a second or two, not for ever.
 */
export const SPIN_ROUNDS = 10;
export const SPIN_PAUSE: Yield = Object.freeze({ sleep: 100 });

/** Where a command's output goes (a file, a pipe, or the log). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdin: string;
  /** Writes out what was printed without a newline yet (the program pauses: `printf .; sleep 1` shows its dot). */
  flush?(): void;
}

export class ShellExit {
  constructor(readonly code: number) {}
}

export interface ShellOptions {
  env: Map<string, string>;
  args?: string[];
  errexit?: boolean;
  /** bash rather than a POSIX sh (busybox ash): indexed arrays. */
  bash?: boolean;
  /** What its standard input holds (`kubectl exec -i … < file`); none: end of file at once. */
  stdin?: string;
}

/** What builtins need from the running shell. */
export interface ShellApi {
  readonly hostRef: ShellHost;
  /** bash rather than a POSIX sh: its words for errors. */
  readonly bash: boolean;
  readonly vars: Map<string, string>;
  path(p: string): string;
  exec(argv: string[], io: Io): Generator<Yield, number>;
  setErrexit(on: boolean): void;
  setCwd(dir: string): void;
  getCwd(): string;
}
