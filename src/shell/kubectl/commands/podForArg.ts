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
 * The pods a workload or Service selects, in the order kubectl picks from
 * them (`SelectorsForObject` then `GetPodList`); a Pod is itself.
 */
export function podsForObject(ctx: CommandContext, info: ResourceInfo, obj: KubeObject, verb = 'get the logs from'): KubeObject[] | KubectlError {
  if (info.kind === 'Pod') return [obj];
  const owner = obj as Owner;
  const selector = owner.spec?.selector;
  // A Service selects with a plain map; the workloads with a LabelSelector.
  const labels = (info.kind === 'Service' ? selector : (selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels) as Record<string, string> | undefined;
  if (info.kind === 'Service' && (!labels || Object.keys(labels).length === 0)) return err.message(`error: invalid service '${obj.metadata.name}': Service is defined without a selector`);
  if (!selector) return err.message(`error: cannot ${verb} ${goType(info)}: selector for ${goType(info)} not implemented`);
  const selected = ctx.client
    .list<KubeObject>('pods', { namespace: obj.metadata.namespace ?? ctx.namespace })
    .filter((p) => Object.entries(labels ?? {}).every(([k, v]) => p.metadata.labels?.[k] === v));
  if (selected.length === 0) return err.message(`error: timed out waiting for the condition`);
  // GetFirstPod sorts the API server's list (by name); logs with podutils.ByLogging (checked against the real 1.32 client).
  const byName = [...selected].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  if (verb === 'get the logs from') return goSortBy(byName, byLogging);
  return byName.sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name));
}

type PodView = KubeObject & { spec?: { nodeName?: string }; status?: { phase?: string; conditions?: { type: string; status: string; lastTransitionTime?: string }[]; containerStatuses?: { restartCount?: number }[] } };

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
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
  const pa = PHASE_RANK[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_RANK[b.status?.phase ?? ''] ?? 0;
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
 * POD, pod/NAME, or a workload (deployment/NAME, rs/NAME, …): the pods it
 * stands for (`polymorphichelpers.LogsForObject`). A bare name is a pod's,
 * which may not exist (the API server says so when it is asked).
 */
export function podsForArg(ctx: CommandContext, arg: string, verb?: string): string[] | KubectlError {
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
  const pods = podsForObject(ctx, info, owner, verb);
  return Array.isArray(pods) ? pods.map((p) => p.metadata.name) : pods;
}

/** POD, pod/NAME, or a workload: its first pod, noting the choice when there were several (`Found 3 pods, using pod/…`). */
export function podForArg(ctx: CommandContext, arg: string, announce = true, verb?: string): { name: string } | KubectlError {
  const pods = podsForArg(ctx, arg, verb);
  if (!Array.isArray(pods)) return pods;
  if (pods.length > 1 && announce) ctx.errOut(`Found ${pods.length} pods, using pod/${pods[0]}\n`);
  return { name: pods[0] };
}
