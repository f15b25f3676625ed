import type { WatchEvent } from '../../../engine/store';
import { fromSet, matches, type Selector } from '../../api/selectors';
import { podEndpointsChanged, type PodObj, type ServiceObj } from './podEndpoints';

/**
 * The services that select pods, per namespace, kept from the service watch
 * (the service lister + `GetPodServiceMemberships` of the endpoint
 * controllers). A pod event in a namespace where no service has a selector
 * costs one map lookup — the common case at scale.
 */
export class ServiceSelectors {
  private readonly byNamespace = new Map<string, Map<string, Selector>>();

  /** Updates the index from a service watch event. */
  observe(e: WatchEvent): void {
    const svc = e.object as ServiceObj;
    const ns = svc.metadata.namespace ?? '';
    const name = svc.metadata.name;
    const selector = svc.spec?.selector;
    const selects = e.type !== 'DELETED' && svc.spec?.type !== 'ExternalName' && selector !== undefined && selector !== null && Object.keys(selector).length > 0;
    let services = this.byNamespace.get(ns);
    if (!selects) {
      if (services?.delete(name) && services.size === 0) this.byNamespace.delete(ns);
      return;
    }
    if (!services) this.byNamespace.set(ns, (services = new Map()));
    services.set(name, fromSet(selector));
  }

  /** Whether any service in the namespace selects pods. */
  has(namespace: string): boolean {
    return this.byNamespace.has(namespace);
  }

  /** `GetPodServiceMemberships`: keys (`ns/name`) of the services whose selector matches these labels. */
  memberships(namespace: string, labels: Record<string, string> | undefined): string[] {
    const services = this.byNamespace.get(namespace);
    if (!services) return [];
    const out: string[] = [];
    for (const [name, sel] of services) if (matches(sel, labels)) out.push(`${namespace}/${name}`);
    return out;
  }

  /**
   * The services to resync for a pod event (`GetServicesToUpdateOnPodChange`):
   * on add/delete the pod's services; on update nothing unless the pod changed
   * in a way endpoints see, and — when its labels moved — the services it left
   * or joined too.
   */
  servicesForPodEvent(e: WatchEvent): string[] | undefined {
    const pod = e.object as PodObj;
    const ns = pod.metadata.namespace ?? '';
    if (!this.byNamespace.has(ns)) return undefined;
    if (e.type !== 'MODIFIED' || !e.old) return this.memberships(ns, pod.metadata.labels);
    const old = e.old as PodObj;
    const { podChanged, labelsChanged } = podEndpointsChanged(old, pod);
    if (!podChanged && !labelsChanged) return undefined;
    const now = this.memberships(ns, pod.metadata.labels);
    if (!labelsChanged) return now;
    const before = this.memberships(ns, old.metadata.labels);
    // `determineNeededServiceUpdates`: the union when the pod itself changed, otherwise only the services it joined or left.
    if (podChanged) return [...new Set([...before, ...now])];
    const b = new Set(before);
    const n = new Set(now);
    return [...before.filter((k) => !n.has(k)), ...now.filter((k) => !b.has(k))];
  }
}
