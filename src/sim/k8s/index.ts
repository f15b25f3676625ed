/**
 * The public entry of the simulated Kubernetes cluster. Layers above `sim`
 * (shell, session, scenarios, tutor, state, viz, editor, ui) import only
 * from here.
 */
import type { Activity, ActivityLog } from '../engine/activity';
import type { EventsSince, WatchEvent, WatchHandler } from '../engine/store';
import type { CrashResult, ExecResult, LogsResult, OpenShellResult, ShellHandle, ShellLineResult } from './kubelet/containerApi';
import type { HttpResult } from './network/http';
import type { Decision, RequestAttributes, UserInfo } from './api/rbacAuthorizer';
import type { ApiHttpAnswer, ApiHttpRequest } from './api/apiHttp';
import type { PolicyRule } from 'kubernetes-types/rbac/v1';
import type { TrafficMeter } from './network/trafficMeter';
import type { MetricsResult, NodeMetrics, PodMetrics } from './metrics/usage';
import type { ApiClient } from './api/client';
import type { ResourceRegistry } from './api/resources';
import type { KubeObject } from './api/types';
import type { ClusterConfig } from './controllers/context';
import type { SchedulingDecision } from './scheduler/types';
import type { NodeJoinSpec, NodeResize, NodeShapeResult } from './bootstrap/nodeMembership';

export type { SchedulingDecision, SchedulingNodeVerdict } from './scheduler/types';
export type { Activity, ActivityLog, EventsSince, WatchEvent, WatchHandler, ApiClient, ClusterConfig, KubeObject };
export type { DeleteOptions, ListOptions, PatchOptions, PatchType, PropagationPolicy, WriteOptions } from './api/client';
export type { ApiResult, Status, StatusCause, StatusReason, GroupResource } from './api/status';
export { statusErrors, aggregateMessage, qualifiedResource } from './api/status';
export type { FieldError, FieldErrorType } from './api/fieldErrors';
export { fieldError, fieldErrorBody, fieldErrorString } from './api/fieldErrors';
export { goQuote, goValue, goStringMap, GoLiteral } from './api/goValue';
export type { ResourceInfo } from './api/resources';
export type { Decision, RequestAttributes, UserInfo } from './api/rbacAuthorizer';
export { allows, impersonatedUser, SUPERUSER_GROUP } from './api/rbacAuthorizer';
export { ForbiddenError, forbiddenText } from './api/authorizingClient';
export { serviceAccountToken } from './kubelet/serviceAccountToken';
export { parseApiPath, readApiResource, type ApiTarget, type ApiHttpAnswer, type ApiHttpRequest } from './api/apiHttp';
export { WATCH_HISTORY_SIZE } from '../engine/store';
export { ResourceRegistry, RESOURCES, storageName, apiVersionOf, kindGroup, splitApiVersion } from './api/resources';
export type { Requirement, Selector, Operator } from './api/selectors';
export {
  fromLabelSelector,
  fromSet,
  matches,
  labelSelectorMatches,
  selectorString,
  formatLabelSelector,
  parseSelector,
  SelectorParseError,
} from './api/selectors';
export type { Meta, Stored } from './api/types';
export { controllerRef } from './api/types';
export { toTimestamp, toMicroTimestamp, parseTimestamp } from '../engine/clock';
export type { SourcePosition, ManifestDocument, ManifestSyntaxError, ParsedManifests } from './api/manifests';
export { parseManifests } from './api/manifests';
export type { DecodeResult } from './api/decode';
export { decodeObject } from './api/decode';
export { LAST_APPLIED_ANNOTATION, applyPatch, createApplyPatch, lastAppliedValue } from './api/patch/applyPatch';
export { imageProfile, IMAGE_CATALOG } from './images/catalog';
export { containerShell, isInteractiveSession, isInteractiveShell } from './containers/interactiveShell';
export { accessLogLine, stampLogLine } from './containers/logStamp';
export { serverResponseBody } from './network/http';
export type { ClusterView } from './services/clusterView';
export type { DnsAnswer, DnsQueryOptions, DnsQueryType, DnsRecord, ResolvConf } from './services/dns';
export { resolveDns, reverseDns, podResolvConf, formatResolvConf, searchCandidates, clusterSearchPath, CLUSTER_DOMAIN, CLUSTER_DNS_IP } from './services/dns';
export type { AffinityEntry, BackendOptions, ProxyEndpoint, ServiceBackends } from './services/kubeProxy';
export { serviceBackends, pickEndpoint, pickEndpointWithAffinity, computeProbability, findServiceByIP, findServiceByNodePort } from './services/kubeProxy';
export { serviceEnvVars, podServiceEnv } from './services/serviceEnv';
export { isDNS1123Subdomain, isValidPortName, isValidPortNum } from './api/validation/names';
export { isQualifiedName, isValidLabelValue } from './api/validation/names';
export { isConfigMapKey } from './api/validation/configKinds';
export { encodeBase64 } from '../../lib/encodeBase64';
export type { ImageProfile } from './images/catalog';

export { API_SERVER_ADDRESS, KUBERNETES_VERSION, versionInfo } from './version';

export interface ClusterOptions {
  /** Seed of the random generator (pod names, IPs, tie-breaks). Default 1. */
  seed?: number;
  /** Worker nodes beside the control-plane node. Default 3. */
  workers?: number;
  /** Worker CPU capacity. Default `4`. */
  nodeCpu?: string;
  /** Worker memory capacity. Default `8Gi`. */
  nodeMemory?: string;
  /** Virtual time at which the cluster starts (RFC 3339). */
  startTime?: string;
}

/**
 * A running simulated cluster: the API server, controllers, scheduler and
 * kubelets on a virtual clock. Nothing happens between calls: time moves only
 * through `advance`.
 */
export interface Cluster {
  readonly config: ClusterConfig;
  readonly seed: number;
  readonly resources: ResourceRegistry;
  readonly activity: ActivityLog;
  /** Virtual time at which the cluster was created (ms since the epoch): "00:00:00" on the playground's clock. */
  readonly startTime: number;
  /** Requests through Services made with `httpGet` (`kubeplay traffic`), for the screen: read-only facts. */
  readonly traffic: TrafficMeter;
  /** Virtual time, ms since the epoch. */
  now(): number;
  /** An API client acting as `actor` (default `kubectl`). */
  client(actor?: string): ApiClient;
  /** kubectl's client as `user` (`--as`): every call authorized through RBAC first (`authorizingClient`). */
  clientFor(user: UserInfo, strict: () => boolean): ApiClient;
  /** The RBAC authorizer's answer for `user` (a SelfSubjectAccessReview). */
  authorize(user: UserInfo, attributes: RequestAttributes): Decision;
  /** The RBAC rules that apply to `user` in `namespace` (a SelfSubjectRulesReview). */
  rulesFor(user: UserInfo, namespace: string): PolicyRule[];
  /** The API server's answer to an HTTP GET (`kubectl proxy` passes the learner's on). */
  apiRequest(request: ApiHttpRequest): ApiHttpAnswer;
  watch(resource: string, handler: WatchHandler): () => void;
  watchAll(handler: WatchHandler): () => void;
  /**
   * The API server's watch window: events of a resource after resourceVersion
   * `rv`, oldest first (what `?watch=1&resourceVersion=rv` replays), or
   * `{ expired }` when the window no longer reaches back that far ("too old
   * resource version"); undefined for resources kept without history (events).
   */
  eventsSince(resource: string, rv: number): EventsSince | undefined;
  /** The latest resourceVersion handed out (a list's `metadata.resourceVersion`). */
  currentResourceVersion(): number;
  /** Runs the control plane for `ms` of virtual time. */
  advance(ms: number): void;
  /** Runs the control plane until virtual time `ms`. */
  advanceTo(ms: number): void;
  /** Lets controllers settle at the current instant (after a write). */
  runUntilIdle(): void;
  /** When something is next due to happen on its own (a timer), if anything. */
  nextWakeAt(): number | undefined;
  /** Events whose involvedObject is `obj` (by uid), oldest first. */
  eventsFor(obj: KubeObject): KubeObject[];
  /** The scheduler's last decision for a pod. */
  schedulingDecision(namespace: string, name: string): SchedulingDecision | undefined;
  /**
   * Playground (`kubeplay node stop NAME`): the machine under a node powers
   * off — its kubelet stops renewing the Lease, posting status and running
   * pods, which keep their last reported status. The node lifecycle
   * controller notices after the grace period.
   * @example cluster.stopNode('worker-1') // { type: 'changed' }
   */
  stopNode(name: string): NodePowerResult;
  /**
   * Playground (`kubeplay node start NAME`): the machine powers on again; its
   * kubelet starts, reports Ready and restarts the pods still bound to it.
   */
  startNode(name: string): NodePowerResult;
  /** Whether a node's machine is powered off (`kubeplay node stop`). */
  isNodeStopped(name: string): boolean;
  /**
   * Playground (`kubeplay node add`): a worker joins as after `kubeadm join`
   * — its kubelet registers the Node (hostname, os, arch labels; the zone
   * label when a zone is given; extra labels and taints), its Lease, pod CIDR
   * and registration events; DaemonSets and the scheduler pick it up.
   * @example cluster.addNode({ name: 'worker-4', zone: 'zone-b' }) // { type: 'added', name: 'worker-4' }
   */
  addNode(spec: NodeJoinSpec): NodeShapeResult;
  /**
   * Playground (`kubeplay node remove NAME`): the machine is gone and its
   * Node object deleted; the pod GC deletes the pods still bound to it
   * 40–60 s later and their controllers replace them elsewhere.
   */
  removeNode(name: string): NodeShapeResult;
  /** Playground (`kubeplay node set NAME --cpu/--memory/--max-pods`): the machine is resized; its kubelet reports the new capacity. */
  resizeNode(name: string, size: NodeResize): NodeShapeResult;
  /**
   * `GET pods/NAME/log`: a container's output so far (the first container
   * when none is named); with `previous`, the last terminated run's.
   */
  containerLogs(namespace: string, name: string, container?: string, previous?: boolean): LogsResult;
  /** `POST pods/NAME/exec`: starts a command in the running container now; its stream runs it as virtual time passes. */
  execInContainer(namespace: string, name: string, container: string | undefined, argv: string[], stdin?: string): ExecResult;
  /** `POST pods/NAME/exec` with a TTY: an interactive shell (`argv`: sh, bash…) in the running container. */
  openShell(namespace: string, name: string, container: string | undefined, argv: string[]): OpenShellResult;
  /** Starts one typed line in a shell `openShell` opened, now (a stream, as for exec); `ok: false` once its container has stopped. */
  runInShell(handle: ShellHandle, line: string): ShellLineResult;
  /**
   * One HTTP GET through the simulated network (DNS in `from.namespace`,
   * kube-proxy's random pick among ready endpoints, the target container's
   * answer and access log), from a client on the control-plane node unless
   * `from.clientIP` says otherwise. For `kubeplay traffic`. With `from.pod`,
   * from inside that pod (its `localhost`: what `kubectl port-forward` reaches).
   */
  httpGet(url: string, from?: { namespace?: string; clientIP?: string; userAgent?: string; hostHeader?: string; pod?: string; authorization?: string; tls?: 'verify' | 'insecure' | 'cacert' }): HttpResult;
  /**
   * The metrics API (`metrics.k8s.io`, what `kubectl top` reads): per-pod
   * container usage from the usage model, served while a metrics-server pod
   * is Ready (`kubeplay addon enable metrics-server`).
   */
  podMetrics(namespace?: string): MetricsResult<PodMetrics>;
  nodeMetrics(): MetricsResult<NodeMetrics>;
  /** Playground (`kubeplay container crash POD`): the container's process exits with code 1 (or `exitCode`) now. */
  crashContainer(namespace: string, name: string, container?: string, exitCode?: number): CrashResult;
}

export type { CrashResult, ExecResult, ExecStream, LogsResult, OpenShellResult, ShellHandle, ShellLineResult } from './kubelet/containerApi';
export type { HttpResult } from './network/http';
export { runCurl, type ContainerNetwork, type NetResult } from './containers/netTools';
export { TrafficMeter, type ServiceTraffic, type TrafficOutcome } from './network/trafficMeter';
export type { MetricsResult, NodeMetrics, PodMetrics } from './metrics/usage';
export type { LogLine } from './containers/process';

export type { NodeJoinSpec, NodeResize, NodeShapeResult } from './bootstrap/nodeMembership';
export { ZONE_LABEL } from './bootstrap/nodeMembership';
export type { Changing, SettleOptions, SettleResult } from './settle';
export { Settler, isHeartbeatOnly, SETTLE_MAX_MS, SETTLE_QUIET_MS } from './settle';

/** What `stopNode` / `startNode` did: powered it off or on, found it already so, or could not. */
export type NodePowerResult = { type: 'changed' } | { type: 'unchanged' } | { type: 'notFound' } | { type: 'notSimulated'; reason: string };

export { createCluster } from './cluster';
