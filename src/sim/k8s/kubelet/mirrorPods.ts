import type { K8sContext } from '../controllers/context';
import type { KubeletState, PodObj } from './syncPod';

/**
 * A kubelet's static pods. A static pod runs from a manifest file on its
 * node (kubeadm's control plane); the API only holds its mirror pod.
 * Deleting the mirror does not stop the static pod: the kubelet
 * force-deletes a terminating mirror and creates it again, as a new object
 * with the static pod's unchanged status (kubelet `syncPod`: delete the
 * mirror when it is being deleted, then `CreateMirrorPod`).
 * @example mirrors.seed(pod); mirrors.ensure('kube-system/etcd-control-plane', ctx, state)
 */
export class MirrorPods {
  /** The mirror of each static pod as last seen, by pod key. */
  private readonly last = new Map<string, PodObj>();

  /** Records a static pod by its mirror pod, as its kubelet created it. */
  seed(pod: PodObj): void {
    this.last.set(`${pod.metadata.namespace}/${pod.metadata.name}`, pod);
  }

  /** Whether `key` names a static pod's mirror. */
  has(key: string): boolean {
    return this.last.has(key);
  }

  /** Keeps the newest copy of a mirror pod (its status is the static pod's). */
  observe(key: string, pod: PodObj): void {
    if (this.last.has(key) && pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) this.last.set(key, pod);
  }

  /** Forgets the static pods of a node that left the cluster. */
  forgetNode(node: string): void {
    for (const [key, pod] of this.last) if (pod.spec?.nodeName === node) this.last.delete(key);
  }

  /**
   * Makes the mirror of the static pod `key` exist: a mirror that is being
   * deleted is removed at once, a missing one is created again. Returns
   * whether it wrote anything. A stopped node's kubelet does nothing.
   */
  ensure(key: string, ctx: K8sContext, state: KubeletState): boolean {
    const last = this.last.get(key);
    const node = last?.spec?.nodeName ? state.nodes.get(last.spec.nodeName) : undefined;
    if (!last || !node || node.stopped) return false;
    const current = ctx.store.get<PodObj>('pods', key);
    if (current && !current.metadata.deletionTimestamp) return false;
    const client = ctx.clientAs(node.actor);
    const { namespace, name } = last.metadata;
    if (current) client.delete('pods', namespace, name, { gracePeriodSeconds: 0, preconditionUid: current.metadata.uid });
    const { uid: _uid, resourceVersion: _rv, creationTimestamp: _ct, deletionTimestamp: _dt, deletionGracePeriodSeconds: _dg, ...metadata } = last.metadata;
    const created = client.create<PodObj>({ ...last, metadata, status: undefined } as PodObj, { trusted: true });
    if (!created.ok) return false;
    // The static pod's containers run on: the kubelet's record of them now belongs to the new mirror.
    const rt = state.pods.get(key);
    if (rt) rt.uid = created.object.metadata.uid!;
    const updated = client.updateStatus<PodObj>({ ...created.object, status: last.status });
    this.last.set(key, updated.ok ? updated.object : created.object);
    return true;
  }
}
