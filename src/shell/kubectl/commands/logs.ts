import { utf8Length } from '../../../lib/encodeBase64';
import type { KubeObject, LogLine, Selector } from '../../../sim/k8s/index';
import { WaitingExecution } from '../../execution';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { labelSelector, selectorFlag } from '../common';
import { err, type KubectlError } from '../errors';
import { missingObjectError } from '../targets';
import { parseRFC3339 } from '../parseRFC3339';
import { examples, longDesc } from '../text';
import { FOR_LOGS, podsForArg } from './podForArg';

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
    { name: 'all-pods', type: 'bool', default: 'false', usage: 'Get logs from all pod(s). Sets prefix to true.' },
    { name: 'container', shorthand: 'c', type: 'string', usage: 'Print the logs of this container' },
    { name: 'follow', shorthand: 'f', type: 'bool', default: 'false', usage: 'Specify if the logs should be streamed.' },
    { name: 'ignore-errors', type: 'bool', default: 'false', usage: 'If watching / following pod logs, allow for any errors that occur to be non-fatal' },
    // Parsed only: the playground's kubelets serve their logs without TLS.
    { name: 'insecure-skip-tls-verify-backend', type: 'bool', usage: 'Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.' },
    { name: 'limit-bytes', type: 'int', default: '0', usage: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'max-log-requests', type: 'int', default: '5', usage: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
    // Checked (higher than zero) only: the playground's pods are looked up at once, never waited for.
    { name: 'pod-running-timeout', type: 'duration', default: '20s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'prefix', type: 'bool', default: 'false', usage: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'previous', shorthand: 'p', type: 'bool', default: 'false', usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    selectorFlag,
    { name: 'since', type: 'duration', default: '0s', usage: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'since-time', type: 'string', usage: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'tail', type: 'int', default: '-1', usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'timestamps', type: 'bool', default: 'false', usage: 'Include timestamps on each line in the log output' },
  ],
  run: runLogs,
};

const USAGE = "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

interface Source {
  pod: string;
  container: string | undefined;
}

/** A container's log as kubectl streams it: what it printed last, and the bytes `--limit-bytes` still lets through. */
interface Stream {
  source: Source;
  container: string;
  last: LogLine | undefined;
  remaining: number;
}

/** RFC 3339 with nanoseconds, as the kubelet stamps log lines. */
function stamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${String(Math.floor(ms % 1) * 1e6).padStart(6, '0')}Z`;
}

function runLogs(ctx: CommandContext): CommandResult {
  // Complete: the arguments, the wait for pods, the since time, then the pods.
  const selectorText = ctx.flags.string('selector');
  if (ctx.args.length === 0 && !selectorText) return err.usage(ctx.commandPath, USAGE);
  if (ctx.args.length > 0 && selectorText) return err.usage(ctx.commandPath, 'error: only a selector (-l) or a POD name is allowed');
  if (ctx.args.length > 2) return err.usage(ctx.commandPath, USAGE);
  const container = (ctx.args.length === 2 ? ctx.args[1] : ctx.flags.string('container')) || undefined;
  const allPods = ctx.flags.bool('all-pods');
  if (ctx.flags.duration('pod-running-timeout') <= 0) return err.message('--pod-running-timeout must be higher than zero');
  const sinceTimeText = ctx.flags.string('since-time');
  const sinceTime = sinceTimeText ? parseRFC3339(sinceTimeText) : undefined;
  if (typeof sinceTime === 'object') return err.message(sinceTime.error);
  const found = podsToRead(ctx, selectorText);
  if (!Array.isArray(found)) return found;
  if (selectorText && found.length === 0) ctx.errOut(`No resources found in ${ctx.namespace} namespace.\n`);
  const invalid = validateLogs(ctx, container);
  if (invalid) return invalid;
  // Run: a workload's first pod (noting the choice), or every pod with --all-pods.
  let pods = found;
  if (!selectorText && !allPods && found.length > 1) {
    ctx.errOut(`Found ${found.length} pods, using pod/${found[0]}\n`);
    pods = [found[0]];
  }

  const ns = ctx.namespace;
  const all = ctx.flags.bool('all-containers');
  const sources: Source[] = [];
  for (const pod of pods) {
    if (!all) sources.push({ pod, container });
    else {
      const p = ctx.client.get<KubeObject & { spec?: { containers?: { name: string }[]; initContainers?: { name: string }[] } }>('pods', ns, pod);
      for (const c of [...(p?.spec?.initContainers ?? []), ...(p?.spec?.containers ?? [])]) sources.push({ pod, container: c.name });
    }
  }
  const follow = ctx.flags.bool('follow');
  const maxRequests = ctx.flags.int('max-log-requests');
  if (follow && sources.length > 1 && sources.length > maxRequests) {
    return err.message(`you are attempting to follow ${sources.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit`);
  }
  // --all-pods sets --prefix.
  const prefix = allPods || ctx.flags.bool('prefix');
  const timestamps = ctx.flags.bool('timestamps');
  const tail = ctx.flags.changed('tail') ? ctx.flags.int('tail') : selectorText ? 10 : -1;
  const since = ctx.flags.duration('since');
  const previous = ctx.flags.bool('previous');
  const limit = ctx.flags.int('limit-bytes');
  const ignoreErrors = ctx.flags.bool('ignore-errors');
  const write = (s: Stream, lines: readonly LogLine[]) => writeLines(ctx, s, lines, prefix, timestamps);
  const streams: Stream[] = [];
  const errors: KubectlError[] = [];
  for (const s of sources) {
    const r = ctx.cluster.containerLogs(ns, s.pod, s.container, previous);
    if (!r.ok) {
      // The stream's own errors (a container waiting to start…) are what --ignore-errors prints and passes over.
      const badContainer = r.message.includes('is not valid for pod');
      if (ignoreErrors && r.reason !== 'NotFound' && !badContainer) ctx.out(`error: ${r.message}\n`);
      // LogsForObject looks the container up in the pod first: a plain error, no request made.
      else if (badContainer) errors.push(err.message(r.message));
      else errors.push(err.status({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: r.reason, code: r.reason === 'NotFound' ? 404 : 400, message: r.message, metadata: {} }));
      continue;
    }
    if (r.defaulted && !all && !allPods) ctx.errOut(`${r.defaulted}\n`);
    const stream: Stream = { source: s, container: s.container ?? containerOf(ctx, ns, s.pod), last: r.lines[r.lines.length - 1], remaining: limit > 0 ? limit : Infinity };
    let lines = r.lines;
    if (typeof sinceTime === 'number') lines = lines.filter((l) => l.at >= sinceTime);
    if (since > 0) lines = lines.filter((l) => l.at >= ctx.cluster.now() - since);
    if (tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
    write(stream, lines);
    streams.push(stream);
  }
  if (errors.length) return errors.length === 1 ? errors[0] : err.aggregate(errors);
  if (!follow || previous) return 0;
  // -f: stream new lines as virtual time passes; ends when every followed container has stopped (or used up --limit-bytes).
  const exec = new WaitingExecution({
    check: () => {
      let running = 0;
      for (const s of streams) {
        if (s.remaining <= 0) continue;
        const r = ctx.cluster.containerLogs(ns, s.source.pod, s.source.container, false);
        if (!r.ok) continue;
        const fresh = linesAfter(r.lines, s.last);
        write(s, fresh);
        if (fresh.length) s.last = fresh[fresh.length - 1];
        const pod = ctx.client.get<KubeObject & { status?: { containerStatuses?: { name: string; state?: { running?: unknown } }[] } }>('pods', ns, s.source.pod);
        if (s.remaining > 0 && pod?.status?.containerStatuses?.find((x) => x.name === s.container)?.state?.running) running++;
      }
      return running === 0 ? 0 : undefined;
    },
    wakeAt: () => ctx.cluster.now() + 1000,
  });
  exec.poll();
  return exec;
}

/**
 * The pods to read from: the selector's, or the argument's (a pod, or a
 * workload's pods, first the one kubectl picks). A missing object is
 * worded as `LogsOptions.Complete` wraps the builder's NotFound.
 */
function podsToRead(ctx: CommandContext, selectorText: string): string[] | KubectlError {
  if (selectorText) {
    const sel = labelSelector(ctx);
    if (sel && 'type' in sel) return sel;
    return ctx.client.list<KubeObject>('pods', { namespace: ctx.namespace, labelSelector: sel as Selector | undefined }).map((p) => p.metadata.name);
  }
  const pods = podsForArg(ctx, ctx.args[0], FOR_LOGS);
  const notFound = (message: string) => err.message(`error: error from server (NotFound): ${message} in namespace "${ctx.namespace}"`);
  if (!Array.isArray(pods)) return pods.type === 'status' && pods.status.reason === 'NotFound' ? notFound(pods.status.message) : pods;
  if (!ctx.client.get('pods', ctx.namespace, pods[0])) {
    const missing = missingObjectError(ctx, ctx.cluster.resources.resolve('pods')!, ctx.namespace, pods[0]);
    return missing.type === 'status' ? notFound(missing.status.message) : missing;
  }
  return pods;
}

/** `LogsOptions.Validate`. */
function validateLogs(ctx: CommandContext, container: string | undefined): KubectlError | undefined {
  const since = ctx.flags.duration('since');
  if (ctx.flags.string('since-time') && since !== 0) return err.message('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (ctx.flags.bool('all-containers') && container) return err.message(`--all-containers=true should not be specified with container name ${container}`);
  if (ctx.flags.changed('container') && ctx.args.length === 2) return err.message('only one of -c or an inline [CONTAINER] arg is allowed');
  if (ctx.flags.int('limit-bytes') < 0) return err.message('--limit-bytes must be greater than 0');
  if (Math.round(since / 1000) < 0) return err.message('--since must be greater than 0');
  if (ctx.flags.int('tail') < -1) return err.message('--tail must be greater than or equal to -1');
  return undefined;
}

/** Prints lines of a stream: stamped, prefixed, cut where --limit-bytes ends it (the kubelet counts the stamps, not the prefix). */
function writeLines(ctx: CommandContext, s: Stream, lines: readonly LogLine[], prefix: boolean, timestamps: boolean): void {
  for (const l of lines) {
    if (s.remaining <= 0) return;
    let text = `${timestamps ? `${stamp(l.at)} ` : ''}${logText(l)}`;
    const bytes = utf8Length(text);
    if (bytes > s.remaining) text = utf8Prefix(text, s.remaining);
    s.remaining -= bytes;
    ctx.out(`${prefix ? `[pod/${s.source.pod}/${s.container}] ` : ''}${text}`);
  }
}

/** The longest start of `text` within `max` UTF-8 bytes (a character the limit cuts through is left out). */
function utf8Prefix(text: string, max: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    used += utf8Length(ch);
    if (used > max) break;
    out += ch;
  }
  return out;
}

function containerOf(ctx: CommandContext, ns: string, pod: string): string {
  const p = ctx.client.get<KubeObject & { spec?: { containers?: { name: string }[] } }>('pods', ns, pod);
  return p?.spec?.containers?.[0]?.name ?? '';
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

