import { goDuration } from '../../../lib/duration';
import { aggregateMessage, controllerRef, matches, parseSelector, type KubeObject } from '../../../sim/k8s/index';
import { WaitingExecution } from '../../execution';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, dryRunSuffix, selectorFlag } from '../common';
import { checkErrText, err, errorString, type KubectlError } from '../errors';
import { examples } from '../text';
import { cordonNodes, resolveNodes } from './cordon';

/** `kubectl drain` (kubectl `pkg/cmd/drain/drain.go`, `pkg/drain/{drain,filters}.go`). */
export const drainCommand: CommandSpec = {
  path: ['drain'],
  use: 'drain NODE',
  short: 'Drain node in preparation for maintenance',
  long: [
    'Drain node in preparation for maintenance.',
    " The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.",
    " 'drain' waits for graceful termination. You should not operate on the machine until the command completes.",
    ' When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.',
    'https://kubernetes.io/images/docs/kubectl_drain.svg Workflowhttps://kubernetes.io/images/docs/kubectl_drain.svg',
  ].join('\n\n'),
  example: examples(`
    # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
    kubectl drain foo --force

    # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
    kubectl drain foo --grace-period=900`),
  completion: 'node',
  flags: [
    { name: 'chunk-size', type: 'int', default: '500', usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    { name: 'delete-emptydir-data', type: 'bool', usage: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'delete-local-data', type: 'bool', usage: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).', deprecated: 'This option is deprecated and will be deleted. Use --delete-emptydir-data.' },
    { name: 'disable-eviction', type: 'bool', usage: 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.' },
    dryRunFlag,
    { name: 'force', type: 'bool', usage: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'grace-period', type: 'int', default: '-1', usage: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.' },
    { name: 'ignore-daemonsets', type: 'bool', usage: 'Ignore DaemonSet-managed pods.' },
    { name: 'pod-selector', type: 'string', usage: 'Label selector to filter pods on the node' },
    selectorFlag,
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: '0', usage: 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.' },
    { name: 'timeout', type: 'duration', usage: 'The length of time to wait before giving up, zero means infinite' },
  ],
  run: runDrain,
};

const FATAL = {
  daemonSet: 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)',
  localStorage: 'cannot delete Pods with local storage (use --delete-emptydir-data to override)',
  unmanaged: 'cannot delete Pods that declare no controller (use --force to override)',
};
const WARN = { daemonSet: 'ignoring DaemonSet-managed Pods', localStorage: 'deleting Pods with local storage', unmanaged: 'deleting Pods that declare no controller' };

interface Verdict {
  delete: boolean;
  warning?: string;
  error?: string;
}

interface PodWithStatus {
  status?: { phase?: string };
  spec?: { volumes?: { emptyDir?: unknown }[] };
}

/** The filters of `pkg/drain/filters.go`, in order; the last warning wins, an error stops. */
function filterPod(ctx: CommandContext, pod: KubeObject): Verdict {
  const p = pod as unknown as PodWithStatus;
  const finished = p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
  const ref = controllerRef(pod.metadata);
  let warning: string | undefined;
  if (ref && ref.kind === 'DaemonSet' && !finished) {
    const ds = ctx.cluster.resources.resolve('daemonsets');
    const exists = ds ? ctx.client.get('daemonsets.apps', pod.metadata.namespace, ref.name) !== undefined : true;
    if (!exists) {
      const msg = `daemonsets.apps "${ref.name}" not found`;
      if (!ctx.flags.bool('force')) return { delete: false, error: msg };
      warning = msg;
    } else if (!ctx.flags.bool('ignore-daemonsets')) return { delete: false, error: FATAL.daemonSet };
    else return { delete: false, warning: WARN.daemonSet };
  }
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) return { delete: false };
  if ((p.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined) && !finished) {
    if (!ctx.flags.bool('delete-emptydir-data') && !ctx.flags.bool('delete-local-data')) return { delete: false, error: FATAL.localStorage };
    warning = WARN.localStorage;
  }
  if (!finished && !ref) {
    if (!ctx.flags.bool('force')) return { delete: false, error: FATAL.unmanaged };
    warning = WARN.unmanaged;
  }
  return { delete: true, warning };
}

/** Groups `ns/pod` by message as `PodDeleteList` does (sorted by message for a stable order). */
function grouped(entries: { msg: string; pod: KubeObject }[]): [string, string][] {
  const byMsg = new Map<string, string[]>();
  for (const e of entries) byMsg.set(e.msg, [...(byMsg.get(e.msg) ?? []), `${e.pod.metadata.namespace}/${e.pod.metadata.name}`]);
  return [...byMsg].sort(([a], [b]) => (a < b ? -1 : 1)).map(([m, pods]) => [m, pods.join(', ')]);
}

interface Pending {
  pod: KubeObject;
  state: 'evict' | 'wait' | 'done' | 'failed';
  retryAt: number;
  /** Why the pod could not be removed (the global timeout). */
  error?: string;
}

function runDrain(ctx: CommandContext): CommandResult {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const podSelectorText = ctx.flags.string('pod-selector');
  let podSelector: ReturnType<typeof parseSelector> | undefined;
  if (podSelectorText) {
    try {
      podSelector = parseSelector(podSelectorText);
    } catch {
      return err.message('--pod-selector=<pod_selector> must be a valid label selector');
    }
  }
  const nodes = resolveNodes(ctx, 'drain NODE');
  if (!Array.isArray(nodes)) return nodes;
  cordonNodes(ctx, nodes, true, dry);
  const useEviction = !ctx.flags.bool('disable-eviction');
  const grace = ctx.flags.int('grace-period');
  const timeout = ctx.flags.duration('timeout');
  const deadline = timeout > 0 ? ctx.cluster.now() + timeout : undefined;
  const failed: string[] = [];
  const failures: KubectlError[] = [];
  let nodeIndex = 0;
  let pending: Pending[] | undefined;

  const fail = (node: string, e: KubectlError) => {
    ctx.errOut(`error: unable to drain node "${node}" due to error: ${errorString(e)}, continuing command...\n`);
    failed.push(node);
    failures.push(e);
  };

  /** Filters the pods of the current node; returns the pods to remove, or undefined when the node failed. */
  const startNode = (node: KubeObject): Pending[] | undefined => {
    const pods = ctx.client.list('pods', { fieldSelector: { 'spec.nodeName': node.metadata.name } }).filter((p) => p.metadata.namespace !== undefined && (!podSelector || matches(podSelector, p.metadata.labels)));
    const warnings: { msg: string; pod: KubeObject }[] = [];
    const errors: { msg: string; pod: KubeObject }[] = [];
    const toDelete: KubeObject[] = [];
    for (const pod of pods) {
      const v = filterPod(ctx, pod);
      if (v.error) errors.push({ msg: v.error, pod });
      else if (v.warning) warnings.push({ msg: v.warning, pod });
      if (v.delete && !v.error) toDelete.push(pod);
    }
    if (errors.length) {
      const msgs = grouped(errors).map(([m, p]) => (m.toLowerCase().startsWith('cannot delete') ? `${m}: ${p}` : `cannot delete ${m}: ${p}`));
      fail(node.metadata.name, err.aggregate(msgs.map((m) => err.message(m))));
      return undefined;
    }
    if (warnings.length) ctx.errOut(`Warning: ${grouped(warnings).map(([m, p]) => `${m}: ${p}`).join('; ')}\n`);
    if (dry === 'client') {
      for (const p of toDelete) ctx.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
      return [];
    }
    if (!useEviction) {
      for (const p of toDelete) ctx.client.delete('pods', p.metadata.namespace, p.metadata.name, { gracePeriodSeconds: grace >= 0 ? grace : undefined, dryRun: dry === 'server' });
      ctx.cluster.runUntilIdle();
      return toDelete.map((pod) => ({ pod, state: 'wait', retryAt: 0 }));
    }
    return toDelete.map((pod) => ({ pod, state: 'evict', retryAt: ctx.cluster.now() }));
  };

  const finishNode = (node: KubeObject) => {
    ctx.out(`node/${node.metadata.name} drained${dryRunSuffix(dry)}\n`);
  };

  const step = (): number | undefined => {
    const now = ctx.cluster.now();
    while (nodeIndex < nodes.length) {
      const node = nodes[nodeIndex];
      if (!pending) {
        pending = startNode(node);
        if (!pending) {
          nodeIndex++;
          continue;
        }
      }
      const timedOut = deadline !== undefined && now >= deadline;
      for (const p of pending) {
        if (p.state !== 'evict' || p.retryAt > now) continue;
        // Each attempt announces itself; once the global timeout is reached the attempt gives up instead.
        ctx.out(`evicting pod ${p.pod.metadata.namespace}/${p.pod.metadata.name}\n`);
        if (timedOut) {
          p.state = 'failed';
          p.error = `error when evicting pods/"${p.pod.metadata.name}" -n "${p.pod.metadata.namespace}": global timeout reached: ${goDuration(timeout)}`;
          continue;
        }
        const r = ctx.client.evict(p.pod.metadata.namespace!, p.pod.metadata.name, { dryRun: dry === 'server', gracePeriodSeconds: grace >= 0 ? grace : undefined });
        if (r.ok) p.state = 'wait';
        else if (r.status.reason === 'NotFound') p.state = 'done';
        else if (r.status.reason === 'TooManyRequests') {
          ctx.errOut(`error when evicting pods/"${p.pod.metadata.name}" -n "${p.pod.metadata.namespace}" (will retry after 5s): ${r.status.message}\n`);
          p.retryAt = now + 5000;
        } else {
          pending = undefined;
          fail(node.metadata.name, err.message(`error when evicting pods/"${p.pod.metadata.name}" -n "${p.pod.metadata.namespace}": ${r.status.message}`));
          nodeIndex++;
          return step();
        }
      }
      ctx.cluster.runUntilIdle();
      for (const p of pending) {
        if (p.state !== 'wait') continue;
        const live = ctx.client.get('pods', p.pod.metadata.namespace, p.pod.metadata.name);
        if (dry === 'server' || !live || live.metadata.uid !== p.pod.metadata.uid) {
          p.state = 'done';
          ctx.out(`pod/${p.pod.metadata.name} ${useEviction ? 'evicted' : 'deleted'}${dryRunSuffix(dry)}\n`);
        } else if (timedOut) {
          p.state = 'failed';
          p.error = `error when waiting for pod "${p.pod.metadata.name}" in namespace "${p.pod.metadata.namespace}" to terminate: global timeout reached: ${goDuration(timeout)}`;
        }
      }
      // An eviction waiting out its 5 s retry only notices the timeout when it wakes.
      if (pending.some((p) => p.state === 'evict' || p.state === 'wait')) return undefined;
      const errors = pending.filter((p) => p.state === 'failed');
      if (errors.length) {
        const msg = aggregateMessage(errors.map((p) => p.error!));
        ctx.errOut(`There are pending pods in node "${node.metadata.name}" when an error occurred: ${msg}\n${errors.map((p) => `pod/${p.pod.metadata.name}\n`).join('')}`);
        pending = undefined;
        fail(node.metadata.name, err.message(msg));
        nodeIndex++;
        continue;
      }
      finishNode(node);
      pending = undefined;
      nodeIndex++;
    }
    if (failed.length) {
      ctx.errOut(`There are pending nodes to be drained:\n${failed.map((n) => ` ${n}\n`).join('')}`);
      ctx.errOut(checkErrText(err.aggregate(failures)));
      return 1;
    }
    return 0;
  };

  const exec = new WaitingExecution({
    deadline,
    check: step,
    wakeAt: () => {
      const next = (pending ?? []).filter((p) => p.state === 'evict').map((p) => p.retryAt);
      return next.length ? Math.min(...next) : ctx.cluster.now() + 1000;
    },
  });
  exec.poll();
  return exec;
}
