import type { Pod } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../../engine/store';
import type { KubeObject } from '../api/types';
import type { ExecRun } from '../containers/execRun';
import type { ContainerProcess, ContainerShell, LogLine } from '../containers/process';
import { execIn, shellSession } from '../containers/containerExec';
import { interactiveRedisCli } from '../containers/interactiveShell';
import { redisCliSession } from '../containers/redisCliSession';
import type { ContainerRuntime } from './runtime';
import type { KubeletState } from './syncPod';

type PodObj = KubeObject & Pod;

/**
 * What the kubelet's API gives `kubectl logs`, `exec` and the playground:
 * a container's log lines, a command run inside it, a crash on request. The
 * errors are the API server's texts (kubectl prints them after
 * `Error from server (…)`).
 */
export type ContainerTarget =
  | { ok: true; pod: PodObj; container: string; rt: ContainerRuntime | undefined; defaulted?: string }
  | { ok: false; reason: 'NotFound' | 'BadRequest'; message: string };

/**
 * Finds a pod's container: an app, init or ephemeral one by name, else the
 * first app container (or the one the `kubectl.kubernetes.io/default-container`
 * annotation names), with kubectl's note of the choice when there was one to
 * make (`FindOrDefaultContainerByName`).
 */
export function findContainer(store: ObjectStore, state: KubeletState, namespace: string, name: string, container: string | undefined): ContainerTarget {
  const pod = store.get<PodObj>('pods', `${namespace}/${name}`);
  if (!pod) return { ok: false, reason: 'NotFound', message: `pods "${name}" not found` };
  const specs = pod.spec?.containers ?? [];
  const inits = pod.spec?.initContainers ?? [];
  const ephemeral = pod.spec?.ephemeralContainers ?? [];
  let defaulted: string | undefined;
  if (container === undefined) {
    const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    container = annotated && specs.some((c) => c.name === annotated) ? annotated : specs[0]?.name;
    if (container !== annotated && (specs.length > 1 || inits.length > 0 || ephemeral.length > 0)) {
      defaulted = `Defaulted container "${container}" out of: ${[...specs.map((c) => c.name), ...ephemeral.map((c) => `${c.name} (ephem)`), ...inits.map((c) => `${c.name} (init)`)].join(', ')}`;
    }
  }
  const kind = specs.some((c) => c.name === container) ? 'app' : inits.some((c) => c.name === container) ? 'init' : ephemeral.some((c) => c.name === container) ? 'ephemeral' : undefined;
  if (kind === undefined) return { ok: false, reason: 'BadRequest', message: `container ${container} is not valid for pod ${name}` };
  const prt = state.pods.get(`${namespace}/${name}`);
  const list = prt && prt.uid === pod.metadata.uid ? (kind === 'init' ? prt.initContainers : kind === 'app' ? prt.containers : prt.ephemeral) : undefined;
  return { ok: true, pod, container: container!, rt: list?.find((c) => c.name === container), defaulted };
}

export type LogsResult = { ok: true; lines: LogLine[]; defaulted?: string } | { ok: false; reason: 'NotFound' | 'BadRequest'; message: string };

/** `GET pods/NAME/log`: the current (or, with `previous`, the last terminated) container's output up to `now`. */
export function containerLogs(store: ObjectStore, state: KubeletState, namespace: string, name: string, container: string | undefined, previous: boolean, now: number): LogsResult {
  const t = findContainer(store, state, namespace, name, container);
  if (!t.ok) return t;
  const c = t.rt;
  if (previous) {
    // The last terminated run: the one that just ended while waiting to restart, else the one before this run.
    const dead = c && (c.phase === 'waiting' || c.phase === 'exited') && c.terminated ? c.proc : c?.prevProc;
    if (dead) return { ok: true, lines: dead.logs, defaulted: t.defaulted };
    if (!c?.prevProc) return { ok: false, reason: 'BadRequest', message: `previous terminated container "${t.container}" in pod "${name}" not found` };
    return { ok: true, lines: c.prevProc.logs, defaulted: t.defaulted };
  }
  const proc = c?.proc ?? c?.prevProc;
  if (!proc) {
    const reason = c?.waiting?.reason ?? (c?.init === false && c.phase === 'pending' ? 'PodInitializing' : 'ContainerCreating');
    const why = reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
    return { ok: false, reason: 'BadRequest', message: `container "${t.container}" in pod "${name}" is waiting to start: ${why}` };
  }
  proc.advance(now);
  return { ok: true, lines: proc.logs, defaulted: t.defaulted };
}

/**
 * A command running in a container (`kubectl exec`, a line typed into an
 * open shell), run as virtual time passes.
 */
export interface ExecStream {
  /**
   * Runs it through the cluster's present: what it wrote meanwhile, and its
   * status once it has ended. `closed`: its container stopped or was
   * replaced under it (the runtime killed it: status 137).
   */
  poll(): { output: string; code: number | undefined; closed?: boolean };
  /** Virtual time it next has something to do (undefined once ended). */
  readonly wakeAt: number | undefined;
  /** Ends it (the client went away: Ctrl+C). */
  cancel(): void;
}

export type ExecResult = { ok: true; stream: ExecStream; defaulted?: string } | { ok: false; reason: 'NotFound' | 'BadRequest'; message: string };

/** `POST pods/NAME/exec`: starts `argv` in the running container now. */
export function execInContainer(store: ObjectStore, state: KubeletState, namespace: string, name: string, container: string | undefined, argv: string[], clock: () => number, stdin?: string): ExecResult {
  const now = clock();
  const t = execTarget(store, state, namespace, name, container, argv, now);
  if (!t.ok) return t;
  if (!('proc' in t)) return { ok: true, stream: endedStream(t.output, t.code), defaulted: t.defaulted };
  const proc = t.proc;
  const alive = () => stillRuns(store, state, namespace, name, t.container, t.uid, proc, clock());
  return { ok: true, stream: streamOf(execIn(proc, argv, now, stdin), alive, clock), defaulted: t.defaulted };
}

/** Whether the container (of the pod with `uid`) still runs `proc`, not stopped nor restarted since: advanced to `now`. */
function stillRuns(store: ObjectStore, state: KubeletState, namespace: string, name: string, container: string, uid: string | undefined, proc: ContainerProcess, now: number): boolean {
  const t = findContainer(store, state, namespace, name, container);
  if (!t.ok || t.pod.metadata.uid !== uid || t.rt?.proc !== proc || t.rt.phase !== 'running') return false;
  proc.advance(now);
  return !proc.exit;
}

/** The stream of `run`, which goes on while `alive` says its container runs the process it started in. */
function streamOf(run: ExecRun, alive: () => boolean, clock: () => number): ExecStream {
  return {
    poll() {
      if (run.code !== undefined) return { output: run.advance(clock()), code: run.code };
      if (!alive()) return { output: run.stop(137), code: 137, closed: true };
      const output = run.advance(clock());
      return { output, code: run.code };
    },
    get wakeAt() {
      return run.wakeAt;
    },
    cancel() {
      run.stop(130);
    },
  };
}

/** A stream that has already ended with `output` and `code`. */
function endedStream(output: string, code: number): ExecStream {
  let told = false;
  return {
    poll() {
      const out = told ? '' : output;
      told = true;
      return { output: out, code };
    },
    wakeAt: undefined,
    cancel() {},
  };
}

/**
 * Where an exec runs: the container's running process (advanced to `now`),
 * or the API's error, or the runtime's answer for a program the image lacks
 * (status 126).
 */
function execTarget(store: ObjectStore, state: KubeletState, namespace: string, name: string, container: string | undefined, argv: string[], now: number): { ok: true; proc: ContainerProcess; container: string; uid: string | undefined; defaulted?: string } | Extract<ExecResult, { ok: false }> | { ok: true; code: number; output: string; defaulted?: string } {
  const t = findContainer(store, state, namespace, name, container);
  if (!t.ok) return t;
  const proc = t.rt?.phase === 'running' ? t.rt.proc : undefined;
  if (!proc || proc.exit) {
    const phase = t.pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return { ok: false, reason: 'BadRequest', message: `cannot exec into a container in a completed pod; current phase is ${phase}` };
    // The kubelet finds only running containers (a waiting or crash-looping one is not found); kubectl wraps its answer.
    return { ok: false, reason: 'BadRequest', message: `unable to upgrade connection: container not found ("${t.container}")` };
  }
  proc.advance(now);
  if (!proc.hasProgram(argv[0] ?? '')) {
    const message = `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown\n`;
    return { ok: true, code: 126, output: message, defaulted: t.defaulted };
  }
  return { ok: true, proc, container: t.container, uid: t.pod.metadata.uid, defaulted: t.defaulted };
}

export type CrashResult = { ok: true; container: string } | { ok: false; reason: 'NotFound' | 'BadRequest'; message: string };

/** Playground: the container's process dies with exit code 1 now (`kubeplay container crash`), or ends with `exitCode` (an attached shell's `exit`). */
export function crashContainer(store: ObjectStore, state: KubeletState, namespace: string, name: string, container: string | undefined, now: number, exitCode = 1): CrashResult {
  const t = findContainer(store, state, namespace, name, container);
  if (!t.ok) return t;
  const c = t.rt;
  if (!c || c.phase !== 'running' || !c.proc || c.proc.exit) return { ok: false, reason: 'BadRequest', message: `container "${t.container}" in pod "${name}" is not running` };
  c.proc.advance(now);
  c.proc.kill(now, exitCode, exitCode === 0 ? 'Completed' : 'Error');
  return { ok: true, container: t.container };
}

/** An interactive shell open in a container (`kubectl exec -it POD -- sh`), and where it is. */
export interface ShellHandle {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  /** The pod's uid when it opened: a pod of the same name made later is another pod. */
  readonly uid: string | undefined;
  /** The container's host name (the pod's name), for the prompt. */
  readonly hostname: string;
  /** bash, rather than a POSIX sh: the prompt is bash's. */
  readonly bash: boolean;
  /** The image's sh is busybox's (its prompt shows the directory). */
  readonly busybox: boolean;
  /** The session's own prompt, when it is a program's rather than a shell's (`127.0.0.1:6379> `). */
  readonly prompt?: string;
  readonly shell: ContainerShell;
}

export type OpenShellResult = { ok: true; handle: ShellHandle; defaulted?: string } | { ok: false; reason: 'NotFound' | 'BadRequest'; message: string } | { ok: true; handle: undefined; code: number; output: string };

/** `POST pods/NAME/exec` with a TTY and a shell: an interactive shell in the running container, or why not (as `execInContainer` says it). */
export function openShell(store: ObjectStore, state: KubeletState, namespace: string, name: string, container: string | undefined, argv: string[], now: number): OpenShellResult {
  const t = execTarget(store, state, namespace, name, container, argv, now);
  if (!t.ok) return t;
  if (!('proc' in t)) return { ok: true, handle: undefined, code: t.code, output: t.output };
  const redis = interactiveRedisCli(argv);
  if (redis !== undefined) {
    // redis-cli connects first; a server it cannot reach ends it before its prompt.
    const target = t.proc.redisAt(redis.host, redis.port);
    if (typeof target === 'string') return { ok: true, handle: undefined, code: 1, output: `${target}\n` };
    const prompt = `${redis.host}:${redis.port}> `;
    const local = redis.host === '127.0.0.1' || redis.host === 'localhost';
    return { ok: true, handle: { namespace, pod: name, container: t.container, uid: t.uid, hostname: name, bash: false, busybox: false, prompt, shell: redisCliSession(t.proc, target, redis.port, local) }, defaulted: t.defaulted };
  }
  const bash = /(^|\/)bash$/.test(argv[0]);
  return { ok: true, handle: { namespace, pod: name, container: t.container, uid: t.uid, hostname: name, bash, busybox: !bash && t.proc.noBash, shell: shellSession(t.proc, bash) }, defaulted: t.defaulted };
}

export type ShellLineResult = { ok: true; stream: ExecStream } | { ok: false; code: number };

/**
 * Starts one typed line in an open shell now. When the container's process
 * is no longer the one the shell opened in (it stopped, restarted, its pod
 * was deleted), the session is over: `ok: false` with the status kubectl
 * reports; the same ends a line still running (`closed`).
 */
export function runInShell(store: ObjectStore, state: KubeletState, handle: ShellHandle, line: string, clock: () => number): ShellLineResult {
  const alive = () => stillRuns(store, state, handle.namespace, handle.pod, handle.container, handle.uid, handle.shell.process, clock());
  if (!alive()) return { ok: false, code: handle.shell.process.exit?.code ?? 137 };
  return { ok: true, stream: streamOf(handle.shell.run(line, clock()), alive, clock) };
}
