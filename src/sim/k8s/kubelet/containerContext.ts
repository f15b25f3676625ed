import type { Container, Node } from 'kubernetes-types/core/v1';
import { bytesOf, cpuMillis } from '../../../lib/quantity';
import { objectKey } from '../../engine/store';
import { etcdEntries } from '../api/etcdKeys';
import type { KubeObject } from '../api/types';
import type { EtcdView } from '../containers/etcdctl';
import type { ContainerNetwork } from '../containers/netTools';
import type { ProcessContext, ProcessSpec } from '../containers/process';
import type { K8sContext } from '../controllers/context';
import { imageFiles, type ImageProfile } from '../images/catalog';
import { podNetwork } from '../network/podNetwork';
import { containerEnv, containerFiles } from './containerEnv';
import { packTime, unpackTime, type PackedTime } from './packedTime';
import type { NodeRuntime } from './runtime';
import type { KubeletState, PodObj } from './syncPod';

/**
 * What one container's process is started with (`ProcessSpec`), and its
 * environment, files and network, computed when its program first asks
 * (`ProcessContext`): one object per container. It reads the pod's metadata
 * and spec as they were at the start, never its status (the IPs come as
 * arguments), so a running container does not keep its pod's superseded
 * status objects alive (~1 KB a pod at 150,000 pods); of the metadata it
 * keeps only what a container reads (name, namespace, uid, labels and
 * annotations: objects the pod's later versions share), not the metadata
 * object itself, which the kubelet's own status write supersedes (~120 B a pod).
 */
export class ContainerContext implements ProcessSpec, ProcessContext {
  readonly memoryLimit: number | undefined;
  readonly initContainer: boolean;
  private readonly name: string;
  private readonly namespace: string | undefined;
  private readonly uid: string | undefined;
  private readonly labels: PodObj['metadata']['labels'];
  private readonly annotations: PodObj['metadata']['annotations'];
  private readonly podSpec: PodObj['spec'];
  /** The start time, packed (a small integer in the object itself: no heap number per container). */
  private readonly started: PackedTime;

  constructor(
    readonly profile: ImageProfile,
    pod: PodObj,
    private readonly container: Container,
    readonly podIP: string,
    init: boolean,
    startedAt: number,
    private readonly node: NodeRuntime,
    private readonly services: () => Record<string, string>,
    private readonly ctx: K8sContext,
    private readonly state: KubeletState,
  ) {
    const limit = container.resources?.limits?.memory;
    this.memoryLimit = limit === undefined ? undefined : bytesOf(limit);
    this.initContainer = init;
    this.started = packTime(startedAt);
    const meta = pod.metadata;
    this.name = meta.name;
    this.namespace = meta.namespace;
    this.uid = meta.uid;
    this.labels = meta.labels;
    this.annotations = meta.annotations;
    this.podSpec = pod.spec;
  }

  get startedAt(): number {
    return unpackTime(this.started);
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
    return this.podSpec?.hostname ?? this.name;
  }

  /** The pod as the container saw it at its start: what it reads of the metadata, and the spec; no status. */
  private pod(): PodObj {
    const metadata: PodObj['metadata'] = { name: this.name, namespace: this.namespace, uid: this.uid };
    if (this.labels !== undefined) metadata.labels = this.labels;
    if (this.annotations !== undefined) metadata.annotations = this.annotations;
    return { apiVersion: 'v1', kind: 'Pod', metadata, spec: this.podSpec };
  }

  env(): Map<string, string> {
    const r = containerEnv(this.pod(), this.container, this.ctx.store, this.node.name, this.podIP, this.node.hostIP, this.services);
    return r.ok ? r.env : new Map();
  }

  files(): Map<string, string> {
    return containerFiles(this.pod(), this.podIP, this.container, this.ctx, this.node.name, imageFiles(this.profile, this.image));
  }

  cpus(): number {
    const node = this.ctx.store.get<KubeObject & Node>('nodes', this.node.name);
    return Math.max(1, Math.floor(cpuMillis(node?.status?.capacity?.cpu) / 1000));
  }

  /** The cluster's etcd as its etcdctl sees it, in the control plane's etcd static Pod only (an etcd Pod of one's own is an empty etcd). */
  etcd(): EtcdView | undefined {
    const mirror = this.annotations?.['kubernetes.io/config.mirror'] !== undefined;
    if (!mirror || this.namespace !== 'kube-system' || this.container.name !== 'etcd') return undefined;
    const store = this.ctx.store;
    const ip = this.node.hostIP;
    return { entries: () => etcdEntries(store), peerURL: `https://${ip}:2380`, clientURL: `https://${ip}:2379`, name: this.node.name };
  }

  /** The files of the running container named as this one in the pod `host` names: `POD.SUBDOMAIN.NAMESPACE.svc…`, or `POD` in this namespace. */
  peerFiles(host: string): Map<string, string> | undefined {
    const [pod, , ns] = host.split('.');
    const rt = this.state.pods.get(objectKey(ns ?? this.namespace, pod));
    const proc = rt?.containers.find((c) => c.name === this.container.name)?.proc;
    return proc && !proc.exit ? proc.files : undefined;
  }

  network(): ContainerNetwork {
    return podNetwork(this.ctx, this.state, this.pod(), this.podIP);
  }
}
