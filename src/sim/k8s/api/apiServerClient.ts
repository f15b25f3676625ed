import type { EphemeralContainer } from 'kubernetes-types/core/v1';
import type { ApiServer } from './apiServer';
import { updateEphemeralContainers } from './ephemeralContainers';
import type { ApiClient, DeleteOptions, EvictOptions, ListOptions, PatchType, WriteOptions } from './client';
import type { KubeObject } from './types';

/** An `ApiClient` bound to one actor: every call goes to the API server in that actor's name. */
export class ApiServerClient implements ApiClient {
  constructor(
    private readonly server: ApiServer,
    readonly actor: string,
  ) {}
  get<T extends KubeObject>(resource: string, namespace: string | undefined, name: string) {
    return this.server.get<T>(resource, namespace, name);
  }
  list<T extends KubeObject>(resource: string, options?: ListOptions) {
    return this.server.list<T>(resource, options);
  }
  create<T extends KubeObject>(obj: KubeObject, options?: WriteOptions) {
    return this.server.create<T>(this.actor, obj, options);
  }
  update<T extends KubeObject>(obj: KubeObject, options?: WriteOptions) {
    return this.server.update<T>(this.actor, obj, options);
  }
  updateStatus<T extends KubeObject>(obj: KubeObject) {
    return this.server.updateStatus<T>(this.actor, obj);
  }
  patch<T extends KubeObject>(resource: string, namespace: string | undefined, name: string, patch: unknown, type: PatchType, options?: WriteOptions) {
    return this.server.patch<T>(this.actor, resource, namespace, name, patch, type, options);
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
