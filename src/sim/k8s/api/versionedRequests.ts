import type { ApiServer } from './apiServer';
import type { PatchOptions, PatchType } from './client';
import { conversionFor, servedObject, type VersionConversion } from './conversion';
import type { ApiMachinery } from './machinery';
import { fail, ok, statusErrors, type ApiResult } from './status';
import type { KubeObject } from './types';

/**
 * Requests at a version the API server serves but does not store
 * (`autoscaling/v1`): the request's object is converted to the storage
 * version, the API server core does the rest, and its answer is converted
 * back, as the real handlers decode to the internal type and encode the
 * answer at the request's version.
 */

/** A write of an object at a converted version, answered at that version. */
export function convertedWrite<T extends KubeObject>(conversion: VersionConversion, obj: KubeObject, write: (stored: KubeObject) => ApiResult<T>): ApiResult<T> {
  const r = write(conversion.toStorage(obj));
  return r.ok ? ok(conversion.fromStorage(r.object) as T) : r;
}

/** An object (or list) read as stored, served at `version` of its resource. */
export function readAt<T extends KubeObject>(server: ApiServer, resource: string, version: string, obj: T): T {
  const info = server.registry.byName(resource);
  const served = info && info.version !== version ? server.registry.atVersion(info, version) : undefined;
  return served ? servedObject(obj, served) : obj;
}

/**
 * PATCH at a version: the patch applies to the object as served at that
 * version (a v1 client's strategic merge patch names v1 fields), and the
 * result is stored as any write at that version is.
 */
export function patchAt<T extends KubeObject>(server: ApiServer, machinery: ApiMachinery, actor: string, resource: string, namespace: string | undefined, name: string, patch: unknown, type: PatchType, options: PatchOptions): ApiResult<T> {
  const info = server.registry.byName(resource);
  const served = info && options.version !== undefined && options.version !== info.version ? server.registry.atVersion(info, options.version) : undefined;
  const conversion = served && conversionFor(served.group ? `${served.group}/${served.version}` : served.version, served.kind);
  if (!info || !served || !conversion) return server.patch<T>(actor, resource, namespace, name, patch, type, options);
  const old = server.get<KubeObject>(resource, info.namespaced ? namespace || 'default' : undefined, name);
  if (!old) return fail(statusErrors.notFound({ group: info.group, resource: info.resource }, name));
  const res = machinery.applyPatch(conversion.fromStorage(old), patch, type, served);
  if (!res.ok) return fail(statusErrors.badRequest(res.message));
  const next = { ...res.object, metadata: { ...res.object.metadata, resourceVersion: undefined } };
  return convertedWrite<T>(conversion, next, (stored) => server.update<T>(actor, stored, options, 'patch'));
}
