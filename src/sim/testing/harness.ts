import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { parseDuration } from '../../lib/duration';
import { parseManifests } from '../k8s/api/manifests';
import { createCluster, type ClusterOptions, type Cluster, type KubeObject } from '../k8s/index';
import { parseSelector } from '../k8s/api/selectors';
import { storageName } from '../k8s/api/resources';

export type PodObj = KubeObject & Pod;
export type DeploymentObj = KubeObject & Deployment;
export type ReplicaSetObj = KubeObject & ReplicaSet;

/**
 * A fluent test harness over a simulated cluster: seed it with YAML, move
 * virtual time, and assert on the world (not on which calls were made).
 * @example const w = world().apply(yaml).advance('30s'); expect(w.pods('app=web')).toHaveLength(3);
 */
export class World {
  readonly cluster: Cluster;

  constructor(options: ClusterOptions = {}) {
    this.cluster = createCluster(options);
  }

  get client() {
    return this.cluster.client('kubectl');
  }

  /** Creates or replaces every document of a YAML manifest (throws on any API error). */
  apply(yaml: string): this {
    const parsed = parseManifests(yaml);
    if (parsed.error) throw new Error(parsed.error.message);
    for (const doc of parsed.documents) {
      const obj = doc.value as KubeObject;
      const info = this.cluster.resources.forKind(obj.apiVersion, obj.kind);
      if (!info) throw new Error(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
      const ns = info.namespaced ? obj.metadata.namespace ?? 'default' : undefined;
      const existing = this.client.get(storageName(info), ns, obj.metadata.name);
      const res = existing ? this.client.update({ ...obj, metadata: { ...obj.metadata, namespace: ns, resourceVersion: existing.metadata.resourceVersion } }) : this.client.create({ ...obj, metadata: { ...obj.metadata, namespace: ns } });
      if (!res.ok) throw new Error(res.status.message);
    }
    this.cluster.runUntilIdle();
    return this;
  }

  /** Moves virtual time forward (`'30s'`, `'5m'` or ms). */
  advance(duration: string | number): this {
    this.cluster.advance(toMs(duration));
    return this;
  }

  /** Advances in steps until `predicate` holds; throws after `max`. */
  until(predicate: (w: this) => boolean, max: string | number = '10m', step: string | number = '1s'): this {
    const deadline = this.cluster.now() + toMs(max);
    while (!predicate(this)) {
      if (this.cluster.now() >= deadline) throw new Error(`condition not reached within ${max}`);
      this.advance(step);
    }
    return this;
  }

  /** Applies a change to an object through the API (an update with the latest resourceVersion). */
  edit<T extends KubeObject>(resource: string, namespace: string | undefined, name: string, change: (obj: T) => T): this {
    const obj = this.client.get<T>(resource, namespace, name);
    if (!obj) throw new Error(`${resource} ${name} not found`);
    const res = this.client.update(change(obj));
    if (!res.ok) throw new Error(res.status.message);
    this.cluster.runUntilIdle();
    return this;
  }

  pods(selector = '', namespace = 'default'): PodObj[] {
    return this.client.list<PodObj>('pods', { namespace, labelSelector: parseSelector(selector) });
  }

  deployment(name: string, namespace = 'default'): DeploymentObj {
    const d = this.client.get<DeploymentObj>('deployments.apps', namespace, name);
    if (!d) throw new Error(`deployment ${name} not found`);
    return d;
  }

  replicaSets(namespace = 'default'): ReplicaSetObj[] {
    return this.client.list<ReplicaSetObj>('replicasets.apps', { namespace });
  }

  /**
   * `kubectl exec`: runs `argv` in a pod's container to its end, moving
   * virtual time as it waits (up to `max`). Its status and output, or the
   * API's error.
   */
  exec(pod: string, container: string | undefined, argv: string[], namespace = 'default', max: string | number = '10m'): { ok: true; code: number; output: string } | { ok: false; message: string } {
    const r = this.cluster.execInContainer(namespace, pod, container, argv);
    if (!r.ok) return r;
    const deadline = this.cluster.now() + toMs(max);
    let output = '';
    for (;;) {
      const p = r.stream.poll();
      output += p.output;
      if (p.code !== undefined) return { ok: true, code: p.code, output };
      const at = r.stream.wakeAt ?? deadline;
      if (at > deadline) throw new Error(`exec ${argv.join(' ')} still running after ${max}`);
      this.cluster.advanceTo(Math.max(at, this.cluster.now() + 1));
    }
  }

  /** Reasons (and messages) of the events about an object, oldest first. */
  events(obj: KubeObject): { reason: string; message: string; count: number }[] {
    return this.cluster.eventsFor(obj).map((e) => ({ reason: e.reason as string, message: e.message as string, count: e.count as number }));
  }
}

export function world(options: ClusterOptions = {}): World {
  return new World(options);
}

function toMs(d: string | number): number {
  if (typeof d === 'number') return d;
  const ms = parseDuration(d);
  if (ms === undefined) throw new Error(`bad duration ${d}`);
  return ms;
}

export { isPodReady } from '../k8s/controllers/replicaset/podTally';
