import type { ContainerProcess } from './process';
/** What a container's process is made from and reports: the contract between the kubelet and `ContainerProcess`. */
import type { ImageProfile } from '../images/catalog';
import type { ContainerNetwork } from './netTools';
import type { ExecRun } from './execRun';
import type { EtcdView } from './etcdctl';
import type { RedisServer } from './redis';

/** One line a container wrote, with the virtual time it was written. */
export interface LogLine {
  at: number;
  text: string;
  /** Written without a newline (the program paused mid-line): printed as is, the next entry going on from it. */
  partial?: boolean;
}

/** Logs kept per container (the kubelet rotates at 10 MiB; lines are what matter here). */
export const MAX_LOG_LINES = 5_000;

export interface ProcessSpec {
  profile: ImageProfile;
  /** The image name as written (for messages). */
  image: string;
  command?: readonly string[];
  args?: readonly string[];
  /** Where the environment, files and network come from, asked for on first use (most programs never ask). */
  context: ProcessContext;
  stdin?: boolean;
  tty?: boolean;
  /** `resources.limits.memory` in bytes. */
  memoryLimit?: number;
  hostname: string;
  podIP: string;

  initContainer: boolean;
  startedAt: number;
}

/**
 * What a container's process gets from its pod, built on first use: one
 * object per container rather than a closure per item (a 150,000-pod
 * cluster keeps one of these per container).
 */
export interface ProcessContext {
  /** The environment variables. */
  env(): Map<string, string>;
  /** The files it starts with (/etc/hostname, mounted volumes, …). */
  files(): Map<string, string>;
  /** The pod's view of the cluster network (curl, wget, nslookup); absent in tests without one. */
  network?(): ContainerNetwork;
  /** The CPUs of the node it runs on (a container sees them all); 1 when unknown. */
  cpus?(): number;
  /** The cluster's etcd, for the control plane's etcd container (its etcdctl reads it). */
  etcd?(): EtcdView | undefined;
  /** The files of the running container of the same name in the pod a host name names (`zk-1.zk-hs.default.svc.cluster.local`). */
  peerFiles?(host: string): Map<string, string> | undefined;
}

export interface Exit {
  code: number;
  reason: 'Completed' | 'Error' | 'OOMKilled' | 'StartError';
  at: number;
  message?: string;
}

/** The state of the few processes that use more than their image's program. */
export interface ProcessExtras {
  files: Map<string, string> | undefined;
  env: Map<string, string> | undefined;
  /** Extra memory allocated by the program (e.g. `stress --vm-bytes`), bytes. */
  allocated: number;
  /** CPU hogs started by the program (`stress --cpu N`), in cores. */
  cpuHogs: number;
  /** When `agnhost liveness` started serving: its /healthz fails 10 s later. */
  agnhostLivenessSince: number | undefined;
  /** Requests served per virtual second over the last minute (ring buffer), for the CPU model. */
  hits: Int32Array | undefined;
  hitsSecond: number;
  /** The last process id handed to a command run in the container (`imageCommands.ts`). */
  lastPid: number | undefined;
  /** The container's redis server: its keys and settings (`redis.ts`). */
  redis: RedisServer | undefined;
}

/** An interactive shell running in a container (see `ContainerProcess.session`). */
export interface ContainerShell {
  /** The process it runs in: when the container's process is another (a restart), the session is over. */
  readonly process: ContainerProcess;
  readonly cwd: string;
  /** The status it ended with (`exit`), once it has. */
  readonly exited: number | undefined;
  /** Starts one typed line at `now`, to run over virtual time. */
  run(line: string, now: number): ExecRun;
  /** Tab at `cursor` in a line typed into it: the words that complete the word there (commands, or paths in the container). */
  complete(line: string, cursor: number): string[];
}

/**
 * A container's process as the simulation runs it: what the image's program
 * or the pod's command does over virtual time — its output, files, open
 * ports, memory, and when and how it exits. Deterministic: the same spec and
 * start time give the same run.
 */
