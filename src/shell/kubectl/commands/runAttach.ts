import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, LogLine, ShellHandle } from '../../../sim/k8s/index';
import { attaching, WaitingExecution } from '../../execution';
import type { Execution, OutputSink } from '../../types';
import type { CommandContext } from '../command';
import { linesAfter, logText } from './logs';

type PodObj = KubeObject & Pod;

export interface AttachOptions {
  namespace: string;
  name: string;
  /** `-i` and `-t`: kubectl's prompt hint ("If you don't see a command prompt…") unless `quiet`. */
  tty: boolean;
  quiet: boolean;
  /** `--rm`: delete the pod once attaching is over. */
  remove: boolean;
  /** What `--rm` deletes after the pod (`--expose`'s Service). */
  removeAlso?: { resource: string; name: string }[];
  restart: string;
  /** `--pod-running-timeout` (ms). */
  runningTimeout: number;
  /** The interactive shell the container runs (`-it … -- sh`, or an image whose command is one): the terminal's next lines go to it. */
  shell?: string[];
  /** The container (the pod's first without one). */
  container?: string;
  /** `kubectl attach`: only what the container writes from now on, and no exit code of the pod's. */
  attachOnly?: boolean;
  /**
   * What attaching waits for: the pod running and ready (`kubectl run`), or
   * only the container running or done (`kubectl debug`'s waitForContainer).
   */
  until?: 'ready' | 'container';
}

/** The container's status, an app, init or ephemeral one's (the pod's first container's without a name). */
function statusOf(pod: PodObj | undefined, container: string | undefined) {
  const s = pod?.status;
  if (container === undefined) return s?.containerStatuses?.[0];
  for (const list of [s?.containerStatuses, s?.initContainerStatuses, s?.ephemeralContainerStatuses]) {
    const found = list?.find((c) => c.name === container);
    if (found) return found;
  }
  return undefined;
}

/** Whether `container` is one of the pod's ephemeral containers. */
function isEphemeral(pod: PodObj | undefined, container: string | undefined): boolean {
  return container !== undefined && pod?.spec?.ephemeralContainers?.some((c) => c.name === container) === true;
}

function completed(pod: PodObj | undefined): boolean {
  const phase = pod?.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function runningAndReady(pod: PodObj | undefined): boolean {
  return pod?.status?.phase === 'Running' && pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
}

/**
 * `kubectl run --attach` (or `-i`, `-it`), after the pod was created
 * (`pkg/cmd/run/run.go`): waits for the pod to be running and ready (or
 * done), then shows its container's output as it comes, until the container
 * stops. With `--restart=Never` (or OnFailure) it then waits for the pod to
 * complete and returns the container's exit code: a failed pod ends with
 * `pod NS/NAME terminated (Reason)`. `--rm` deletes the pod at the end
 * (`pod "NAME" deleted`), whatever the outcome. With `shell`, once the pod
 * runs the terminal's next lines go to the container's shell; its `exit`
 * ends the container with that status (`detach`).
 */
export function attachToRun(ctx: CommandContext, o: AttachOptions): Execution {
  const get = () => ctx.client.get<PodObj>('pods', o.namespace, o.name);
  const waitForExitCode = !o.attachOnly && (o.restart === 'Never' || o.restart === 'OnFailure');
  const deadline = ctx.cluster.now() + o.runningTimeout;
  let stage: 'starting' | 'attached' | 'exiting' = 'starting';
  /** The last log line shown (undefined: none yet, so all of them are new). */
  let shown: LogLine | undefined;
  let runsSeen = -1;
  let removed = false;
  const remove = () => {
    if (!o.remove || removed) return;
    removed = true;
    removeCreated(ctx, o, ctx.out);
  };
  const logs = () => {
    const r = ctx.cluster.containerLogs(o.namespace, o.name, o.container);
    return r.ok ? r.lines : [];
  };
  // The container's log lines not shown yet (run: the whole log once, as attaching late shows what it had written; attach: from now).
  const showNewLines = () => {
    const fresh = linesAfter(logs(), shown);
    for (const l of fresh) ctx.out(logText(l));
    shown = fresh.at(-1) ?? shown;
  };
  const finish = (pod: PodObj | undefined): number => {
    remove();
    if (!waitForExitCode) return 0;
    if (pod?.status?.phase === 'Succeeded') return 0;
    const t = statusOf(pod, o.container)?.state?.terminated;
    if (!t || t.exitCode === 0) {
      ctx.errOut(`error: pod ${o.namespace}/${o.name} failed with unknown exit code\n`);
      return 1;
    }
    ctx.errOut(`pod ${o.namespace}/${o.name} terminated (${t.reason ?? 'Error'})\n${t.message ?? ''}`);
    return t.exitCode;
  };
  // (Declared before the execution's first check, which may open the shell.)
  let handle: ShellHandle | undefined;
  const exec = new WaitingExecution({
    check: () => {
      const pod = get();
      if (!pod) {
        if (stage === 'starting') ctx.errOut(`error: pods "${o.name}" not found\n`);
        return 1;
      }
      if (stage === 'starting') {
        const container = statusOf(pod, o.container)?.state;
        const up = o.until === 'container' ? container?.running !== undefined || container?.terminated !== undefined : runningAndReady(pod);
        if (!up && !completed(pod)) {
          if (ctx.cluster.now() < deadline) return undefined;
          remove();
          ctx.errOut('error: timed out waiting for the condition\n');
          return 1;
        }
        // A pod (or debug container) already done has its log shown instead (kubectl falls back to the logs).
        const done = completed(pod) || (o.until === 'container' && container?.terminated !== undefined);
        if (!done && o.tty && !o.quiet) ctx.errOut("If you don't see a command prompt, try pressing enter.\n");
        stage = 'attached';
        runsSeen = statusOf(pod, o.container)?.restartCount ?? 0;
        if (o.attachOnly) shown = logs().at(-1);
        if (o.shell && !done) {
          const r = ctx.cluster.openShell(o.namespace, o.name, o.container, o.shell);
          if (r.ok && r.handle) {
            handle = r.handle;
            return 0;
          }
        }
      }
      if (stage === 'attached') {
        showNewLines();
        const s = statusOf(pod, o.container);
        const stillRunning = s?.state?.running !== undefined && (s.restartCount ?? 0) === runsSeen && !completed(pod);
        if (stillRunning) return undefined;
        stage = 'exiting';
      }
      // The attach is over: with Never/OnFailure, kubectl waits for the pod to complete (OnFailure: succeed) for its exit code.
      if (!waitForExitCode) return finish(pod);
      const done = o.restart === 'OnFailure' ? pod.status?.phase === 'Succeeded' : completed(pod);
      return done ? finish(pod) : undefined;
    },
    wakeAt: () => ctx.cluster.now() + 1_000,
    deadline: undefined,
    dispose: () => {
      // Ctrl+C: kubectl's deferred removal still runs.
      if (exec.exitCode === 130) remove();
    },
  });
  exec.poll();
  /** The attached shell exited with `code`: it stood for the container's own process, whose exit ends the container. */
  const detach = (code: number, sink: OutputSink): number => {
    ctx.cluster.crashContainer(o.namespace, o.name, o.container, code);
    const container = o.container ?? statusOf(get(), undefined)?.name ?? o.name;
    // attach.go's reattachMessage, on standard output.
    if (o.restart === 'Always' && !o.quiet) {
      if (isEphemeral(get(), container)) sink.stdout(`Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${o.name} -c ${container} -i -t' if it is still running\n`);
      else sink.stdout(`Session ended, resume using 'kubectl attach ${o.name} -c ${container} -i -t' command when the pod is running\n`);
    }
    if (o.remove) removeCreated(ctx, o, (text) => sink.stdout(text));
    if (!waitForExitCode || code === 0) return 0;
    sink.stderr(`pod ${o.namespace}/${o.name} terminated (Error)\n`);
    return code;
  };
  return attaching(exec, () => handle, detach);
}

/** run.go's removeCreatedObjects: the pod, then what was created with it, each `<kind> "NAME" deleted`. */
function removeCreated(ctx: CommandContext, o: AttachOptions, out: (text: string) => void): void {
  for (const { resource, name } of [{ resource: 'pods', name: o.name }, ...(o.removeAlso ?? [])]) {
    if (ctx.client.delete(resource, o.namespace, name, {}).ok) out(`${resource === 'pods' ? 'pod' : 'service'} "${name}" deleted\n`);
  }
  ctx.cluster.runUntilIdle();
}
