import { parseDuration } from '../../../lib/duration';
import { KUBERNETES_VERSION, parseApiPath, parseSelector, readApiResource, SelectorParseError, matches, storageName, type ApiTarget, type KubeObject, type Selector } from '../../../sim/k8s/index';
import { WaitingExecution } from '../../execution';
import type { CommandContext, CommandResult } from '../command';
import { err } from '../errors';
import { wireWatchEvent } from '../printers/format/wireJson';

/**
 * `kubectl get --raw URI`: a GET on the API server, its body printed as is.
 * Served here: `/api/v1/…` and `/apis/GROUP/VERSION/…` paths of a
 * collection or one object, and watches of them (`?watch=1`), which stream
 * one `WatchEvent` JSON line per change — from `resourceVersion=N` on they
 * first replay the changes after N kept in the watch window, or end with a
 * 410 `Expired` ERROR event when N has left it.
 */

export type RawTarget = ApiTarget;

function notFound(message: string): CommandResult {
  return err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message });
}

/** The resource (and namespace, name) an API path names (the API server's own parsing). */
export function parsePath(ctx: Pick<CommandContext, 'cluster'>, path: string): RawTarget | undefined {
  return parseApiPath(ctx.cluster.resources, path);
}

/** The Status of an ERROR watch event. */
function statusObject(reason: string, code: number, message: string): unknown {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

/** The query of a URI (`a=1&b=x%3Dy`), decoded. */
export function parseQuery(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    if (!out.has(key)) out.set(key, decode(eq < 0 ? '' : part.slice(eq + 1)));
  }
  return out;
}

export function runGetRaw(ctx: CommandContext, uri: string): CommandResult {
  if (ctx.args.length > 0) return err.message('arguments may not be passed when --raw is specified');
  if (ctx.flags.bool('watch') || ctx.flags.bool('watch-only') || ctx.flags.string('selector')) return err.message('--raw may not be specified with other flags that filter the server request or alter the output');
  if (ctx.flags.string('output')) return err.message('--raw and --output are mutually exclusive');
  if (!uri.startsWith('/')) return err.message(`--raw must be a valid URL path: parse "${uri}": invalid URI for request`);
  const q = uri.indexOf('?');
  const path = q < 0 ? uri : uri.slice(0, q);
  const params = parseQuery(q < 0 ? '' : uri.slice(q + 1));
  if (!path.startsWith('/api/') && !path.startsWith('/apis/')) return nonResourceGet(ctx, uri, path, params);
  const target = parsePath(ctx, path);
  if (!target) return nonResourceGet(ctx, uri, path, params);
  let selector: Selector | undefined;
  try {
    selector = params.has('labelSelector') ? parseSelector(params.get('labelSelector') ?? '') : undefined;
  } catch (e) {
    if (e instanceof SelectorParseError) return err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'BadRequest', code: 400, message: `unable to parse requirement: ${e.message}` });
    throw e;
  }
  const resource = storageName(target.info);
  const watch = params.get('watch');
  if (watch === '1' || watch === 'true') return rawWatch(ctx, target, resource, selector, params);
  const r = readResource(ctx, target, selector);
  if ('missing' in r) return notFound(r.missing);
  ctx.out(`${r.body}\n`);
  return 0;
}

function notSimulated(path: string): CommandResult {
  return err.message(`not simulated yet: kubectl get --raw ${path} (served: /version, /healthz, /livez, /readyz, /api, /apis, the discovery documents and resource paths)`);
}

/** Non-resource paths a real API server serves that this one does not: OpenAPI, metrics, logs, debug handlers, single health checks. */
const UNSIMULATED = /^\/(openapi|metrics|logs|debug|\.well-known|healthz\/|livez\/|readyz\/)/;

/**
 * A path that names no resource: `/version`, the health checks, `/api` and
 * the discovery documents, as the API server answers them (the body printed
 * as it comes); a path no API server serves is its 404.
 */
function nonResourceGet(ctx: CommandContext, uri: string, path: string, params: Map<string, string>): CommandResult {
  const health = path === '/healthz' || path === '/livez' || path === '/readyz';
  if (UNSIMULATED.test(path) || (health && (params.has('verbose') || params.has('exclude')))) return notSimulated(path);
  const r = ctx.cluster.apiRequest({ path: uri, userAgent: `kubectl/${KUBERNETES_VERSION} (linux/amd64)`, user: ctx.user });
  if (r.status === 200) {
    ctx.out(r.body);
    return 0;
  }
  try {
    return err.status(JSON.parse(r.body));
  } catch {
    return notFound('the server could not find the requested resource');
  }
}

/** A GET of a resource path: the JSON the server sends (an object, or a list), or the NotFound message. */
export function readResource(ctx: Pick<CommandContext, 'cluster' | 'client'>, target: RawTarget, selector?: Selector): { body: string } | { missing: string } {
  return readApiResource(ctx.client, ctx.cluster.currentResourceVersion(), target, selector);
}

function rawWatch(ctx: CommandContext, target: RawTarget, resource: string, selector: Selector | undefined, params: Map<string, string>): CommandResult {
  const wanted = (o: KubeObject): boolean =>
    (target.namespace === undefined || o.metadata.namespace === target.namespace) &&
    (target.name === undefined || o.metadata.name === target.name) &&
    (!selector || matches(selector, o.metadata.labels));
  // The API server's filtered watch: an object that starts matching is ADDED, one that stops matching DELETED.
  const send = (type: string, obj: KubeObject, old: KubeObject | undefined): void => {
    const now = wanted(obj);
    const before = type === 'MODIFIED' && old ? wanted(old) : now;
    if (!now && !before) return;
    ctx.out(wireWatchEvent(type === 'MODIFIED' && now !== before ? (now ? 'ADDED' : 'DELETED') : type, obj));
  };
  const rvText = params.get('resourceVersion') ?? '';
  if (rvText === '' || rvText === '0') {
    // No resourceVersion (or 0): the current state as ADDED events, then the changes.
    for (const o of ctx.client.list(resource, { namespace: target.namespace })) send('ADDED', o, undefined);
  } else {
    const rv = /^\d+$/.test(rvText) ? Number(rvText) : NaN;
    if (Number.isNaN(rv)) return err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'BadRequest', code: 400, message: `invalid resource version: ${rvText}` });
    const current = ctx.cluster.currentResourceVersion();
    const since = ctx.cluster.eventsSince(resource, rv);
    if (since === undefined) return err.message(`not simulated yet: watching ${resource} from a resourceVersion (no watch window is kept for them)`);
    if (!Array.isArray(since)) {
      ctx.out(wireWatchEvent('ERROR', statusObject('Expired', 410, `too old resource version: ${rv} (${(since as { expired: number }).expired})`)));
      return 0;
    }
    if (rv > current) {
      ctx.out(wireWatchEvent('ERROR', statusObject('Timeout', 504, `Timeout: Too large resource version: ${rv}, current: ${current}`)));
      return 0;
    }
    for (const e of since) send(e.type, e.object as unknown as KubeObject, e.old as unknown as KubeObject | undefined);
  }
  const unwatch = ctx.cluster.watch(resource, (e) => send(e.type, e.object as unknown as KubeObject, e.old as unknown as KubeObject | undefined));
  // The server ends the stream after timeoutSeconds; kubectl gives up after --request-timeout.
  const timeoutSeconds = Number(params.get('timeoutSeconds') ?? '0');
  const requestTimeout = ctx.flags.string('request-timeout');
  const requestMs = requestTimeout && requestTimeout !== '0' ? (parseDuration(requestTimeout) ?? (/^\d+$/.test(requestTimeout) ? Number(requestTimeout) * 1000 : 0)) : 0;
  const limits = [timeoutSeconds > 0 ? timeoutSeconds * 1000 : 0, requestMs].filter((ms) => ms > 0);
  const deadline = limits.length ? ctx.cluster.now() + Math.min(...limits) : undefined;
  const exec = new WaitingExecution({ deadline, check: () => (deadline !== undefined && ctx.cluster.now() >= deadline ? 0 : undefined), dispose: unwatch });
  exec.poll();
  return exec;
}
