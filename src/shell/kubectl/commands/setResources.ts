import { parseQuantity } from '../../../lib/quantity';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, fieldManagerFlag, filenameFlags, recordFlag, selectorFlag, templateFlags, manifestArgs } from '../common';
import { err, type KubectlError } from '../errors';
import { LOCAL_NEEDS_FILES, setTargets, LOCAL_SERVER_DRY_RUN } from './setObjects';
import { examples, longDesc } from '../text';
import { selectContainers, updatePodSpecs } from './podSpecUpdate';

/** `kubectl set resources` (kubectl `pkg/cmd/set/set_resources.go`). */
export const setResourcesCommand: CommandSpec = {
  path: ['set', 'resources'],
  use: 'resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS]',
  short: 'Update resource requests/limits on objects with pod templates',
  long: longDesc(`
    Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.

    For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.

    Possible resources include (case insensitive): Use "kubectl api-resources" for a complete list of supported resources..`),
  example: examples(`
    # Set a deployments nginx container cpu limits to "200m" and memory to "512Mi"
    kubectl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi

    # Set the resource request and limits for all containers in nginx
    kubectl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi

    # Remove the resource requests for resources on containers in nginx
    kubectl set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0

    # Print the result (in yaml format) of updating nginx container limits from a local, without hitting the server
    kubectl set resources -f path/to/file.yaml --limits=cpu=200m,memory=512Mi --local -o yaml`),
  completion: 'resource',
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types' },
    { name: 'containers', shorthand: 'c', type: 'string', default: '*', usage: 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards' },
    dryRunFlag,
    fieldManagerFlag('kubectl-set'),
    ...filenameFlags('identifying the resource to get from a server.'),
    { name: 'limits', type: 'string', usage: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges." },
    { name: 'local', type: 'bool', usage: 'If true, set resources will NOT contact api-server but run locally.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    recordFlag,
    { name: 'requests', type: 'string', usage: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges." },
    selectorFlag,
    ...templateFlags,
  ],
  run: runSetResources,
};

const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** `populateResourceListV1`: `cpu=200m,memory=512Mi` → a resource list (values as the user wrote them). */
export function populateResourceList(spec: string): { list: Record<string, string> } | { error: KubectlError } {
  const out: Record<string, string> = {};
  if (spec === '') return { list: out };
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) return { error: err.message(`Invalid argument syntax ${statement}, expected <resource>=<value>`) };
    if (!parseQuantity(parts[1])) return { error: err.message(QUANTITY_ERROR) };
    out[parts[0]] = parts[1];
  }
  return { list: out };
}

type Resources = { limits?: Record<string, string>; requests?: Record<string, string> };

function runSetResources(ctx: CommandContext): CommandResult {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const local = ctx.flags.bool('local');
  if (local && dry === 'server') return err.message(LOCAL_SERVER_DRY_RUN);
  // Resources named beside --local want files instead; with nothing named at all, the builder's own error (localTargets).
  if (local && manifestArgs(ctx).length === 0 && ctx.args.length > 0) return err.message(LOCAL_NEEDS_FILES);
  if (ctx.flags.bool('all') && ctx.flags.string('selector')) return err.message('cannot set --all and --selector at the same time');
  const limitsText = ctx.flags.string('limits');
  const requestsText = ctx.flags.string('requests');
  if (!limitsText && !requestsText) return err.message('you must specify an update to requests or limits (in the form of --requests/--limits)');
  const limitsList = populateResourceList(limitsText);
  if ('error' in limitsList) return limitsList.error;
  const requestsList = populateResourceList(requestsText);
  if ('error' in requestsList) return requestsList.error;
  const limits = limitsList.list;
  const requests = requestsList.list;
  const resolved = setTargets(ctx, ctx.args, { local, selector: true, all: true });
  if ('type' in resolved) return resolved;
  const selector = ctx.flags.string('containers');
  const errors: KubectlError[] = [...resolved.errors];
  errors.push(
    ...updatePodSpecs(ctx, resolved.targets, {
      operation: 'resource requirements updated',
      failure: 'failed to patch resources update to pod template',
      dry,
      local,
      mutate: (spec, t) => {
        const containers = [...selectContainers(spec.containers, selector), ...selectContainers(spec.initContainers, selector)];
        if (containers.length === 0) {
          errors.push(err.message(`error: unable to find container named ${selector}`));
          return undefined;
        }
        for (const c of containers) {
          const res = ((c.resources as Resources | undefined) ?? {}) as Resources;
          if (limitsText) res.limits = { ...res.limits, ...limits };
          if (requestsText) res.requests = { ...res.requests, ...requests };
          c.resources = res;
        }
        if (ctx.flags.bool('record')) t.obj.metadata.annotations = { ...t.obj.metadata.annotations, 'kubernetes.io/change-cause': ctx.commandLine };
        return undefined;
      },
    }),
  );
  if (errors.length === 1) return errors[0];
  if (errors.length > 1) return err.aggregate(errors);
  return 0;
}
