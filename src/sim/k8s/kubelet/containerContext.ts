import type { Container } from 'kubernetes-types/core/v1';
import { bytesOf } from '../../../lib/quantity';
import type { ContainerNetwork } from '../containers/netTools';
import type { ProcessContext, ProcessSpec } from '../containers/process';
import type { K8sContext } from '../controllers/context';
import type { ImageProfile } from '../images/catalog';
import { podNetwork } from '../network/podNetwork';
import { containerEnv, containerFiles } from './containerEnv';
import type { NodeRuntime } from './runtime';
import type { KubeletState, PodObj } from './syncPod';

/**
 * What one container's process is started with (`ProcessSpec`), and its
 * environment, files and network, computed when its program first asks
 * (`ProcessContext`): one object per container. It reads the pod's metadata
 * and spec as they were at the start, never its status (the IPs come as
 * arguments), so a running container does not keep its pod's superseded
 * status objects alive (~1 KB a pod at 150,000 pods).
 */
export class ContainerContext implements ProcessSpec, ProcessContext {
  readonly memoryLimit: number | undefined;
  readonly initContainer: boolean;
  private readonly apiVersion: PodObj['apiVersion'];
  private readonly kind: PodObj['kind'];
  private readonly metadata: PodObj['metadata'];
  private readonly podSpec: PodObj['spec'];

  constructor(
    readonly profile: ImageProfile,
    pod: PodObj,
    private readonly container: Container,
    readonly podIP: string,
    init: boolean,
    readonly startedAt: number,
    private readonly node: NodeRuntime,
    private readonly services: () => Record<string, string>,
    private readonly ctx: K8sContext,
    private readonly state: KubeletState,
  ) {
    const limit = container.resources?.limits?.memory;
    this.memoryLimit = limit === undefined ? undefined : bytesOf(limit);
    this.initContainer = init;
    this.apiVersion = pod.apiVersion;
    this.kind = pod.kind;
    this.metadata = pod.metadata;
    this.podSpec = pod.spec;
  }

  get context(): ProcessContext {
    return this;
  }

  // The rest of the spec is read from the container and the pod (fewer fields per container).
  get image(): string {
    return this.container.image ?? '';
  }

  get command(): readonly string[] | undefined {
    return this.container.command;
  }

  get args(): readonly string[] | undefined {
    return this.container.args;
  }

  get stdin(): boolean | undefined {
    return this.container.stdin;
  }

  get tty(): boolean | undefined {
    return this.container.tty;
  }

  get hostname(): string {
    return this.podSpec?.hostname ?? this.metadata.name;
  }

  /** The pod as the container saw it at its start: metadata and spec, no status. */
  private pod(): PodObj {
    return { apiVersion: this.apiVersion, kind: this.kind, metadata: this.metadata, spec: this.podSpec };
  }

  env(): Map<string, string> {
    const r = containerEnv(this.pod(), this.container, this.ctx.store, this.node.name, this.podIP, this.node.hostIP, this.services);
    return r.ok ? r.env : new Map();
  }

  files(): Map<string, string> {
    return containerFiles(this.pod(), this.podIP, this.container, this.ctx, this.node.name);
  }

  network(): ContainerNetwork {
    return podNetwork(this.ctx, this.state, this.pod(), this.podIP);
  }
}
