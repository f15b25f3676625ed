import { kindGroup, storageName, type KubeObject, type PropagationPolicy, type ResourceInfo, type Selector } from '../../../sim/k8s/index';
import { WaitingExecution } from '../../execution';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, dryRunSuffix, fieldSelector, fileNameFlags, labelSelector, listObjects, type DryRun, manifestArgs } from '../common';
import { objectsFromFiles } from '../targets';
import { addSourceToErr, err, type KubectlError } from '../errors';
import { MISSING_RESOURCE } from '../missingResource';
import { parseResourceArgs } from '../resourceArgs';
import { examples, longDesc } from '../text';

/** `kubectl delete` (kubectl `pkg/cmd/delete/delete.go`, `delete_flags.go`). */
export const deleteCommand: CommandSpec = {
  path: ['delete'],
  use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: longDesc(`
    Delete resources by file names, stdin, resources and names, or by resources and label selector.

    JSON and YAML formats are accepted. Only one type of argument may be specified: file names,
    resources and names, or resources and label selector.

    Some resources, such as pods, support graceful deletion. These resources define a default period
    before they are forcibly terminated (the grace period) but you may override that value with
    the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often
    represent entities in the cluster, deletion may not be acknowledged immediately. If the node
    hosting a pod is down or cannot reach the API server, termination may take significantly longer
    than the grace period. To force delete a resource, you must specify the --force flag.
    Note: only a subset of resources support graceful deletion. In absence of the support,
    the --grace-period flag is ignored.

    IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been
    terminated, which can leave those processes running until the node detects the deletion and
    completes graceful deletion. If your processes use shared storage or talk to a remote API and
    depend on the name of the pod to identify themselves, force deleting those pods may result in
    multiple processes running on different machines using the same identification which may lead
    to data corruption or inconsistency. Only force delete pods when you are sure the pod is
    terminated, or if your application can tolerate multiple copies of the same pod running at once.
    Also, if you force delete pods, the scheduler may place new pods on those nodes before the node
    has released those resources and causing those pods to be evicted immediately.

    Note that the delete command does NOT do resource version checks, so if someone submits an
    update to a resource right when you submit a delete, their update will be lost along with the
    rest of the resource.

    After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up
    to 6 hours. If you don't want to wait, you might want to run "kubectl api-resources" to refresh
    the discovery cache.`),
  example: examples(`
    # Delete a pod using the type and name specified in pod.json
    kubectl delete -f ./pod.json

    # Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
    kubectl delete -k dir

    # Delete resources from all files that end with '.json'
    kubectl delete -f '*.json'

    # Delete a pod based on the type and name in the JSON passed into stdin
    cat pod.json | kubectl delete -f -

    # Delete pods and services with same names "baz" and "foo"
    kubectl delete pod,service baz foo

    # Delete pods and services with label name=myLabel
    kubectl delete pods,services -l name=myLabel

    # Delete a pod with minimal delay
    kubectl delete pod foo --now

    # Force delete a pod on a dead node
    kubectl delete pod foo --force

    # Delete all pods
    kubectl delete pods --all

    # Delete all pods only if the user confirms the deletion
    kubectl delete pods --all --interactive`),
  completion: 'resource',
  flags: [
    { name: 'all', type: 'bool', usage: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    dryRunFlag,
    { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    ...fileNameFlags('containing the resource to delete.'),
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: '-1', usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'ignore-not-found', type: 'bool', usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'interactive', shorthand: 'i', type: 'bool', usage: 'If true, delete resource only when user confirms.' },
    { name: 'now', type: 'bool', usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    { name: 'raw', type: 'string', usage: 'Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file.' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'timeout', type: 'duration', usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'wait', type: 'bool', default: 'true', usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  run: runDelete,
};

interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
  source?: string;
}

function cascadePolicy(ctx: CommandContext): PropagationPolicy | KubectlError {
  const v = ctx.flags.string('cascade');
  switch (v) {
    case 'background':
    case 'true':
      if (v === 'true') ctx.errOut('warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n');
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      if (v === 'false') ctx.errOut('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
      return 'Orphan';
    default:
      return err.message(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan".`);
  }
}

function collectTargets(ctx: CommandContext): { targets: Target[]; errors: KubectlError[] } | KubectlError {
  const filenames = manifestArgs(ctx);
  const errors: KubectlError[] = [];
  const targets: Target[] = [];
  if (filenames.length > 0) {
    if (ctx.args.length > 0) return err.message(`Unexpected args: [${ctx.args.join(' ')}]`);
    const read = objectsFromFiles(ctx, filenames);
    if ('type' in read) return read;
    return { targets: read.objects, errors: read.errors };
  }
  if (ctx.args.length === 0) return err.message(MISSING_RESOURCE);
  const sel = parseResourceArgs(ctx.cluster.resources, ctx.args);
  if (!('type' in sel) || (sel.type !== 'types' && sel.type !== 'names')) return sel as KubectlError;
  if (sel.type === 'names') {
    for (const { info, name } of sel.items) targets.push({ info, namespace: info.namespaced ? ctx.namespace : undefined, name });
    return { targets, errors };
  }
  const selector = labelSelector(ctx);
  if (selector && 'type' in selector) return selector;
  if (!ctx.flags.bool('all') && !selector && !ctx.flags.string('field-selector')) return err.message('resource(s) were provided, but no name was specified');
  for (const info of sel.infos) {
    const fields = fieldSelector(ctx, info);
    if (!Array.isArray(fields)) return fields;
    for (const o of listObjects(ctx, info, { allNamespaces: ctx.flags.bool('all-namespaces'), selector: selector as Selector | undefined, fields })) {
      targets.push({ info, namespace: o.metadata.namespace, name: o.metadata.name });
    }
  }
  return { targets, errors };
}

function runDelete(ctx: CommandContext): CommandResult {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const policy = cascadePolicy(ctx);
  if (typeof policy !== 'string') return policy;
  let grace = ctx.flags.int('grace-period');
  const force = ctx.flags.bool('force');
  if (ctx.flags.bool('now')) {
    if (grace !== -1) return err.message('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace === 0) ctx.errOut('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  const collected = collectTargets(ctx);
  if ('type' in collected) return collected;
  const { targets, errors } = collected;
  const ignoreNotFound = ctx.flags.bool('ignore-not-found') || (ctx.flags.bool('all') && !ctx.flags.changed('ignore-not-found'));
  if (ctx.explicitNamespace && targets.some((t) => !t.info.namespaced)) ctx.errOut('warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
  const deleted: KubeObject[] = [];
  const deletedInfos: ResourceInfo[] = [];
  for (const t of targets) {
    const r = deleteOne(ctx, t, dry, grace, policy);
    if (r === undefined) continue;
    if (!('metadata' in r)) {
      const e = r as KubectlError;
      if (!(ignoreNotFound && e.type === 'status' && e.status.reason === 'NotFound')) errors.push(t.source ? addSourceToErr('deleting', t.source, e) : e);
      continue;
    }
    deleted.push(r as KubeObject);
    deletedInfos.push(t.info);
  }
  ctx.cluster.runUntilIdle();
  if (errors.length) return err.aggregate(errors);
  if (deleted.length === 0 && targets.length === 0) ctx.out('No resources found\n');
  if (dry !== 'none' || !ctx.flags.bool('wait') || deleted.length === 0) return 0;
  return waitForDeletion(ctx, deleted, deletedInfos);
}

function deleteOne(ctx: CommandContext, t: Target, dry: DryRun, grace: number, policy: PropagationPolicy): KubeObject | KubectlError | undefined {
  const resource = storageName(t.info);
  const operation = grace === 0 ? 'force deleted' : 'deleted';
  if (dry === 'client') {
    const live = ctx.client.get(resource, t.namespace, t.name);
    if (!live) return notFound(t.info, t.name);
    ctx.out(`${kindGroup(t.info)} "${t.name}" ${operation}${dryRunSuffix(dry)}\n`);
    return undefined;
  }
  const r = ctx.client.delete(resource, t.namespace, t.name, { gracePeriodSeconds: grace >= 0 ? grace : undefined, propagationPolicy: policy, dryRun: dry === 'server' });
  if (!r.ok) return err.status(r.status);
  if (ctx.flags.string('output') === 'name') ctx.out(`${kindGroup(t.info)}/${t.name}\n`);
  else ctx.out(`${kindGroup(t.info)} "${t.name}" ${operation}${dryRunSuffix(dry)}\n`);
  return r.object;
}

function notFound(info: ResourceInfo, name: string): KubectlError {
  const gr = info.group ? `${info.resource}.${info.group}` : info.resource;
  return err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: `${gr} "${name}" not found`, details: { name, group: info.group, kind: info.resource } });
}

/** `kubectl wait --for=delete` as delete runs it: done when each object is gone (or replaced by a new uid). */
function waitForDeletion(ctx: CommandContext, objects: KubeObject[], infos: ResourceInfo[]): CommandResult {
  const timeout = ctx.flags.duration('timeout') || 168 * 3600_000;
  const deadline = ctx.cluster.now() + timeout;
  const gone = (o: KubeObject, i: number): boolean => {
    const live = ctx.client.get(storageName(infos[i]), o.metadata.namespace, o.metadata.name);
    return !live || live.metadata.uid !== o.metadata.uid;
  };
  const exec = new WaitingExecution({
    deadline,
    check: () => {
      if (objects.every(gone)) return 0;
      if (ctx.cluster.now() >= deadline) {
        const pending = objects.map((o, i) => (gone(o, i) ? undefined : `${infos[i].resource}${infos[i].group ? `.${infos[i].group}` : ''}/${o.metadata.name}`)).filter((x) => x);
        ctx.errOut(`error: timed out waiting for the condition on ${pending[0]}\n`);
        return 1;
      }
      return undefined;
    },
  });
  exec.poll();
  return exec;
}

