import type { Node, Service } from 'kubernetes-types/core/v1';
import type { WatchEvent } from '../../engine/store';
import type { KubeObject } from '../api/types';
import type { K8sContext, K8sController } from '../controllers/context';
import { flat } from '../../../lib/flat';
import { parseTimestamp } from '../../engine/clock';
import { serviceEnvVars } from '../services/serviceEnv';
import type { ObjectStore } from '../../engine/store';
import { Backoff } from './backoff';
import { MirrorPods } from './mirrorPods';
import { NO_IP_WORDS, octetPrefix, parseCidr } from './ipam';
import { hostIPsOf } from './podStatus';
import { powerOff, powerOn, tickNode } from './nodeAgent';
import type { NodeRuntime } from './runtime';
import { syncPod, type KubeletState, type PodObj } from './syncPod';

type NodeObj = KubeObject & Node;

type ServiceObj = KubeObject & Service;

export interface Kubelets {
  controller: K8sController;
  state: KubeletState;
  /** Pre-pulled images on a node (kind nodes ship the control-plane images). */
  seedImages(node: string, images: Record<string, number>): void;
  /** A static pod its node's kubelet runs from a manifest file, by the mirror pod it created. */
  seedStaticPod(mirror: PodObj): void;
  /**
   * Powers a node's machine off or on (`kubeplay node stop|start`). Returns
   * false when it already was, undefined when there is no such node. After
   * power-on, enqueue `node:<name>` to run the kubelet's start-up.
   */
  setPower(node: string, on: boolean, now: number): boolean | undefined;
  /** Whether a node's machine is powered off. */
  isStopped(node: string): boolean;
}

/**
 * A node's runtime as its kubelet starts: no image, no pod IP in use. The
 * fields a pod sync reads come first (the object's first cache lines: 5,000
 * nodes' runtimes are read in turn by 150,000 pod syncs).
 */
export function newNodeRuntime(name: string, podCIDR: string, hostIP: string, lastStatusReport: number): NodeRuntime {
  const { base, size } = parseCidr(podCIDR);
  return {
    removed: false,
    name,
    client: undefined,
    events: undefined,
    hostIP,
    hostIPs: hostIPsOf(hostIP),
    cidrBase: base,
    cidrSize: size,
    ipPrefix: octetPrefix(base, size),
    lastIP: 1,
    ipWord0: 0,
    usedIPs: NO_IP_WORDS,
    presentRef: undefined,
    images: new Map(),
    actor: flat(`kubelet/${name}`),
    leaseKey: flat(`kube-node-lease/${name}`),
    pullBusyUntil: 0,
    pulling: new Map(),
    imagesChanged: false,
    lastStatusReport,
  };
}

/**
 * The kubelets of every node, as one controller keyed by the pod's store key `<ns/name>` and
 * `node:<name>`. Each node has its own runtime (image cache, pull queue,
 * pod IPs); pods are synced by the kubelet of the node they are bound to.
 */
export function createKubelets(): Kubelets {
  // The Services of each namespace as of the last change: containers starting meanwhile share one snapshot.
  let store: ObjectStore | undefined;
  const servicesByNs = new Map<string, ServiceObj[]>();
  const servicesOf = (ns: string): ServiceObj[] => {
    let list = servicesByNs.get(ns);
    if (!list) {
      list = store ? store.list<ServiceObj>('services', ns) : [];
      if (ns !== 'default') {
        const k = store?.get<ServiceObj>('services', 'default/kubernetes');
        if (k) list.push(k);
      }
      servicesByNs.set(ns, list);
    }
    return list;
  };
  // One thunk per namespace snapshot and links setting, shared by the containers started meanwhile
  // (keyed by the pod's own namespace string: no key to build per container start).
  const thunks = { links: new Map<string, () => Record<string, string>>(), noLinks: new Map<string, () => Record<string, string>>() };
  const serviceEnv = (pod: PodObj) => {
    const ns = pod.metadata.namespace ?? 'default';
    const links = pod.spec?.enableServiceLinks !== false;
    const byNs = links ? thunks.links : thunks.noLinks;
    let thunk = byNs.get(ns);
    if (!thunk) {
      const services = servicesOf(ns);
      byNs.set(ns, (thunk = () => serviceEnvVars(services, ns, links)));
    }
    return thunk;
  };
  const state: KubeletState = { nodes: new Map(), pods: new Map(), imageBackoff: new Backoff(), crashBackoff: new Backoff(), serviceEnv, spareEnv: undefined };
  const mirrors = new MirrorPods();
  /**
   * The node runtimes by their queue key `node:<name>`, the very string the
   * node watch hands the queue and the tick wakes again with (hash computed
   * once, compared by identity): 5,000 nodes tick every 10 s.
   */
  const byTickKey = new Map<string, NodeRuntime>();
  let stoppedNodes = 0;
  /** A powered-off node's kubelet syncs nothing: its pods keep their last reported status. */
  const onStoppedNode = (podKey: string, ctx: K8sContext): boolean => {
    if (stoppedNodes === 0) return false;
    const nodeName = state.pods.get(podKey)?.node ?? ctx.store.get<PodObj>('pods', podKey)?.spec?.nodeName;
    return nodeName !== undefined && state.nodes.get(nodeName)?.stopped === true;
  };
  const ensureNode = (node: NodeObj): NodeRuntime => {
    let rt = state.nodes.get(node.metadata.name);
    if (!rt) {
      const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
      rt = newNodeRuntime(node.metadata.name, node.spec?.podCIDR ?? '10.244.0.0/24', hostIP, parseTimestamp(node.metadata.creationTimestamp) ?? 0);
      state.nodes.set(node.metadata.name, rt);
    }
    return rt;
  };
  const mapPod = (e: WatchEvent): string | undefined => {
    const pod = e.object as PodObj;
    const old = e.old as PodObj | undefined;
    if (e.type !== 'DELETED' && mirrors.has(e.key)) mirrors.observe(e.key, pod);
    if (!pod.spec?.nodeName && !old?.spec?.nodeName) return undefined;
    if (e.type === 'MODIFIED' && old && old.spec === pod.spec && old.metadata.deletionTimestamp === pod.metadata.deletionTimestamp && old.metadata.uid === pod.metadata.uid) return undefined;
    // The store's own key string: its hash is computed once, and lookups compare it by identity.
    return e.key;
  };
  const mapNode = (e: WatchEvent): string | undefined => {
    if (e.type === 'DELETED') {
      const gone = state.nodes.get(e.key);
      if (gone) {
        if (gone.stopped) stoppedNodes--;
        gone.removed = true;
      }
      state.nodes.delete(e.key);
      byTickKey.delete(`node:${e.key}`);
      mirrors.forgetNode(e.key);
      return undefined;
    }
    if (e.type === 'ADDED') {
      const rt = ensureNode(e.object as NodeObj);
      const tickKey = flat(`node:${e.key}`);
      byTickKey.set(tickKey, rt);
      return tickKey;
    }
    return undefined;
  };
  return {
    state,
    seedImages(node, images) {
      const rt = state.nodes.get(node);
      if (rt) for (const [full, size] of Object.entries(images)) rt.images.set(full, size);
    },
    seedStaticPod: (mirror) => mirrors.seed(mirror),
    setPower(node, on, now) {
      const rt = state.nodes.get(node);
      if (!rt) return undefined;
      const changed = on ? powerOn(rt) : powerOff(rt, now);
      if (changed) stoppedNodes += on ? -1 : 1;
      return changed;
    },
    isStopped: (node) => state.nodes.get(node)?.stopped === true,
    controller: {
      name: 'kubelet',
      watches: [
        { resource: 'pods', map: mapPod },
        { resource: 'nodes', map: mapNode },
        {
          resource: 'services',
          map: () => {
            servicesByNs.clear();
            thunks.links.clear();
            thunks.noLinks.clear();
            return undefined;
          },
        },
      ],
      reconcile(key, ctx) {
        store ??= ctx.store;
        // Pod keys are `<ns/name>` (a namespace has no ':'); node keys `node:<name>`.
        if (key.startsWith('node:')) tickNode(byTickKey.get(key), ctx, state, key);
        else {
          const podKey = key;
          if (onStoppedNode(podKey, ctx)) return;
          // A deleted mirror pod comes back before the pod is synced: its static pod never stopped.
          if (mirrors.has(podKey)) mirrors.ensure(podKey, ctx, state);
          syncPod(podKey, ctx, state);
        }
      },
    },
  };
}
