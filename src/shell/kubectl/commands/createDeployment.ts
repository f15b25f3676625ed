import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, templateFlags, validateFlag } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import { examples, longDesc } from '../text';

/** `kubectl create deployment` (kubectl `pkg/cmd/create/create_deployment.go`). */
export const createDeploymentCommand: CommandSpec = {
  path: ['create', 'deployment'],
  use: 'deployment NAME --image=image -- [COMMAND] [args...]',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  long: longDesc(`
    Create a deployment with the specified name.`),
  example: examples(`
    # Create a deployment named my-dep that runs the busybox image
    kubectl create deployment my-dep --image=busybox

    # Create a deployment with a command
    kubectl create deployment my-dep --image=busybox -- date

    # Create a deployment named my-dep that runs the nginx image with 3 replicas
    kubectl create deployment my-dep --image=nginx --replicas=3

    # Create a deployment named my-dep that runs the busybox image and expose port 5701
    kubectl create deployment my-dep --image=busybox --port=5701

    # Create a deployment named my-dep that runs multiple containers
    kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx`),
  flags: [
    dryRunFlag,
    fieldManagerFlag('kubectl-create'),
    { name: 'image', type: 'stringSlice', default: '[]', required: true, usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'port', type: 'int', default: '-1', usage: 'The containerPort that this deployment exposes.' },
    { name: 'replicas', shorthand: 'r', type: 'int', default: '1', usage: 'Number of replicas to create. Default is 1.' },
    { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    validateFlag,
    ...templateFlags,
  ],
  run: runCreateDeployment,
};

/** Container name from an image reference (`busybox:latest` → `busybox`), as buildPodSpec derives it. */
export function containerNameFromImage(image: string): string {
  let name = image.split('/').pop() ?? image;
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  return name.replace(/_/g, '-');
}

function runCreateDeployment(ctx: CommandContext): CommandResult {
  const named = ctx.dashIndex >= 0 ? ctx.args.slice(0, ctx.dashIndex) : ctx.args;
  if (named.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${named.length}`);
  const images = ctx.flags.list('image');
  const command = ctx.dashIndex >= 0 ? ctx.args.slice(ctx.dashIndex) : [];
  if (images.length > 1 && command.length > 0) return err.message('cannot specify multiple --image options and command');
  const name = named[0];
  const labels = { app: name };
  const used = new Set<string>();
  const containers = images.map((image, i) => {
    let cname = containerNameFromImage(image);
    if (used.has(cname)) cname = `${cname}-${i}`;
    used.add(cname);
    const c: Record<string, unknown> = { image, name: cname, resources: {} };
    if (command.length) c.command = command;
    return c;
  });
  const port = ctx.flags.int('port');
  if (port >= 0 && containers.length > 0) containers[0].ports = [{ containerPort: port }];
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, labels, name };
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: {
      replicas: ctx.flags.int('replicas'),
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
    },
    status: {},
  };
  return createGenerated(ctx, deployment);
}
