import type { ImageProfile } from '../images/catalog';
import { IDLE, type Yield } from './sh/interpret';

/** What the image's own program does to its process. */
export interface ImageProgramHost {
  /** Whether none of `names` is set (non-empty) in the environment. */
  lacksEnv(names: readonly string[]): boolean;
  /** Writes one of the image's log lines (stamped as the image stamps them). */
  logLine(line: string): void;
  /** Starts listening on a TCP port. */
  listen(port: number): void;
  /** The CPUs the process sees (its node's: a container sees every CPU of the machine). */
  cpus(): number;
  /** What the server logs before the last of its start-up lines (redis loading its saved data). */
  startLines?(): readonly string[];
}

/** The stage of a program that has not run yet. */
export const NOT_STARTED = 0;
const STARTING = 1;
const MISSING_ENV = 2;
const UP = 3;

/** The waits of a profile's start-up, made once per image (a step allocates nothing). */
const waits = new WeakMap<ImageProfile, { start: Yield; missingEnv: Yield }>();

function waitsOf(p: ImageProfile): { start: Yield; missingEnv: Yield } {
  let w = waits.get(p);
  if (!w) {
    w = {
      // A server is quiet while it starts: nothing but its start can end it.
      start: Object.freeze(p.kind === 'server' ? { sleep: p.startMs, quiet: true } : { sleep: p.startMs }),
      missingEnv: Object.freeze({ sleep: Math.max(50, Math.round(p.startMs / 4)) }),
    };
    waits.set(p, w);
  }
  return w;
}

/** Where an image's program is (`NOT_STARTED` at first): a process keeps it in a field of its own. */
export interface ImageStage {
  stage: number;
}

/**
 * The image's own program (its entrypoint): it starts within `startMs`
 * (at once when `readyAtStart`), writes its start-up lines and opens its
 * ports, then exits 0 (a job's image) or serves until killed; an image that needs an environment
 * variable nobody set logs why and exits 1. A small state machine rather
 * than a generator: most containers run their image as is, and 150,000
 * pods keep one each — as a number in the process itself (`at`), no
 * object of its own. Runs up to its next wait and returns it, or returns
 * the exit code.
 */
export function stepImageProgram(p: ImageProfile, at: ImageStage, host: ImageProgramHost): Yield | number {
  switch (at.stage) {
    case NOT_STARTED:
      if (p.requiresEnv && host.lacksEnv(p.requiresEnv)) {
        at.stage = MISSING_ENV;
        return waitsOf(p).missingEnv;
      }
      if (p.readyAtStart) return serve(p, at, host);
      at.stage = STARTING;
      return waitsOf(p).start;
    case MISSING_ENV:
      for (const l of p.missingEnvLog ?? []) host.logLine(l);
      return 1;
    case STARTING:
      return serve(p, at, host);
    default:
      return IDLE;
  }
}

/** The program is up: its start-up lines written, its ports open; an `exit` image is done. */
function serve(p: ImageProfile, at: ImageStage, host: ImageProgramHost): Yield | number {
  at.stage = UP;
  const logs = p.logs ?? [];
  for (let i = 0; i < logs.length - 1; i++) host.logLine(logs[i]);
  if (p.readyAtStart && host.startLines) for (const l of host.startLines()) host.logLine(l);
  if (logs.length > 0) host.logLine(logs[logs.length - 1]);
  logWorkers(p, host);
  for (const port of p.ports ?? []) host.listen(port);
  return p.kind === 'exit' ? 0 : IDLE;
}

/** The line each worker process logs as the server starts it, one per CPU (nginx's `worker_processes auto`). */
function logWorkers(p: ImageProfile, host: ImageProgramHost): void {
  const w = p.workerLog;
  if (w === undefined) return;
  const n = Math.max(1, host.cpus());
  for (let i = 0; i < n; i++) host.logLine(w.line.replace('{pid}', String(w.firstPid + i)));
}

/** The image's program as a generator, for a shell that runs it. */
export function* runImage(profile: ImageProfile, host: ImageProgramHost): Generator<Yield, number> {
  const at: ImageStage = { stage: NOT_STARTED };
  for (;;) {
    const r = stepImageProgram(profile, at, host);
    if (typeof r === 'number') return r;
    yield r;
  }
}
