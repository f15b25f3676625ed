import type { EphemeralContainer } from 'kubernetes-types/core/v1';
import type { ApiServer } from './apiServer';
import { updateEphemeralContainers } from './ephemeralContainers';
import type { ApiClient, DeleteOptions, EvictOptions, ListOptions, PatchOptions, PatchType, WriteOptions } from './client';
import { conversionFor } from './conversion';
import type { ApiMachinery } from './machinery';
import type { KubeObject } from './types';
import { convertedWrite, patchAt, readAt } from './versionedRequests';

/**
 * An `ApiClient` bound to one actor: every call goes to the API server in
 * that actor's name, objects at a served version other than the stored one
 * converted on the way in and out (`versionedRequests.ts`).
 */
export class ApiServerClient implements ApiClient {
  constructor(
    private readonly server: ApiServer,
    readonly actor: string,
    private readonly machinery: ApiMachinery,
  ) {}
  get<T extends KubeObject>(resource: string, namespace: string | undefined, name: string, version?: string) {
    const obj = this.server.get<T>(resource, namespace, name);
    return obj && version !== undefined ? readAt(this.server, resource, version, obj) : obj;
  }
  list<T extends KubeObject>(resource: string, options?: ListOptions) {
    const items = this.server.list<T>(resource, options);
    const version = options?.version;
    return version === undefined ? items : items.map((o) => readAt(this.server, resource, version, o));
  }
  create<T extends KubeObject>(obj: KubeObject, options?: WriteOptions) {
    const conversion = conversionFor(obj.apiVersion, obj.kind);
    if (!conversion) return this.server.create<T>(this.actor, obj, options);
    return convertedWrite<T>(conversion, obj, (stored) => this.server.create<T>(this.actor, stored, options));
  }
  update<T extends KubeObject>(obj: KubeObject, options?: WriteOptions) {
    const conversion = conversionFor(obj.apiVersion, obj.kind);
    if (!conversion) return this.server.update<T>(this.actor, obj, options);
    return convertedWrite<T>(conversion, obj, (stored) => this.server.update<T>(this.actor, stored, options));
  }
  updateStatus<T extends KubeObject>(obj: KubeObject) {
    const conversion = conversionFor(obj.apiVersion, obj.kind);
    if (!conversion) return this.server.updateStatus<T>(this.actor, obj);
    return convertedWrite<T>(conversion, obj, (stored) => this.server.updateStatus<T>(this.actor, stored));
  }
  patch<T extends KubeObject>(resource: string, namespace: string | undefined, name: string, patch: unknown, type: PatchType, options?: PatchOptions) {
    if (options?.version === undefined) return this.server.patch<T>(this.actor, resource, namespace, name, patch, type, options);
    return patchAt<T>(this.server, this.machinery, this.actor, resource, namespace, name, patch, type, options);
  }
  delete<T extends KubeObject>(resource: string, namespace: string | undefined, name: string, options?: DeleteOptions) {
    return this.server.delete<T>(this.actor, resource, namespace, name, options);
  }
  evict(namespace: string, name: string, options?: EvictOptions) {
    return this.server.evict(this.actor, namespace, name, options);
  }
  bind(namespace: string, name: string, nodeName: string) {
    return this.server.bind(this.actor, namespace, name, nodeName);
  }
  updateEphemeralContainers(namespace: string, name: string, containers: EphemeralContainer[]) {
    return updateEphemeralContainers(this.server, this.actor, namespace, name, containers);
  }
}
