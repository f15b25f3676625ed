import type { ObjectStore, WatchEvent } from '../../engine/store';
import type { KubeObject } from '../api/types';
import type { K8sController } from './context';

/**
 * The namespace controller: when a namespace is deleted it deletes every
 * object in it, reports what remains in the namespace's conditions, and
 * removes the `kubernetes` finalizer once it is empty (the namespace then
 * disappears).
 */
export function createNamespaceController(store: ObjectStore, namespacedResources: readonly string[]): K8sController {
  const map = (e: WatchEvent): string | undefined => {
    const ns = e.object.metadata.namespace;
    if (!ns || e.type !== 'DELETED') return undefined;
    return store.get<KubeObject>('namespaces', ns)?.metadata.deletionTimestamp ? ns : undefined;
  };
  return {
    name: 'namespace-controller',
    // Events are not watched: nothing waits on them, and the controller re-checks every few seconds anyway.
    watches: [{ resource: 'namespaces', map: (e) => (e.type !== 'DELETED' && (e.object as KubeObject).metadata.deletionTimestamp ? e.key : undefined) }, ...namespacedResources.filter((r) => r !== 'events').map((resource) => ({ resource, map }))],
    reconcile(name, ctx) {
      const ns = ctx.store.get<KubeObject>('namespaces', name);
      if (!ns?.metadata.deletionTimestamp) return;
      const remaining = new Map<string, number>();
      for (const resource of namespacedResources) {
        const objs = ctx.store.list<KubeObject>(resource, name);
        if (objs.length === 0) continue;
        remaining.set(resource, objs.length);
        for (const o of objs) if (!o.metadata.deletionTimestamp) ctx.api.delete(resource, name, o.metadata.name);
      }
      const now = ctx.clock.timestamp();
      const left = [...remaining.entries()].filter(([r]) => ctx.store.count(r, name) > 0);
      const cond = (type: string, status: string, reason: string, message?: string) => ({ type, status, lastTransitionTime: now, reason, ...(message ? { message } : {}) });
      const conditions = [
        cond('NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'),
        cond('NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'),
        cond('NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'),
        left.length
          ? cond('NamespaceContentRemaining', 'True', 'SomeResourcesRemain', `Some resources are remaining: ${left.map(([r]) => `${r} has ${ctx.store.count(r, name)} resource instances`).join(', ')}`)
          : cond('NamespaceContentRemaining', 'False', 'ContentRemoved', 'All content successfully removed'),
        cond('NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'),
      ];
      const status = { ...(ns.status as object), phase: 'Terminating', conditions: (ns.status as { conditions?: { type: string; status: string; lastTransitionTime: string }[] })?.conditions?.length ? keepTimes(conditions, (ns.status as { conditions: { type: string; status: string; lastTransitionTime: string }[] }).conditions) : conditions };
      ctx.api.updateStatus({ ...ns, status });
      if (left.length === 0) {
        const fresh = ctx.store.get<KubeObject>('namespaces', name)!;
        ctx.api.update({ ...fresh, spec: { ...(fresh.spec as object), finalizers: [] } }, { trusted: true });
        ctx.note(`namespace ${name} is empty: finalized`, name);
      } else {
        ctx.wakeAfter(name, 5000);
      }
    },
  };
}

function keepTimes<T extends { type: string; status: string; lastTransitionTime: string }>(next: T[], prev: T[]): T[] {
  return next.map((c) => {
    const p = prev.find((x) => x.type === c.type);
    return p && p.status === c.status ? { ...c, lastTransitionTime: p.lastTransitionTime } : c;
  });
}
