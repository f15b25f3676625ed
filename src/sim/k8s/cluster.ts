import { createRng } from '../../lib/rng';
import { ActivityLog } from '../engine/activity';
import { VirtualClock } from '../engine/clock';
import { ControllerManager } from '../engine/controllerManager';
import { ObjectStore, objectKey } from '../engine/store';
import { ApiServer } from './api/apiServer';
import { apiMachinery } from './api/machinery';
import type { ApiClient } from './api/client';
import { ResourceRegistry, storageName } from './api/resources';
import type { KubeObject } from './api/types';
import { bootstrapCluster } from './bootstrap/bootstrap';
import { createNodeMembership } from './bootstrap/nodeMembership';
import type { ClusterConfig, K8sContext, K8sController } from './controllers/context';
import { createStatefulSetController } from './controllers/statefulset/statefulSetController';
import { createDaemonSetController } from './controllers/daemonset/daemonSetController';
import { createDeploymentController } from './controllers/deployment/deploymentController';
import { createDisruptionController } from './controllers/disruption/disruptionController';
import { createEndpointsController } from './controllers/endpoints/endpointsController';
import { createEndpointSliceController } from './controllers/endpointslice/endpointSliceController';
import { createEndpointSliceMirroringController } from './controllers/endpointslice/endpointSliceMirroringController';
import { createCronJobController } from './controllers/cronjob/cronJobController';
import { createJobController } from './controllers/job/jobController';
import { createTTLAfterFinishedController } from './controllers/job/ttlAfterFinishedController';
import { createGarbageCollector } from './controllers/gc/garbageCollector';
import { createPodGCController } from './controllers/podgc/podGCController';
import { createNamespaceController } from './controllers/namespaceController';
import { createResourceQuotaController } from './controllers/quota/resourceQuotaController';
import { createPersistentVolumeController } from './controllers/persistentvolume/persistentVolumeController';
import { createLocalPathProvisioner } from './controllers/persistentvolume/localPathProvisioner';
import { createNodeLifecycleController } from './controllers/nodeLifecycleController';
import { createReplicaSetController } from './controllers/replicaset/replicaSetController';
import { createServiceAccountController } from './controllers/serviceAccountController';
import { createClusterRoleAggregationController } from './controllers/rbac/clusterRoleAggregation';
import { createRootCACertPublisher } from './controllers/rootca/rootCACertPublisher';
import { createTaintEvictionController } from './controllers/tainteviction/taintEvictionController';
import { EventLog } from './events/eventLog';
import { EventRecorder } from './events/eventRecorder';
import { KUBERNETES_VERSION, type Cluster, type ClusterOptions, type NodePowerResult } from './index';
import { serveApi } from './api/apiHttp';
import { API_SERVER_ADDRESS } from './version';
import { authorizingClient } from './api/authorizingClient';
import { authorize, rulesFor } from './api/rbacAuthorizer';
import { containerLogs, crashContainer, execInContainer, openShell, runInShell, type ExecStream } from './kubelet/containerApi';
import { httpGet } from './network/http';
import { TrafficMeter } from './network/trafficMeter';
import { nodeMetrics, podMetrics } from './metrics/usage';
import { createHPAController } from './controllers/hpa/hpaController';
import { createIngressNginxController } from './controllers/ingress/ingressNginxController';
import { createKubelets } from './kubelet/kubeletController';
import { createScheduler } from './scheduler/schedulerController';

const DEFAULT_START = '2025-03-01T09:00:00Z';

/**
 * Creates a running simulated cluster: API server, controllers, scheduler
 * and kubelets on a virtual clock, bootstrapped to the default cluster
 * (`control-plane` + `worker-1..N`).
 * @example const c = createCluster({ seed: 7 }); c.client().list('nodes').length // 4
 */
export function createCluster(options: ClusterOptions = {}): Cluster {
  const seed = options.seed ?? 1;
  const config: ClusterConfig = {
    workers: options.workers ?? 3,
    nodeCpu: options.nodeCpu ?? '4',
    nodeMemory: options.nodeMemory ?? '8Gi',
    maxPods: 110,
    kubernetesVersion: KUBERNETES_VERSION,
  };
  const startIso = options.startTime ?? DEFAULT_START;
  const clock = new VirtualClock(Date.parse(startIso));
  const rng = createRng(seed);
  const store = new ObjectStore();
  const activity = new ActivityLog();
  const traffic = new TrafficMeter();
  const registry = new ResourceRegistry();
  const server = new ApiServer({ store, clock, rng, registry, machinery: apiMachinery, activity });
  const eventLog = new EventLog(store, 'events', Math.imul(seed, 0x9e3779b1) >>> 0, () => clock.now());
  store.defineVirtual('events', eventLog);
  const recorder = new EventRecorder(eventLog);
  const resources = registry.all.map(storageName);
  const namespaced = registry.all.filter((i) => i.namespaced).map(storageName);
  const kubelets = createKubelets();
  const scheduler = createScheduler();
  const controllers: K8sController[] = [
    createServiceAccountController(),
    createRootCACertPublisher(),
    createClusterRoleAggregationController(),
    createDeploymentController(store),
    createReplicaSetController(store),
    createJobController(store),
    createTTLAfterFinishedController(),
    createCronJobController(),
    createDaemonSetController(store),
    createStatefulSetController(store),
    createGarbageCollector(store, resources.filter((r) => r !== 'events')),
    createPodGCController(),
    createNamespaceController(store, namespaced),
    createNodeLifecycleController(),
    createHPAController((namespace) => podMetrics(store, kubelets.state, clock.now(), namespace)),
    createTaintEvictionController(),
    createDisruptionController(store),
    createResourceQuotaController(store),
    createPersistentVolumeController(),
    createLocalPathProvisioner(),
    scheduler.controller,
    kubelets.controller,
    createEndpointsController(store),
    createEndpointSliceController(),
    createEndpointSliceMirroringController(),
    createIngressNginxController(),
  ];
  const contexts = new Map<string, K8sContext>();
  const clients = new Map<string, ApiClient>();
  const clientAs = (actor: string) => {
    let c = clients.get(actor);
    if (!c) clients.set(actor, (c = server.client(actor)));
    return c;
  };
  const ctxFor = (controller: K8sController): K8sContext => {
    let ctx = contexts.get(controller.name);
    if (ctx) return ctx;
    const name = controller.name;
    ctx = {
      name,
      api: clientAs(name),
      clientAs,
      store,
      clock,
      rng,
      activity,
      config,
      event: (obj, type, reason, message, opts) => recorder.recordAs(name, opts?.host, obj, type, reason, message, opts?.fieldPath),
      eventSource: (host) => recorder.sourceFor(name, host),
      eventFrom: (source, obj, type, reason, message, fieldPath) => recorder.recordFrom(source, obj, type, reason, message, fieldPath),
      note: (message, key) => activity.record({ at: clock.now(), actor: name, type: 'note', message, key }),
      wakeAfter: (key, ms) => clock.wakeAfter(name, key, ms),
      wakeAt: (key, at) => clock.wakeAt(name, key, at),
    };
    contexts.set(name, ctx);
    return ctx;
  };
  const manager = new ControllerManager<K8sContext>(store, clock, ctxFor);
  for (const c of controllers) manager.register(c);
  bootstrapCluster(server, kubelets, recorder, config, rng, clock.timestamp(), () => manager.runUntilIdle());
  // The learner arrives a moment after kubeadm finished: controllers still busy with the bootstrap objects (CoreDNS) are idle again.
  manager.runUntil(clock.now() + 1);

  const membership = createNodeMembership({ store, clock, rng, config, kubelets, recorder, clientAs, settleNow: () => manager.runUntil(clock.now()) });

  /** `kubeplay node stop|start`: the machine under a node loses or regains power. */
  const setPower = (name: string, on: boolean): NodePowerResult => {
    const node = store.get<KubeObject>('nodes', name);
    if (!node) return { type: 'notFound' };
    if (node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined) {
      return { type: 'notSimulated', reason: `${name} runs the control plane itself (API server, etcd, scheduler, controllers): powering it off would stop the whole cluster` };
    }
    const changed = kubelets.setPower(name, on, clock.now());
    if (changed === undefined) return { type: 'notFound' };
    if (changed && on) {
      manager.enqueue(kubelets.controller.name, `node:${name}`);
      manager.runUntil(clock.now());
    }
    return { type: changed ? 'changed' : 'unchanged' };
  };

  /**
   * A command run in a container whose stream, once the command has ended,
   * has the kubelet look at the pod: the command may have ended the
   * container's own process (`nginx -s stop`), which the PLEG then sees.
   */
  const syncWhenEnded = <R extends { ok: boolean; stream?: ExecStream }>(r: R, namespace: string, name: string): R => {
    const s = r.ok ? r.stream : undefined;
    if (!s) return r;
    let told = false;
    const stream: ExecStream = {
      poll() {
        const out = s.poll();
        if (out.code !== undefined && !told) {
          told = true;
          manager.enqueue(kubelets.controller.name, objectKey(namespace, name));
        }
        return out;
      },
      get wakeAt() {
        return s.wakeAt;
      },
      cancel: () => s.cancel(),
    };
    return { ...r, stream };
  };

  return {
    config,
    seed,
    resources: registry,
    activity,
    startTime: Date.parse(startIso),
    traffic,
    now: () => clock.now(),
    client: (actor = 'kubectl') => clientAs(actor),
    clientFor: (user, strict) => authorizingClient(clientAs('kubectl'), store, registry, user, strict),
    authorize: (user, attributes) => authorize(store, user, attributes),
    rulesFor: (user, namespace) => rulesFor(store, user, namespace),
    apiRequest: (request) =>
      serveApi(
        {
          registry,
          client: clientAs('kube-apiserver'),
          resourceVersion: () => store.currentResourceVersion,
          authorize: (user, a) => authorize(store, user, a),
          proxyGet: (url, namespace, userAgent, hostHeader) => httpGet({ store, view: clientAs('kube-proxy'), kubelets: kubelets.state, rng, now: clock.now() }, { namespace, ip: API_SERVER_ADDRESS.split(':')[0], userAgent, hostHeader }, url),
        },
        request,
      ),
    watch: (resource, handler) => store.watch(resource, handler),
    watchAll: (handler) => store.watchAll(handler),
    eventsSince: (resource, rv) => store.eventsSince(resource, rv),
    currentResourceVersion: () => store.currentResourceVersion,
    advance: (ms) => manager.runUntil(clock.now() + ms),
    advanceTo: (ms) => manager.runUntil(ms),
    runUntilIdle: () => manager.runUntilIdle(),
    nextWakeAt: () => clock.nextTimerAt(),
    eventsFor: (obj: KubeObject) => (obj.metadata.uid ? store.listByIndex<KubeObject>('events', 'involvedUid', obj.metadata.uid) : []),
    schedulingDecision: (namespace, name) => scheduler.decision(namespace, name),
    stopNode: (name) => setPower(name, false),
    startNode: (name) => setPower(name, true),
    isNodeStopped: (name) => kubelets.isStopped(name),
    addNode: (spec) => membership.addNode(spec),
    removeNode: (name) => membership.removeNode(name),
    resizeNode: (name, size) => membership.resizeNode(name, size),
    containerLogs: (namespace, name, container, previous = false) => containerLogs(store, kubelets.state, namespace, name, container, previous, clock.now()),
    execInContainer: (namespace, name, container, argv, stdin) => syncWhenEnded(execInContainer(store, kubelets.state, namespace, name, container, argv, () => clock.now(), stdin), namespace, name),
    openShell: (namespace, name, container, argv) => openShell(store, kubelets.state, namespace, name, container, argv, clock.now()),
    runInShell: (handle, line) => syncWhenEnded(runInShell(store, kubelets.state, handle, line, () => clock.now()), handle.namespace, handle.pod),
    podMetrics: (namespace) => podMetrics(store, kubelets.state, clock.now(), namespace),
    nodeMetrics: () => nodeMetrics(store, kubelets.state, clock.now()),
    httpGet: (url, from = {}) => {
      const cp = store.get<KubeObject>('nodes', 'control-plane');
      const nodeIP = (cp?.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '172.18.0.2';
      const r = httpGet({ store, view: clientAs('kube-proxy'), kubelets: kubelets.state, rng, now: clock.now() }, { namespace: from.namespace ?? 'default', ip: from.clientIP ?? nodeIP, pod: from.pod, userAgent: from.userAgent ?? 'curl/8.5.0', hostHeader: from.hostHeader, authorization: from.authorization, tls: from.tls }, url);
      // Through a Service (its cluster IP, a node port, or an Ingress's backend): the meter counts who answered.
      if (r.ok && r.metered) traffic.record(clock.now(), r.metered.service, r.metered.outcome);
      else if (r.service) traffic.record(clock.now(), r.service, r.ok ? { pod: `${r.pod.namespace}/${r.pod.name}` } : { failure: r.kind });
      return r;
    },
    crashContainer: (namespace, name, container, exitCode) => {
      const r = crashContainer(store, kubelets.state, namespace, name, container, clock.now(), exitCode);
      if (r.ok) {
        // The kubelet's PLEG sees the exit right away.
        manager.enqueue(kubelets.controller.name, objectKey(namespace, name));
        manager.runUntil(clock.now());
      }
      return r;
    },
  };
}
