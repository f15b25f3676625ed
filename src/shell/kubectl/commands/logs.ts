import type { KubeObject, LogLine, Selector } from '../../../sim/k8s/index';
import { WaitingExecution } from '../../execution';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { labelSelector, selectorFlag } from '../common';
import { err, type KubectlError } from '../errors';
import { examples, longDesc } from '../text';

/** `kubectl logs` (kubectl `pkg/cmd/logs/logs.go`). */
export const logsCommand: CommandSpec = {
  path: ['logs'],
  use: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  short: 'Print the logs for a container in a pod',
  long: longDesc(`
    Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.`),
  example: examples(`
    # Return snapshot logs from pod nginx with only one container
    kubectl logs nginx

    # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
    kubectl logs nginx --prefix

    # Return snapshot logs from pod nginx, limiting output to 500 bytes
    kubectl logs nginx --limit-bytes=500

    # Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.
    kubectl logs nginx --pod-running-timeout=20s

    # Return snapshot logs from pod nginx with multi containers
    kubectl logs nginx --all-containers=true

    # Return snapshot logs from all pods in the deployment nginx
    kubectl logs deployment/nginx --all-pods=true

    # Return snapshot logs from all containers in pods defined by label app=nginx
    kubectl logs -l app=nginx --all-containers=true

    # Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods
    kubectl logs -l app=nginx --max-log-requests=10

    # Return snapshot of previous terminated ruby container logs from pod web-1
    kubectl logs -p -c ruby web-1

    # Begin streaming the logs from pod nginx, continuing even if errors occur
    kubectl logs nginx -f --ignore-errors=true

    # Begin streaming the logs of the ruby container in pod web-1
    kubectl logs -f -c ruby web-1

    # Begin streaming the logs from all containers in pods defined by label app=nginx
    kubectl logs -f -l app=nginx --all-containers=true

    # Display only the most recent 20 lines of output in pod nginx
    kubectl logs --tail=20 nginx

    # Show all logs from pod nginx written in the last hour
    kubectl logs --since=1h nginx

    # Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC
    kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true

    # Show logs from a kubelet with an expired serving certificate
    kubectl logs --insecure-skip-tls-verify-backend nginx

    # Return snapshot logs from first container of a job named hello
    kubectl logs job/hello

    # Return snapshot logs from container nginx-1 of a deployment named nginx
    kubectl logs deployment/nginx -c nginx-1`),
  completion: 'pod',
  flags: [
    { name: 'all-containers', type: 'bool', default: 'false', usage: 'Get all containers\' logs in the pod(s).' },
    { name: 'container', shorthand: 'c', type: 'string', usage: 'Print the logs of this container' },
    { name: 'follow', shorthand: 'f', type: 'bool', default: 'false', usage: 'Specify if the logs should be streamed.' },
    // Parsed only: the playground's kubelets serve their logs without TLS.
    { name: 'insecure-skip-tls-verify-backend', type: 'bool', usage: 'Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.' },
    { name: 'max-log-requests', type: 'int', default: '5', usage: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
    { name: 'prefix', type: 'bool', default: 'false', usage: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'previous', shorthand: 'p', type: 'bool', default: 'false', usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    selectorFlag,
    { name: 'since', type: 'duration', default: '0s', usage: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'tail', type: 'int', default: '-1', usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'timestamps', type: 'bool', default: 'false', usage: 'Include timestamps on each line in the log output' },
  ],
  run: runLogs,
};

interface Source {
  pod: string;
  container: string | undefined;
}

/** RFC 3339 with nanoseconds, as the kubelet stamps log lines. */
function stamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${String(Math.floor(ms % 1) * 1e6).padStart(6, '0')}Z`;
}

function runLogs(ctx: CommandContext): CommandResult {
  const selectorText = ctx.flags.string('selector');
  if (ctx.args.length === 0 && !selectorText) {
    return err.usage(ctx.commandPath, "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
  }
  if (ctx.args.length > 0 && selectorText) return err.usage(ctx.commandPath, 'error: only a selector (-l) or a POD name is allowed');
  if (ctx.args.length > 2) return err.usage(ctx.commandPath, "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
  let container = ctx.flags.string('container') || undefined;
  if (ctx.args.length === 2) {
    if (container) return err.usage(ctx.commandPath, "error: only one of -c or an inline [CONTAINER] arg is allowed");
    container = ctx.args[1];
  }
  const sources: Source[] = [];
  const ns = ctx.namespace;
  if (selectorText) {
    const sel = labelSelector(ctx);
    if (sel && 'type' in sel) return sel;
    const pods = ctx.client.list<KubeObject>('pods', { namespace: ns, labelSelector: sel as Selector | undefined });
    if (pods.length === 0) {
      ctx.errOut(`No resources found in ${ns} namespace.\n`);
      return 0;
    }
    for (const p of pods) sources.push({ pod: p.metadata.name, container });
  } else {
    const target = podForArg(ctx, ctx.args[0]);
    if ('type' in target) return target;
    sources.push({ pod: target.name, container });
  }
  const all = ctx.flags.bool('all-containers');
  const expanded: Source[] = [];
  for (const s of sources) {
    if (!all) expanded.push(s);
    else {
      const pod = ctx.client.get<KubeObject & { spec?: { containers?: { name: string }[]; initContainers?: { name: string }[] } }>('pods', ns, s.pod);
      for (const c of [...(pod?.spec?.initContainers ?? []), ...(pod?.spec?.containers ?? [])]) expanded.push({ pod: s.pod, container: c.name });
    }
  }
  const prefix = ctx.flags.bool('prefix');
  const timestamps = ctx.flags.bool('timestamps');
  const tail = ctx.flags.changed('tail') ? ctx.flags.int('tail') : selectorText ? 10 : -1;
  const since = ctx.flags.duration('since');
  const previous = ctx.flags.bool('previous');
  const follow = ctx.flags.bool('follow');
  const format = (s: Source, c: string, l: LogLine) => `${prefix ? `[pod/${s.pod}/${c}] ` : ''}${timestamps ? `${stamp(l.at)} ` : ''}${logText(l)}`;
  const printed = new Map<Source, { count: number; container: string; last: LogLine | undefined }>();
  const errors: KubectlError[] = [];
  for (const s of expanded) {
    const r = ctx.cluster.containerLogs(ns, s.pod, s.container, previous);
    if (!r.ok) {
      errors.push(err.status({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: r.reason, code: r.reason === 'NotFound' ? 404 : 400, message: r.message, metadata: {} }));
      continue;
    }
    if (r.defaulted && !all) ctx.errOut(`${r.defaulted}\n`);
    const c = s.container ?? containerOf(ctx, ns, s.pod);
    let lines = r.lines;
    if (since > 0) lines = lines.filter((l) => l.at >= ctx.cluster.now() - since);
    if (tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
    for (const l of lines) ctx.out(format(s, c, l));
    printed.set(s, { count: r.lines.length, container: c, last: r.lines[r.lines.length - 1] });
  }
  if (errors.length) return errors.length === 1 ? errors[0] : err.aggregate(errors);
  if (!follow || previous) return 0;
  // -f: stream new lines as virtual time passes; ends when every followed container has stopped.
  const exec = new WaitingExecution({
    check: () => {
      let running = 0;
      for (const s of expanded) {
        const seen = printed.get(s);
        if (!seen) continue;
        const r = ctx.cluster.containerLogs(ns, s.pod, s.container, false);
        if (!r.ok) continue;
        const fresh = linesAfter(r.lines, seen.last);
        for (const l of fresh) ctx.out(format(s, seen.container, l));
        if (fresh.length) seen.last = fresh[fresh.length - 1];
        const pod = ctx.client.get<KubeObject & { status?: { containerStatuses?: { name: string; state?: { running?: unknown } }[] } }>('pods', ns, s.pod);
        if (pod?.status?.containerStatuses?.find((x) => x.name === seen.container)?.state?.running) running++;
      }
      return running === 0 ? 0 : undefined;
    },
    wakeAt: () => ctx.cluster.now() + 1000,
  });
  exec.poll();
  return exec;
}

/**
 * The log lines written after `last` (all of them without it): what a
 * follower has not shown yet. Lines are told by identity, so a log whose
 * oldest lines were rotated away still finds its place.
 */
export function linesAfter(lines: readonly LogLine[], last: LogLine | undefined): readonly LogLine[] {
  if (last === undefined) return lines;
  const idx = lines.lastIndexOf(last);
  return idx >= 0 ? lines.slice(idx + 1) : [];
}

/** A log line as a follower prints it: as written, a newline after it unless it was left unfinished. */
export function logText(l: LogLine): string {
  return l.partial ? l.text : `${l.text}\n`;
}

function containerOf(ctx: CommandContext, ns: string, pod: string): string {
  const p = ctx.client.get<KubeObject & { spec?: { containers?: { name: string }[] } }>('pods', ns, pod);
  return p?.spec?.containers?.[0]?.name ?? '';
}

/** POD, pod/NAME, or a workload (deployment/NAME, rs/NAME, …): its first pod, as `polymorphichelpers.LogsForObject`. */
export function podForArg(ctx: CommandContext, arg: string, announce = true): { name: string } | KubectlError {
  const slash = arg.indexOf('/');
  const notFound = (resource: string, name: string) =>
    err.status({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `${resource} "${name}" not found`, metadata: {} });
  if (slash < 0) return { name: arg };
  const type = arg.slice(0, slash);
  const name = arg.slice(slash + 1);
  const info = ctx.cluster.resources.resolve(type);
  if (!info) return err.message(`error: the server doesn't have a resource type "${type}"`);
  if (info.kind === 'Pod') return { name };
  const owner = ctx.client.get<KubeObject & { spec?: { selector?: { matchLabels?: Record<string, string> } | Record<string, string> } }>(info.resource + (info.group ? `.${info.group}` : ''), ctx.namespace, name);
  if (!owner) return notFound(info.group ? `${info.resource}.${info.group}` : info.resource, name);
  // A Service selects with a plain map; the workloads with a LabelSelector.
  const selector = owner.spec?.selector;
  const labels = (info.kind === 'Service' ? selector : (selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels) as Record<string, string> | undefined;
  if (info.kind === 'Service' && (!labels || Object.keys(labels).length === 0)) return err.message(`error: invalid service '${name}': Service is defined without a selector`);
  const pods = ctx.client
    .list<KubeObject>('pods', { namespace: ctx.namespace })
    .filter((p) => Object.entries(labels ?? {}).every(([k, v]) => p.metadata.labels?.[k] === v))
    .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  if (pods.length === 0) return err.message(`error: timed out waiting for the condition`);
  if (pods.length > 1 && announce) ctx.errOut(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  return { name: pods[0].metadata.name };
}
