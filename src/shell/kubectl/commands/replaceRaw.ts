import { decodeObject, statusErrors, storageName, type KubeObject, type ResourceInfo, type Status } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult } from '../command';
import { utf8Bytes } from '../../../lib/encodeBase64';
import { err, type KubectlError } from '../errors';
import { scaleOf } from './scaleSubresource';
import { wireJson } from '../printers/format/wireJson';
import { parsePath } from './getRaw';

/**
 * `kubectl replace --raw URI -f FILE` (kubectl `pkg/rawhttp`): the file's
 * bytes PUT to the URI as JSON, the server's answer printed as it comes.
 * Served: an object's path, its `/status` and (for the scalable kinds) its
 * `/scale`, which take the body as the API server's update handler decodes
 * it — JSON only, a missing apiVersion and kind taken from the path.
 */

/** The kinds whose objects serve the autoscaling/v1 Scale subresource. */
export const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/** `ReplaceOptions.Validate`'s checks of --raw. */
export function validateRaw(ctx: CommandContext, raw: string, filenames: readonly string[]): KubectlError | undefined {
  if (filenames.length !== 1) return err.message('--raw can only use a single local file or stdin');
  if (/^https?:\/\//.test(filenames[0])) return err.message('--raw cannot read from a url');
  if (ctx.flags.bool('recursive')) return err.message('--raw and --recursive are mutually exclusive');
  if (ctx.flags.string('output')) return err.message('--raw and --output are mutually exclusive');
  // url.ParseRequestURI: an absolute path or an absolute URL.
  if (!raw.startsWith('/') && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(raw)) return err.message(`--raw must be a valid URL path: parse "${raw}": invalid URI for request`);
  return undefined;
}

const notFound = (): KubectlError => err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });
const badRequest = (message: string): KubectlError => err.status(statusErrors.badRequest(message));


/** Go's package path of a group's types: external (`k8s.io/api/apps/v1`) or the API server's internal one. */
function goPackage(info: { group: string; version: string }, internal: boolean): string {
  const name = info.group === '' ? 'core' : info.group.split('.')[0];
  return internal ? `k8s.io/kubernetes/pkg/apis/${name}` : `k8s.io/api/${name}/${info.version}`;
}

/** The update handler's `transformDecodeError`: the body is no object of the kind the path serves. */
function undecodable(body: string, into: string, cause: string, kind?: { kind: string; version: string }): KubectlError {
  if (kind) return badRequest(`${kind.kind} in version "${kind.version}" cannot be handled as a ${into}: ${cause}`);
  // summarizeData: the first 30 bytes, as text for JSON and in hex otherwise.
  const bytes = utf8Bytes(body);
  const long = bytes.length > 30;
  const hex = bytes.slice(0, 30).map((b) => b.toString(16).padStart(2, '0')).join('');
  const summary = body.length === 0 ? '<empty>' : body.startsWith('{') ? (long ? `${body.slice(0, 30)} ...` : body) : `${hex}${long ? ' ...' : ''}`;
  return badRequest(`the object provided is unrecognized (must be of type ${into}): ${cause} (${summary})`);
}

/** The body as JSON, or the json-iterator error Go's decoder reports for its first character. */
function parseBody(body: string, into: string): { value: Record<string, unknown> } | { error: KubectlError } {
  const first = body.trimStart()[0];
  const fail = (cause: string) => ({ error: undecodable(body, into, `couldn't get version/kind; json parse error: ${cause}`) });
  if (first === undefined) return fail('unexpected end of JSON input');
  if (!/[{["\-0-9tfn]/.test(first)) return fail(`invalid character '${first}' looking for beginning of value`);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail(`json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  return { value: value as Record<string, unknown> };
}

/** The update handler's checks of the body against the path: its kind, namespace and name. */
function decodeFor(ctx: CommandContext, body: string, info: ResourceInfo, namespace: string | undefined, name: string): { obj: KubeObject } | { error: KubectlError } {
  const parsed = parseBody(body, info.kind);
  if ('error' in parsed) return parsed;
  const { value } = parsed;
  const fail = (error: KubectlError) => ({ error });
  const servedVersion = info.group ? `${info.group}/${info.version}` : info.version;
  const apiVersion = typeof value.apiVersion === 'string' && value.apiVersion ? value.apiVersion : servedVersion;
  const kind = typeof value.kind === 'string' && value.kind ? value.kind : info.kind;
  const d = decodeObject({ ...value, apiVersion, kind }, ctx.cluster.resources, true);
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  if (!d.ok) {
    if (d.reason === 'noMatch') return fail(undecodable(body, info.kind, `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`, { kind, version }));
    return fail(d.status ? err.status(d.status) : badRequest(d.message));
  }
  if (d.info.kind !== info.kind || d.info.group !== info.group) {
    return fail(undecodable(body, info.kind, `converting (${goPackage(d.info, false)}) ${d.info.kind} to (${goPackage(info, true)}) ${info.kind}: unknown conversion`, { kind, version }));
  }
  const obj = d.object;
  obj.apiVersion = servedVersion;
  // rest.EnsureObjectNamespaceMatchesRequestNamespace, then checkName.
  const objNs = obj.metadata.namespace ?? '';
  if (namespace !== undefined && objNs !== '' && objNs !== namespace) return fail(badRequest('the namespace of the provided object does not match the namespace sent on the request'));
  if (namespace !== undefined) obj.metadata.namespace = namespace;
  else delete obj.metadata.namespace;
  if (obj.metadata.name !== name) return fail(badRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${name})`));
  return { obj };
}


type Put = { ok: true; object: KubeObject } | { ok: false; status: Status };

/** PUT …/NAME/scale: only spec.replicas of the Scale reaches the object. */
function putScale(ctx: CommandContext, info: ResourceInfo, namespace: string | undefined, name: string, body: string): Put | KubectlError {
  const parsed = parseBody(body, 'Scale');
  if ('error' in parsed) return parsed.error;
  const { value } = parsed;
  const kind = typeof value.kind === 'string' && value.kind ? value.kind : 'Scale';
  const apiVersion = typeof value.apiVersion === 'string' && value.apiVersion ? value.apiVersion : 'autoscaling/v1';
  if (kind !== 'Scale' || apiVersion !== 'autoscaling/v1') {
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    const known = decodeObject({ ...value, apiVersion, kind }, ctx.cluster.resources, true);
    const cause = known.ok
      ? `converting (${goPackage(known.info, false)}) ${known.info.kind} to (k8s.io/kubernetes/pkg/apis/autoscaling) Scale: unknown conversion`
      : `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`;
    return undecodable(body, 'Scale', cause, { kind, version });
  }
  const meta = (value.metadata ?? {}) as { name?: string; namespace?: string; resourceVersion?: string };
  if (namespace !== undefined && meta.namespace && meta.namespace !== namespace) return badRequest('the namespace of the provided object does not match the namespace sent on the request');
  if ((meta.name ?? '') !== name) return badRequest(`the name of the object (${meta.name ?? ''}) does not match the name on the URL (${name})`);
  const live = ctx.client.get(storageName(info), namespace, name);
  if (!live) return { ok: false, status: statusErrors.notFound({ group: info.group, resource: info.resource }, name) };
  if (meta.resourceVersion && meta.resourceVersion !== live.metadata.resourceVersion) {
    return { ok: false, status: statusErrors.conflict({ group: info.group, resource: info.resource }, name, 'the object has been modified; please apply your changes to the latest version and try again') };
  }
  const replicas = (value.spec as { replicas?: unknown } | undefined)?.replicas ?? 0;
  const w = ctx.client.patch(storageName(info), namespace, name, { spec: { replicas } }, 'merge');
  return w.ok ? { ok: true, object: scaleOf(w.object) } : w;
}

/** Runs `kubectl replace --raw URI -f FILE` (flags already validated). */
export function runRawPut(ctx: CommandContext, uri: string, filename: string): CommandResult {
  let body: string | undefined;
  if (filename === '-') {
    body = ctx.stdin?.text ?? '';
    if (ctx.stdin) ctx.stdin.text = undefined;
  } else body = ctx.env.files.read(filename);
  if (body === undefined) return err.message(`open ${filename}: no such file or directory`);
  const path = uri.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/, '').replace(/[?#].*$/, '');
  let target = parsePath(ctx, path);
  let subresource: string | undefined;
  const sub = /^(.*)\/([^/]+)$/.exec(path);
  const parent = !target && sub ? parsePath(ctx, sub[1]) : undefined;
  if (parent?.name !== undefined) [target, subresource] = [parent, sub![2]];
  if (!target || (subresource !== undefined && subresource !== 'status' && subresource !== 'scale')) return notFound();
  if (target.name === undefined) return err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'MethodNotAllowed', code: 405, message: 'the server does not allow this method on the requested resource' });
  const { info, namespace, name } = target;
  let r: Put | KubectlError;
  if (subresource === 'scale') r = SCALABLE.has(info.kind) ? putScale(ctx, info, namespace, name, body) : notFound();
  else if (subresource === 'status' && !info.hasStatus) r = notFound();
  else {
    const d = decodeFor(ctx, body, info, namespace, name);
    if ('error' in d) return d.error;
    r = subresource === 'status' ? statusUpdate(ctx, info, d.obj) : ctx.client.update(d.obj);
  }
  if ('type' in r) return r;
  if (!r.ok) return err.status(r.status);
  ctx.cluster.runUntilIdle();
  ctx.out(`${wireJson(r.object)}\n`);
  return 0;
}

/** PUT …/NAME/status: the object's status (and annotations) only; a stale resourceVersion conflicts. */
export function statusUpdate(ctx: CommandContext, info: ResourceInfo, obj: KubeObject, dryRun = false): Put {
  const gr = { group: info.group, resource: info.resource };
  const live = ctx.client.get(storageName(info), obj.metadata.namespace, obj.metadata.name);
  if (!live) return { ok: false, status: statusErrors.notFound(gr, obj.metadata.name) };
  if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== live.metadata.resourceVersion) {
    return { ok: false, status: statusErrors.conflict(gr, obj.metadata.name, 'the object has been modified; please apply your changes to the latest version and try again') };
  }
  if (dryRun) return { ok: true, object: { ...live, metadata: { ...live.metadata, annotations: obj.metadata.annotations ?? live.metadata.annotations }, status: obj.status } };
  return ctx.client.updateStatus(obj);
}
