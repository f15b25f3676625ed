import type { EphemeralContainer } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../../engine/store';
import type { ApiClient, DeleteOptions, EvictOptions, ListOptions, PatchOptions, PatchType, WriteOptions } from './client';
import { authorize, type RequestAttributes, type UserInfo } from './rbacAuthorizer';
import type { ResourceRegistry } from './resources';
import { fail, statusErrors, type ApiResult, type Status } from './status';
import type { KubeObject } from './types';

/** A read the authorizer refused while a command was being answered: kubectl prints it as `Error from server (Forbidden)`. */
export class ForbiddenError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
}

/** `forbiddenMessage` of the API server's authorization filter, then the authorizer's reason. */
export function forbiddenText(user: UserInfo, a: RequestAttributes, reason: string): string {
  let msg: string;
  if (a.path !== undefined) msg = `User ${JSON.stringify(user.name)} cannot ${a.verb} path ${JSON.stringify(a.path)}`;
  else {
    const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
    msg = a.namespace
      ? `User ${JSON.stringify(user.name)} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup ?? '')} in the namespace ${JSON.stringify(a.namespace)}`
      : `User ${JSON.stringify(user.name)} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup ?? '')} at the cluster scope`;
  }
  return reason ? `${msg}: ${reason}` : msg;
}

/**
 * The API as one user sees it through RBAC (kubectl `--as`): every call is
 * authorized first with the verb, resource and subresource the REST request
 * would carry; a refused write answers 403 Forbidden, a refused read throws
 * `ForbiddenError` while `strict()` says the command is being answered (and
 * comes back empty afterwards, from a watch's later polls).
 */
export function authorizingClient(inner: ApiClient, store: ObjectStore, registry: ResourceRegistry, user: UserInfo, strict: () => boolean): ApiClient {
  const infoOf = (resource: string) => registry.byName(resource);
  const check = (a: RequestAttributes, name = ''): Status | undefined => {
    const d = authorize(store, user, a);
    if (d.allowed) return undefined;
    const gr = { group: a.apiGroup ?? '', resource: a.resource! };
    return statusErrors.forbidden(gr, name, forbiddenText(user, a, d.reason));
  };
  const attrs = (resource: string, verb: string, namespace: string | undefined, name?: string, subresource?: string): RequestAttributes => {
    const info = infoOf(resource);
    return { verb, apiGroup: info?.group ?? '', resource: info?.resource ?? resource, subresource, namespace: info?.namespaced ? namespace || 'default' : undefined, name };
  };
  const ofObject = (obj: KubeObject, verb: string, subresource?: string) => {
    const info = registry.forKind(obj.apiVersion, obj.kind);
    return { verb, apiGroup: info?.group ?? '', resource: info?.resource ?? obj.kind.toLowerCase(), subresource, namespace: info?.namespaced ? obj.metadata.namespace || 'default' : undefined, name: verb === 'create' ? undefined : obj.metadata.name };
  };
  const refusedRead = (status: Status) => {
    if (strict()) throw new ForbiddenError(status);
  };
  const write = <T>(a: RequestAttributes, name: string, run: () => ApiResult<T>): ApiResult<T> => {
    const refused = check(a, name);
    return refused ? fail(refused) : run();
  };
  return {
    actor: inner.actor,
    get<T extends KubeObject>(resource: string, namespace: string | undefined, name: string, version?: string): T | undefined {
      const refused = check(attrs(resource, 'get', namespace, name), name);
      if (refused) return void refusedRead(refused);
      return inner.get<T>(resource, namespace, name, version);
    },
    list<T extends KubeObject>(resource: string, options?: ListOptions): T[] {
      const refused = check(attrs(resource, 'list', options?.namespace));
      if (refused) {
        refusedRead(refused);
        return [];
      }
      return inner.list<T>(resource, options);
    },
    create: <T extends KubeObject>(obj: KubeObject, options?: WriteOptions) => write(ofObject(obj, 'create'), '', () => inner.create<T>(obj, options)),
    update: <T extends KubeObject>(obj: KubeObject, options?: WriteOptions) => write(ofObject(obj, 'update'), obj.metadata.name, () => inner.update<T>(obj, options)),
    updateStatus: <T extends KubeObject>(obj: KubeObject) => write(ofObject(obj, 'update', 'status'), obj.metadata.name, () => inner.updateStatus<T>(obj)),
    patch: <T extends KubeObject>(resource: string, namespace: string | undefined, name: string, patch: unknown, type: PatchType, options?: PatchOptions) => write(attrs(resource, 'patch', namespace, name), name, () => inner.patch<T>(resource, namespace, name, patch, type, options)),
    delete: <T extends KubeObject>(resource: string, namespace: string | undefined, name: string, options?: DeleteOptions) => write(attrs(resource, 'delete', namespace, name), name, () => inner.delete<T>(resource, namespace, name, options)),
    evict: (namespace: string, name: string, options?: EvictOptions) => write(attrs('pods', 'create', namespace, name, 'eviction'), name, () => inner.evict(namespace, name, options)),
    bind: (namespace: string, name: string, nodeName: string) => write(attrs('pods', 'create', namespace, name, 'binding'), name, () => inner.bind(namespace, name, nodeName)),
    updateEphemeralContainers: (namespace: string, name: string, containers: EphemeralContainer[]) => write(attrs('pods', 'patch', namespace, name, 'ephemeralcontainers'), name, () => inner.updateEphemeralContainers(namespace, name, containers)),
  };
}
