import { createRng } from '../../../lib/rng';
import { ActivityLog } from '../../engine/activity';
import { VirtualClock } from '../../engine/clock';
import { ControllerManager } from '../../engine/controllerManager';
import { ObjectStore } from '../../engine/store';
import { ApiServer } from '../api/apiServer';
import { basicMachinery } from '../api/basicMachinery';
import type { ApiClient } from '../api/client';
import { ResourceRegistry, storageName } from '../api/resources';
import type { KubeObject } from '../api/types';
import { bootstrapCluster } from '../bootstrap/bootstrap';
import type { ClusterConfig, K8sContext, K8sController } from '../controllers/context';
import { createDeploymentController } from '../controllers/deployment/deploymentController';
import { createGarbageCollector } from '../controllers/gc/garbageCollector';
import { createNamespaceController } from '../controllers/namespaceController';
import { createNodeLifecycleController } from '../controllers/nodeLifecycleController';
import { createReplicaSetController } from '../controllers/replicaset/replicaSetController';
import { createServiceAccountController } from '../controllers/serviceAccountController';
import { EventRecorder } from '../events/eventRecorder';
import { createKubelets } from '../kubelet/kubeletController';
import { createScheduler, type Scheduler, type SchedulerOptions } from './schedulerController';

/**
 * A small cluster for scheduler tests, wired as `createCluster` wires it
 * (API server, the controllers, kubelets) with the
 * scheduler registered. Replace with `createCluster` once it runs the scheduler.
 */
export interface Harness {
  store: ObjectStore;
  clock: VirtualClock;
  scheduler: Scheduler;
  client: ApiClient;
  manager: ControllerManager<K8sContext>;
  advance(ms: number): void;
  events(obj: KubeObject): KubeObject[];
}

export function createHarness(opts: { workers?: number; nodeCpu?: string; nodeMemory?: string; seed?: number; scheduler?: SchedulerOptions } = {}): Harness {
  const config: ClusterConfig = { workers: opts.workers ?? 3, nodeCpu: opts.nodeCpu ?? '4', nodeMemory: opts.nodeMemory ?? '8Gi', maxPods: 110, kubernetesVersion: 'v1.32.2' };
  const clock = new VirtualClock(Date.parse('2025-03-01T09:00:00Z'));
  const rng = createRng(opts.seed ?? 1);
  const store = new ObjectStore();
  const activity = new ActivityLog();
  const registry = new ResourceRegistry();
  const server = new ApiServer({ store, clock, rng, registry, machinery: basicMachinery, activity });
  const recorder = new EventRecorder(store, clock, {
    createEvent: (e) => void server.client((e.source as { component: string }).component).create(e, { trusted: true }),
    updateEvent: (e) => void server.client((e.source as { component: string }).component).update(e, { trusted: true }),
  });
  const kubelets = createKubelets();
  const scheduler = createScheduler(opts.scheduler);
  const resources = registry.all.map(storageName);
  const namespaced = registry.all.filter((i) => i.namespaced).map(storageName);
  const controllers: K8sController[] = [
    createServiceAccountController(),
    createDeploymentController(store),
    createReplicaSetController(store),
    createGarbageCollector(store, resources.filter((r) => r !== 'events')),
    createNamespaceController(store, namespaced),
    createNodeLifecycleController(),
    scheduler.controller,
    kubelets.controller,
  ];
  const clients = new Map<string, ApiClient>();
  const clientAs = (actor: string) => {
    let c = clients.get(actor);
    if (!c) clients.set(actor, (c = server.client(actor)));
    return c;
  };
  const contexts = new Map<string, K8sContext>();
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
      event: (obj, type, reason, message, o) => recorder.record({ component: name, host: o?.host }, obj, type, reason, message, o?.fieldPath),
      note: (message, key) => activity.record({ at: clock.now(), actor: name, type: 'note', message, key }),
      wakeAfter: (key, ms) => clock.wakeAfter(name, key, ms),
      wakeAt: (key, at) => clock.wakeAt(name, key, at),
    } as K8sContext;
    contexts.set(name, ctx);
    return ctx;
  };
  const manager = new ControllerManager<K8sContext>(store, clock, ctxFor);
  for (const c of controllers) manager.register(c);
  bootstrapCluster(server, kubelets, recorder, config, rng, clock.timestamp(), () => manager.runUntilIdle());
  return {
    store,
    clock,
    scheduler,
    client: clientAs('kubectl'),
    manager,
    advance: (ms) => manager.runUntil(clock.now() + ms),
    events: (obj) => (obj.metadata.uid ? store.listByIndex<KubeObject>('events', 'involvedUid', obj.metadata.uid) : []),
  };
}
