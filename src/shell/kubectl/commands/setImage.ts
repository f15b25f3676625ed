import { deepCopy } from '../deepCopy';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, fieldManagerFlag, filenameFlags, recordFlag, templateFlags, manifestArgs } from '../common';
import { err, errorString, type KubectlError } from '../errors';
import { podSpecOf, podSpecPath } from '../podSpec';
import { aggregateResult, infoObjectName, LOCAL_NEEDS_FILES, mutationOutputFormat, recordChangeCause, setTargets, writeAndPrint, LOCAL_SERVER_DRY_RUN } from './setObjects';
import { examples, longDesc } from '../text';

/** `kubectl set image` (kubectl `pkg/cmd/set/set_image.go`). */
export const setImageCommand: CommandSpec = {
  path: ['set', 'image'],
  use: 'image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  short: 'Update the image of a pod template',
  long: longDesc(`
    Update existing container image(s) of resources.

    Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`),
  example: examples(`
    # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
    kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1

    # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
    kubectl set image deployments,rc nginx=nginx:1.9.1 --all

    # Update image of all containers of daemonset abc to 'nginx:1.9.1'
    kubectl set image daemonset abc *=nginx:1.9.1

    # Print result (in yaml format) of updating nginx container image from local file, without hitting the server
    kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`),
  completion: 'resource',
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types' },
    dryRunFlag,
    fieldManagerFlag('kubectl-set'),
    ...filenameFlags('identifying the resource to get from a server.'),
    { name: 'local', type: 'bool', usage: 'If true, set image will NOT contact api-server but run locally.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    recordFlag,
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    ...templateFlags,
  ],
  run: runSetImage,
};

function runSetImage(ctx: CommandContext): CommandResult {
  const resources = ctx.args.filter((a) => !a.includes('='));
  const pairs = ctx.args.filter((a) => a.includes('='));
  if (pairs.length === 0) return err.message('at least one image update is required');
  const images = new Map<string, string>();
  for (const p of pairs) {
    const i = p.indexOf('=');
    const name = p.slice(0, i);
    const image = p.slice(i + 1);
    if (!name || !image) return err.message(`invalid image update: ${p}`);
    images.set(name, image);
  }
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const local = ctx.flags.bool('local');
  if (local && dry === 'server') return err.message(LOCAL_SERVER_DRY_RUN);
  // Resources named beside --local want files instead; with nothing named at all, the builder's own error (localTargets).
  if (local && manifestArgs(ctx).length === 0 && resources.length > 0) return err.message(LOCAL_NEEDS_FILES);
  const printer = mutationOutputFormat(ctx);
  if (!('format' in printer)) return printer;
  const resolved = setTargets(ctx, resources, { local, selector: true, all: true });
  if ('type' in resolved) return resolved;
  const errors: KubectlError[] = [...resolved.errors];
  for (const { info, obj } of resolved.targets) {
    const copy = deepCopy(obj);
    const spec = podSpecOf(copy);
    if (!spec || !podSpecPath(info.kind)) {
      errors.push(err.message(`error: ${infoObjectName(info, obj.metadata.name, local)} the object is not a pod or does not have a pod template: *v1.${info.kind}`));
      continue;
    }
    let changed = false;
    for (const [name, image] of images) {
      let found = false;
      for (const list of [spec.initContainers ?? [], spec.containers ?? []]) {
        for (const c of list) {
          if (c.name === name || name === '*') {
            found = true;
            if (c.image !== image) {
              c.image = image;
              changed = true;
            }
          }
        }
      }
      if (!found) errors.push(err.message(`error: unable to find container named "${name}"`));
    }
    if (ctx.flags.bool('record')) {
      recordChangeCause(ctx, copy);
      changed = changed || obj.metadata.annotations?.['kubernetes.io/change-cause'] !== ctx.commandLine;
    }
    // An empty patch is skipped, printed or not (set_image.go's "no changes").
    if (!changed) continue;
    const failed = writeAndPrint(ctx, info, obj, copy, { dry, local, format: printer.format, operation: 'image updated', failure: (e) => err.message(`failed to patch image update to pod template: ${errorString(e)}`) });
    if (failed) errors.push(failed);
  }
  return aggregateResult(errors);
}
