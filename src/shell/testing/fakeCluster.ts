import {
  ResourceRegistry,
  apiVersionOf,
  matches,
  statusErrors,
  storageName,
  toTimestamp,
  TrafficMeter,
  type ActivityLog,
  type ApiClient,
  type ApiResult,
  type Cluster,
  type KubeObject,
  type ListOptions,
  type WatchEvent,
  type WatchHandler,
} from '../../sim/k8s/index';
import { deepCopy } from '../kubectl/deepCopy';

/**
 * A small in-memory stand-in for the simulated cluster, for the shell's unit
 * tests: a store with watches, resourceVersion/generation/uid, graceful pod
 * deletion on a virtual clock — and no controllers. Scenario tests use the
 * real cluster.
 */
export interface FakeCluster extends Cluster {
  /** Puts an object straight into the store (creationTimestamp = now unless given). */
  add(obj: KubeObject): KubeObject;
  /** Replaces an object's status as a controller would. */
  setStatus(resource: string, namespace: string | undefined, name: string, status: unknown): void;
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return deepCopy(patch);
  const out: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function jsonPatch(target: KubeObject, ops: { op: string; path: string; value?: unknown }[]): KubeObject {
  const out = deepCopy(target) as Record<string, unknown>;
  for (const op of ops) {
    const keys = op.path.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    let cur = out;
    for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
    const last = keys[keys.length - 1];
    if (op.op === 'remove') delete cur[last];
    else cur[last] = deepCopy(op.value);
  }
  return out as KubeObject;
}

/** Creates a fake cluster with the default namespaces and nodes `worker-1..N` beside `control-plane`. */
export function createFakeCluster(options: { workers?: number; start?: number } = {}): FakeCluster {
  const resources = new ResourceRegistry();
  const tables = new Map<string, Map<string, KubeObject>>();
  for (const info of resources.all) tables.set(storageName(info), new Map());
  const watchers = new Map<string, WatchHandler[]>();
  const anyWatchers: WatchHandler[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  let now = options.start ?? Date.UTC(2025, 0, 1, 10, 0, 0);
  let rv = 1;
  let uid = 0;
  const key = (ns: string | undefined, name: string) => (ns ? `${ns}/${name}` : name);
  const table = (resource: string) => {
    const t = tables.get(resource);
    if (!t) throw new Error(`fake cluster: unknown resource ${resource}`);
    return t;
  };
  const gr = (resource: string) => {
    const info = resources.byName(resource)!;
    return { group: info.group, resource: info.resource };
  };
  const history: WatchEvent[] = [];
  const emit = (event: WatchEvent) => {
    history.push(event);
    for (const h of (watchers.get(event.resource) ?? []).slice()) h(event);
    for (const h of anyWatchers.slice()) h(event);
  };
  const put = (resource: string, obj: KubeObject, type: 'ADDED' | 'MODIFIED', old?: KubeObject) => {
    obj.metadata.resourceVersion = String(++rv);
    table(resource).set(key(obj.metadata.namespace, obj.metadata.name), obj);
    emit({ type, resource, key: key(obj.metadata.namespace, obj.metadata.name), object: obj, old });
    return obj;
  };
  const remove = (resource: string, obj: KubeObject) => {
    table(resource).delete(key(obj.metadata.namespace, obj.metadata.name));
    emit({ type: 'DELETED', resource, key: key(obj.metadata.namespace, obj.metadata.name), object: obj, old: obj });
  };
  const resourceOf = (obj: KubeObject) => {
    const info = resources.forKind(obj.apiVersion, obj.kind);
    if (!info) throw new Error(`fake cluster: no kind ${obj.kind}`);
    return storageName(info);
  };
  const ok = <T>(object: T): ApiResult<T> => ({ ok: true, object });
  const client = (): ApiClient => ({
    actor: 'kubectl',
    get: <T extends KubeObject>(resource: string, namespace: string | undefined, name: string) => table(resource).get(key(namespace, name)) as T | undefined,
    list: <T extends KubeObject>(resource: string, opts: ListOptions = {}) =>
      [...table(resource).values()].filter(
        (o) =>
          (opts.namespace === undefined || o.metadata.namespace === opts.namespace) &&
          (!opts.labelSelector || matches(opts.labelSelector, o.metadata.labels)) &&
          Object.entries(opts.fieldSelector ?? {}).every(([f, v]) => {
            let cur: unknown = o;
            for (const p of f.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[p];
            return String(cur ?? '') === v;
          }),
      ) as T[],
    create: <T extends KubeObject>(obj: KubeObject, opts: { dryRun?: boolean } = {}) => {
      const resource = resourceOf(obj);
      const existing = table(resource).get(key(obj.metadata.namespace, obj.metadata.name));
      if (existing) return { ok: false, status: statusErrors.alreadyExists(gr(resource), obj.metadata.name) } as ApiResult<T>;
      const o = deepCopy(obj);
      o.metadata = { ...o.metadata, uid: `uid-${++uid}`, creationTimestamp: toTimestamp(now), generation: 1 };
      if (opts.dryRun) return ok(o as T);
      return ok(put(resource, o, 'ADDED') as T);
    },
    update: <T extends KubeObject>(obj: KubeObject, opts: { dryRun?: boolean } = {}) => {
      const resource = resourceOf(obj);
      const old = table(resource).get(key(obj.metadata.namespace, obj.metadata.name));
      if (!old) return { ok: false, status: statusErrors.notFound(gr(resource), obj.metadata.name) } as ApiResult<T>;
      const o = deepCopy(obj);
      const specChanged = JSON.stringify(o.spec) !== JSON.stringify(old.spec);
      o.metadata = { ...o.metadata, uid: old.metadata.uid, creationTimestamp: old.metadata.creationTimestamp, generation: (old.metadata.generation ?? 1) + (specChanged ? 1 : 0) };
      o.status = old.status;
      if (opts.dryRun) return ok(o as T);
      return ok(put(resource, o, 'MODIFIED', old) as T);
    },
    updateStatus: <T extends KubeObject>(obj: KubeObject) => {
      const resource = resourceOf(obj);
      const old = table(resource).get(key(obj.metadata.namespace, obj.metadata.name))!;
      return ok(put(resource, { ...old, status: deepCopy(obj.status) }, 'MODIFIED', old) as T);
    },
    patch: <T extends KubeObject>(resource: string, namespace: string | undefined, name: string, patch: unknown, type: string, opts: { dryRun?: boolean } = {}) => {
      const old = table(resource).get(key(namespace, name));
      if (!old) return { ok: false, status: statusErrors.notFound(gr(resource), name) } as ApiResult<T>;
      const patched = type === 'json' ? jsonPatch(old, patch as { op: string; path: string; value?: unknown }[]) : (mergePatch(old, patch) as KubeObject);
      const specChanged = JSON.stringify(patched.spec) !== JSON.stringify(old.spec);
      patched.metadata = { ...patched.metadata, generation: (old.metadata.generation ?? 1) + (specChanged ? 1 : 0) };
      if (opts.dryRun) return ok(patched as T);
      return ok(put(resource, patched, 'MODIFIED', old) as T);
    },
    delete: <T extends KubeObject>(resource: string, namespace: string | undefined, name: string, opts: { gracePeriodSeconds?: number; dryRun?: boolean } = {}) => {
      const old = table(resource).get(key(namespace, name));
      if (!old) return { ok: false, status: statusErrors.notFound(gr(resource), name) } as ApiResult<T>;
      if (opts.dryRun) return ok(old as T);
      const grace = opts.gracePeriodSeconds ?? 30;
      if (resource === 'pods' && grace > 0) {
        if (old.metadata.deletionTimestamp) return ok(old as T);
        const o = { ...old, metadata: { ...old.metadata, deletionTimestamp: toTimestamp(now + grace * 1000), deletionGracePeriodSeconds: grace } };
        put(resource, o, 'MODIFIED', old);
        timers.push({ at: now + Math.min(grace, 2) * 1000, fn: () => table(resource).has(key(namespace, name)) && remove(resource, table(resource).get(key(namespace, name))!) });
        return ok(o as T);
      }
      remove(resource, old);
      return ok(old as T);
    },
    evict: (namespace: string, name: string) => {
      const c = client();
      const r = c.delete('pods', namespace, name);
      return r;
    },
    bind: (namespace: string, name: string, nodeName: string) => {
      const c = client();
      return c.patch('pods', namespace, name, { spec: { nodeName } }, 'merge');
    },
    updateEphemeralContainers: (namespace: string, name: string, ephemeralContainers: unknown[]) => client().patch('pods', namespace, name, { spec: { ephemeralContainers } }, 'merge'),
  });
  const runTimers = (until: number) => {
    timers.sort((a, b) => a.at - b.at);
    while (timers.length && timers[0].at <= until) {
      const t = timers.shift()!;
      now = Math.max(now, t.at);
      t.fn();
    }
    now = Math.max(now, until);
  };
  const cluster: FakeCluster = {
    config: { workers: options.workers ?? 3, nodeCpu: '4', nodeMemory: '8Gi', maxPods: 110, kubernetesVersion: 'v1.32.2' },
    seed: 1,
    resources,
    activity: {} as ActivityLog,
    // The fake has no RBAC objects: everyone may do everything.
    clientFor: () => client(),
    authorize: () => ({ allowed: true, reason: '' }),
    rulesFor: () => [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
    apiRequest: () => ({ status: 404, body: '404 page not found\n' }),
    traffic: new TrafficMeter(),
    now: () => now,
    client,
    watch(resource, handler) {
      const list = watchers.get(resource) ?? [];
      list.push(handler);
      watchers.set(resource, list);
      return () => {
        const i = list.indexOf(handler);
        if (i >= 0) list.splice(i, 1);
      };
    },
    watchAll(handler) {
      anyWatchers.push(handler);
      return () => {
        const i = anyWatchers.indexOf(handler);
        if (i >= 0) anyWatchers.splice(i, 1);
      };
    },
    eventsSince: (resource, since) => history.filter((e) => e.resource === resource && Number(e.object.metadata.resourceVersion) > since),
    currentResourceVersion: () => rv,
    advance: (ms) => runTimers(now + ms),
    advanceTo: (ms) => runTimers(ms),
    runUntilIdle: () => undefined,
    nextWakeAt: () => (timers.length ? Math.min(...timers.map((t) => t.at)) : undefined),
    eventsFor: () => [],
    schedulingDecision: () => undefined,
    stopNode: () => ({ type: 'notSimulated', reason: 'the fake cluster has no kubelets' }),
    startNode: () => ({ type: 'notSimulated', reason: 'the fake cluster has no kubelets' }),
    startTime: 0,
    isNodeStopped: () => false,
    addNode: () => ({ type: 'notSimulated', reason: 'the fake cluster has no kubelets' }),
    removeNode: () => ({ type: 'notSimulated', reason: 'the fake cluster has no kubelets' }),
    resizeNode: () => ({ type: 'notSimulated', reason: 'the fake cluster has no kubelets' }),
    containerLogs: (_ns, name) => ({ ok: false, reason: 'BadRequest', message: `container logs of ${name}: the fake cluster has no kubelets` }),
    execInContainer: (_ns, name) => ({ ok: false, reason: 'BadRequest', message: `exec in ${name}: the fake cluster has no kubelets` }),
    openShell: (_ns, name) => ({ ok: false, reason: 'BadRequest', message: `exec in ${name}: the fake cluster has no kubelets` }),
    runInShell: () => ({ ok: false, code: 137 }),
    podMetrics: () => ({ ok: false, message: 'Metrics API not available' }),
    nodeMetrics: () => ({ ok: false, message: 'Metrics API not available' }),
    httpGet: (url) => ({ ok: false, kind: 'timeout', message: `GET ${url}: the fake cluster has no network`, host: url, port: 0 }),
    crashContainer: (_ns, name) => ({ ok: false, reason: 'BadRequest', message: `crash ${name}: the fake cluster has no kubelets` }),
    add(obj: KubeObject) {
      const o = deepCopy(obj);
      o.apiVersion ||= apiVersionOf(resources.forKind(obj.apiVersion, obj.kind)!);
      o.metadata = { uid: `uid-${++uid}`, creationTimestamp: toTimestamp(now), generation: 1, ...o.metadata };
      return put(resourceOf(o), o, 'ADDED');
    },
    setStatus(resource, namespace, name, status) {
      const old = table(resource).get(key(namespace, name))!;
      put(resource, { ...old, status: deepCopy(status) }, 'MODIFIED', old);
    },
  } as FakeCluster;
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) cluster.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns }, status: { phase: 'Active' } });
  cluster.add({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'control-plane', labels: { 'node-role.kubernetes.io/control-plane': '' } }, spec: {} });
  for (let i = 1; i <= (options.workers ?? 3); i++) cluster.add({ apiVersion: 'v1', kind: 'Node', metadata: { name: `worker-${i}` }, spec: {} });
  return cluster;
}
