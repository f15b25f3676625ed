import { storageName, type KubeObject, type ResourceInfo, type Selector } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { filenameFlags, labelSelector, listObjects, printContext, manifestArgs } from '../common';
import { err, type KubectlError } from '../errors';
import { describe } from '../printerApi';
import { parseResourceArgs } from '../resourceArgs';
import { missingObjectError, resolveTargets } from '../targets';
import { examples } from '../text';

/** `kubectl describe` (kubectl `pkg/cmd/describe/describe.go`). */
export const describeCommand: CommandSpec = {
  path: ['describe'],
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  short: 'Show details of a specific resource or group of resources',
  long: [
    'Show details of a specific resource or group of resources.',
    ' Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:',
    '        $ kubectl describe TYPE NAME_PREFIX\n        \n will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.',
    'Use "kubectl api-resources" for a complete list of supported resources.',
  ].join('\n\n'),
  example: examples(`
    # Describe a node
    kubectl describe nodes kubernetes-node-emt8.c.myproject.internal

    # Describe a pod
    kubectl describe pods/nginx

    # Describe a pod identified by type and name in "pod.json"
    kubectl describe -f pod.json

    # Describe all pods
    kubectl describe pods

    # Describe pods by label name=myLabel
    kubectl describe pods -l name=myLabel

    # Describe all pods managed by the 'frontend' replication controller
    # (rc-created pods get the name of the rc as a prefix in the pod name)
    kubectl describe pods frontend`),
  completion: 'resource',
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'chunk-size', type: 'int', default: '500', usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    ...filenameFlags('containing the resource to describe'),
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'show-events', type: 'bool', default: 'true', usage: 'If true, display events related to the described object.' },
  ],
  run: runDescribe,
};

function runDescribe(ctx: CommandContext): CommandResult {
  if (ctx.args.length === 0 && manifestArgs(ctx).length === 0) {
    return err.usage(ctx.commandPath, 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  const items: { info: ResourceInfo; obj: KubeObject }[] = [];
  const errors: KubectlError[] = [];
  if (manifestArgs(ctx).length > 0) {
    // describe -f reports a missing object as such, whatever its namespace.
    const r = resolveTargets(ctx, ctx.args, { namespaceCheck: false });
    if ('type' in r) return r;
    items.push(...r.targets);
    errors.push(...r.errors);
  } else {
    const sel = parseResourceArgs(ctx.cluster.resources, ctx.args);
    if (!('type' in sel) || (sel.type !== 'types' && sel.type !== 'names')) return sel as KubectlError;
    if (sel.type === 'types') {
      const selector = labelSelector(ctx);
      if (selector && 'type' in selector) return selector;
      for (const info of sel.infos) for (const obj of listObjects(ctx, info, { allNamespaces: ctx.flags.bool('all-namespaces'), selector: selector as Selector | undefined })) items.push({ info, obj });
      if (items.length === 0) {
        // describe names the namespace unless -A, even for a cluster-scoped kind (checked against the real 1.32 client).
        ctx.errOut(!ctx.flags.bool('all-namespaces') ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
        return 0;
      }
    } else {
      for (const { info, name } of sel.items) {
        const ns = info.namespaced ? ctx.namespace : undefined;
        const obj = ctx.client.get(storageName(info), ns, name);
        if (obj) {
          items.push({ info, obj });
          continue;
        }
        const prefixed = ctx.client.list(storageName(info), { namespace: ns }).filter((o) => o.metadata.name.startsWith(name));
        if (prefixed.length === 0) errors.push(missingObjectError(ctx, info, ns, name));
        for (const o of prefixed) items.push({ info, obj: o });
      }
    }
  }
  const pctx = printContext(ctx);
  ctx.out(items.map(({ info, obj }) => describe(info, obj, pctx)).join('\n\n'));
  if (errors.length === 1) return errors[0];
  if (errors.length > 1) return err.aggregate(errors);
  return 0;
}
