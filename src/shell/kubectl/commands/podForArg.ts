import type { KubeObject, ResourceInfo } from '../../../sim/k8s/index';
import type { CommandContext } from '../command';
import { err, type KubectlError } from '../errors';
import { goSortBy } from '../printers/sort/goSort';
import { missingObjectError } from '../targets';

type Owner = KubeObject & { spec?: { selector?: { matchLabels?: Record<string, string> } | Record<string, string> } };

/** Go's `%T` of a typed object (`*v1.ConfigMap`), as kubectl's polymorphic helpers name it in errors. */
function goType(info: ResourceInfo): string {
  return `*${info.version}.${info.kind}`;
}

/**
 * How a command picks a workload's pod: the verb of its error for a kind
 * without a selector, and the order `GetFirstPod` sorts the selected pods in
 * (the first one wins). Both were checked against the real 1.32 client.
 */
export interface PodPick {
  verb: string;
  less: (a: PodView, b: PodView) => boolean;
}

/**
 * The pods a workload or Service selects, in the order `pick` ranks them
 * (`SelectorsForObject`, then `GetFirstPod`: the API server's list, in name
 * order, sorted with Go's unstable sort); a Pod is itself.
 */
export function podsForObject(ctx: CommandContext, info: ResourceInfo, obj: KubeObject, pick: PodPick): KubeObject[] | KubectlError {
  if (info.kind === 'Pod') return [obj];
  const owner = obj as Owner;
  const selector = owner.spec?.selector;
  // A Service selects with a plain map; the workloads with a LabelSelector.
  const labels = (info.kind === 'Service' ? selector : (selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels) as Record<string, string> | undefined;
  if (info.kind === 'Service' && (!labels || Object.keys(labels).length === 0)) return err.message(`error: invalid service '${obj.metadata.name}': Service is defined without a selector`);
  if (!selector) return err.message(`error: cannot ${pick.verb} ${goType(info)}: selector for ${goType(info)} not implemented`);
  const selected = ctx.client
    .list<KubeObject>('pods', { namespace: obj.metadata.namespace ?? ctx.namespace })
    .filter((p) => Object.entries(labels ?? {}).every(([k, v]) => p.metadata.labels?.[k] === v));
  if (selected.length === 0) return err.message(`error: timed out waiting for the condition`);
  const byName = [...selected].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  return goSortBy(byName, pick.less);
}

type PodView = KubeObject & { spec?: { nodeName?: string }; status?: { phase?: string; conditions?: { type: string; status: string; lastTransitionTime?: string }[]; containerStatuses?: { restartCount?: number }[] } };

/** ByLogging's phase ranks (Running first); a phase not listed ranks as Running (Go's zero value from the map). */
const LOGGING_PHASE: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
/** ActivePods' phase ranks (Running highest); a phase not listed ranks as Pending. */
const ACTIVE_PHASE: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const readyCondition = (p: PodView) => p.status?.conditions?.find((c) => c.type === 'Ready');
const isReady = (p: PodView) => readyCondition(p)?.status === 'True';
const maxRestarts = (p: PodView) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
/** `afterOrZero(t1, t2)`: t1 is zero, or (neither zero and) t1 is after t2. */
function afterOrZero(t1: string | undefined, t2: string | undefined): boolean {
  if (!t1 || !t2) return !t1;
  return Date.parse(t1) > Date.parse(t2);
}

/** `podutils.ByLogging.Less`: the pod most worth reading logs from first. */
function byLogging(a: PodView, b: PodView): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na !== '';
  const pa = LOGGING_PHASE[a.status?.phase ?? ''] ?? 0;
  const pb = LOGGING_PHASE[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  if (isReady(a) !== isReady(b)) return isReady(a);
  const ra = readyCondition(a)?.lastTransitionTime;
  const rb = readyCondition(b)?.lastTransitionTime;
  if (isReady(a) && isReady(b) && ra !== rb) return afterOrZero(rb, ra);
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const ca = a.metadata.creationTimestamp;
  const cb = b.metadata.creationTimestamp;
  if (ca !== cb) return afterOrZero(cb, ca);
  return false;
}

/**
 * `podutils.ActivePods.Less`: the less active pod first (unassigned, then
 * pending, not ready, ready the shortest, most restarts, newest).
 */
function activePodsLess(a: PodView, b: PodView): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const pa = ACTIVE_PHASE[a.status?.phase ?? ''] ?? 0;
  const pb = ACTIVE_PHASE[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  if (isReady(a) !== isReady(b)) return !isReady(a);
  const ra = readyCondition(a)?.lastTransitionTime;
  const rb = readyCondition(b)?.lastTransitionTime;
  if (isReady(a) && isReady(b) && ra !== rb) return afterOrZero(ra, rb);
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const ca = a.metadata.creationTimestamp;
  const cb = b.metadata.creationTimestamp;
  if (ca !== cb) return afterOrZero(ca, cb);
  return false;
}

/** `logs`: `LogsForObject` ranks with ByLogging (a finished pod ranks as a running one; most restarts first). */
export const FOR_LOGS: PodPick = { verb: 'get the logs from', less: byLogging };

/** `exec`, `attach`, `port-forward`: `AttachablePodForObject` sorts with `sort.Reverse(ActivePods)` (a finished pod ranks as a pending one; fewest restarts first). */
export const FOR_ATTACH: PodPick = { verb: 'attach to', less: (a, b) => activePodsLess(b, a) };

/**
 * POD, pod/NAME, or a workload (deployment/NAME, rs/NAME, …): the pods it
 * stands for (`polymorphichelpers.LogsForObject`). A bare name is a pod's,
 * which may not exist (the API server says so when it is asked).
 */
export function podsForArg(ctx: CommandContext, arg: string, pick: PodPick): string[] | KubectlError {
  const slash = arg.indexOf('/');
  if (slash < 0) return [arg];
  const type = arg.slice(0, slash);
  const name = arg.slice(slash + 1);
  const info = ctx.cluster.resources.resolve(type);
  if (!info) return err.message(`error: the server doesn't have a resource type "${type}"`);
  if (info.kind === 'Pod') return [name];
  const resource = info.group ? `${info.resource}.${info.group}` : info.resource;
  const owner = ctx.client.get<KubeObject>(resource, ctx.namespace, name);
  if (!owner) return missingObjectError(ctx, info, ctx.namespace, name);
  const pods = podsForObject(ctx, info, owner, pick);
  return Array.isArray(pods) ? pods.map((p) => p.metadata.name) : pods;
}

/** POD, pod/NAME, or a workload: the pod `pick` ranks first. */
export function podForArg(ctx: CommandContext, arg: string, pick: PodPick): { name: string } | KubectlError {
  const pods = podsForArg(ctx, arg, pick);
  return Array.isArray(pods) ? { name: pods[0] } : pods;
}
