import type { ImageRef } from '../images/imageRef';

/** Where a container is in its life, as the simulated container runtime sees it. */
export type ContainerPhase = 'pending' | 'pulling' | 'pulled' | 'created' | 'running' | 'exited';

export interface ContainerRuntime {
  name: string;
  ref: ImageRef;
  phase: ContainerPhase;
  pullRequestedAt?: number;
  pullStartAt?: number;
  pullDoneAt?: number;
  /** When a created container starts running. */
  startAt?: number;
  startedAt?: number;
  containerID?: string;
  exitAt?: number;
  exitCode?: number;
  exitReason?: string;
  finishedAt?: number;
  restartCount: number;
  /** The status last reported for this container, reused while nothing changed. */
  lastStatus?: import('kubernetes-types/core/v1').ContainerStatus;
  lastStatusSignature?: string;
}

/** A pod as the kubelet's runtime holds it (sandbox, IP, containers). */
export interface PodRuntime {
  uid: string;
  key: string;
  node: string;
  admittedAt: number;
  /** When the pod sandbox (network namespace, IP) is ready. */
  sandboxAt: number;
  ip?: string;
  containers: ContainerRuntime[];
  /** Set when the API asked for deletion: containers are being stopped. */
  killing?: { startedAt: number; deadline: number };
}

/** One node's container runtime: pulled images, the pull queue and the pod IP pool. */
export interface NodeRuntime {
  name: string;
  /** The kubelet's API identity on this node: `kubelet/<name>`. */
  actor: string;
  /** Pulled images: full reference → compressed size. */
  images: Map<string, number>;
  /** Pulls are serialised (kubelet `serializeImagePulls: true`): the queue is free from this time. */
  pullBusyUntil: number;
  /** Images with a pull queued or under way → when that pull completes. */
  pulling: Map<string, number>;
  /** Network address of the node's pod CIDR and the in-use host numbers. */
  cidrBase: number;
  cidrSize: number;
  usedIPs: Set<number>;
  lastIP: number;
  imagesChanged: boolean;
  lastStatusReport: number;
  hostIP: string;
}
