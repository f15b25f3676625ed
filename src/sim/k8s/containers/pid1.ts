import type { ImageProfile } from '../images/catalog';
import type { ContainerProcess, ProcessSpec } from './process';
import type { Io, Yield } from './sh/interpret';
import { pkill } from './sh/signals';

/**
 * The container's main process as PID 1, for the signals sent to it from
 * inside the container (`kill`, `pkill`, see `sh/signals.ts`).
 */

/**
 * A signal to PID 1 from inside the container: the kernel delivers only
 * those it has a handler for. A server image's program shuts down on
 * SIGTERM, SIGINT and SIGQUIT with its stop status (the kubelet then
 * restarts the container); a shell, `sleep` or an interpreter without
 * handlers as PID 1 ignores them, SIGKILL included.
 */
export function signalPid1(proc: ContainerProcess, signal: number, at: number): void {
  const p = proc.spec.profile;
  const server = proc.runsImageProgram && p.kind === 'server' && Number.isFinite(p.stopMs);
  if (!server || proc.exit || (signal !== 15 && signal !== 2 && signal !== 3)) return;
  const code = p.stopExitCode ?? 0;
  proc.kill(at, code, code === 0 ? 'Completed' : 'Error');
}

/** PID 1's command line as `ps` shows it: the pod's command and args, else the image's entrypoint and its arguments. */
export function mainCommandLine(spec: ProcessSpec): string {
  const { command, args, profile } = spec;
  const argv = command?.length ? [...command, ...(args ?? [])] : args?.length ? [...(profile.entrypoint ?? profile.binaries?.slice(0, 1) ?? []), ...args] : profile.kind === 'shell' ? ['sh'] : (profile.binaries?.slice(0, 1) ?? ['/entrypoint']);
  return argv.join(' ');
}

const base = (s: string | undefined) => (s ?? '').slice((s ?? '').lastIndexOf('/') + 1);

/** PID 1's name as pkill matches it: the image's server (`nginx`, `java`), else the command the container runs. */
export function pid1Name(proc: ContainerProcess): string {
  const { profile: p, command, args } = proc.spec;
  if (proc.runsImageProgram) return p.processName ?? base(p.binaries?.[0]);
  const argv0 = command?.[0] ?? (args?.length ? (p.entrypoint?.[0] ?? (p.kind === 'shell' ? args[0] : p.binaries?.[0])) : undefined);
  return base(argv0) || (p.kind === 'shell' ? 'sh' : '');
}

/** Whether the image ships pkill: busybox's, or procps' where the catalog lists it. */
export function hasPkill(p: ImageProfile): boolean {
  return p.noBash === true || (p.tools?.includes('pkill') ?? false);
}

/** `pkill` run in the container at the command's clock `now`. */
// oxlint-disable-next-line require-yield
export function* pkillProgram(proc: ContainerProcess, args: string[], io: Io, now: () => number): Generator<Yield, number> {
  return pkill(args, io, { signalMain: (signal) => signalPid1(proc, signal, now()), mainProcessName: () => pid1Name(proc) });
}
