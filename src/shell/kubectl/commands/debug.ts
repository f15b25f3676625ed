import type { Container, EnvVar, Pod } from 'kubernetes-types/core/v1';
import { fnv32a } from '../../../lib/fnv';
import { createRng } from '../../../lib/rng';
import { containerShell, type KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { err, type KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { isImageReference } from '../generateParams';
import { examples, longDesc } from '../text';
import { readCustomProfile } from './debugCustom';
import { ephemeralDebugContainer, nodeDebugPod, podCopy, PROFILES, type DebugSpec, type Profile } from './debugPods';
import { attachToRun } from './runAttach';

type PodObj = KubeObject & Pod;

const FLAGS: FlagSpec[] = [
  { name: 'arguments-only', type: 'bool', default: 'false', usage: 'If specified, everything after -- will be passed to the new container as Args instead of Command.' },
  { name: 'attach', type: 'bool', default: 'false', usage: "If true, wait for the container to start running, and then attach as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true." },
  { name: 'container', shorthand: 'c', type: 'string', usage: 'Container name to use for debug container.' },
  { name: 'copy-to', type: 'string', usage: 'Create a copy of the target Pod with this name.' },
  { name: 'custom', type: 'string', usage: 'Path to a JSON or YAML file containing a partial container spec to customize built-in debug profiles.' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice', default: '[]', usage: 'identifying the resource to debug' },
  { name: 'env', type: 'stringArray', default: '[]', usage: 'Environment variables to set in the container.' },
  { name: 'image', type: 'string', usage: 'Container image to use for debug container.' },
  { name: 'image-pull-policy', type: 'string', usage: 'The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server.' },
  { name: 'keep-annotations', type: 'bool', default: 'false', usage: "If true, keep the original pod annotations.(This flag only works when used with '--copy-to')" },
  { name: 'keep-init-containers', type: 'bool', default: 'true', usage: "Run the init containers for the pod. Defaults to true.(This flag only works when used with '--copy-to')" },
  { name: 'keep-labels', type: 'bool', default: 'false', usage: "If true, keep the original pod labels.(This flag only works when used with '--copy-to')" },
  { name: 'keep-liveness', type: 'bool', default: 'false', usage: "If true, keep the original pod liveness probes.(This flag only works when used with '--copy-to')" },
  { name: 'keep-readiness', type: 'bool', default: 'false', usage: "If true, keep the original pod readiness probes.(This flag only works when used with '--copy-to')" },
  { name: 'keep-startup', type: 'bool', default: 'false', usage: "If true, keep the original startup probes.(This flag only works when used with '--copy-to')" },
  { name: 'profile', type: 'string', default: 'legacy', usage: 'Options are "legacy", "general", "baseline", "netadmin", "restricted" or "sysadmin".' },
  { name: 'quiet', shorthand: 'q', type: 'bool', default: 'false', usage: 'If true, suppress informational messages.' },
  { name: 'replace', type: 'bool', default: 'false', usage: "When used with '--copy-to', delete the original Pod." },
  { name: 'same-node', type: 'bool', default: 'false', usage: "When used with '--copy-to', schedule the copy of target Pod on the same node." },
  { name: 'set-image', type: 'stringArray', default: '[]', usage: "When used with '--copy-to', a list of name=image pairs for changing container images, similar to how 'kubectl set image' works." },
  { name: 'share-processes', type: 'bool', default: 'true', usage: "When used with '--copy-to', enable process namespace sharing in the copy." },
  { name: 'stdin', shorthand: 'i', type: 'bool', default: 'false', usage: 'Keep stdin open on the container(s) in the pod, even if nothing is attached.' },
  { name: 'target', type: 'string', usage: 'When using an ephemeral container, target processes in this container name.' },
  { name: 'tty', shorthand: 't', type: 'bool', default: 'false', usage: 'Allocate a TTY for the debugging container.' },
];

/** `kubectl debug` (kubectl `pkg/cmd/debug/debug.go`, 1.32): an ephemeral container in a pod, a changed copy of a pod, or a pod on a node's host. */
export const debugCommand: CommandSpec = {
  path: ['debug'],
  use: 'debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ]',
  short: 'Create debugging sessions for troubleshooting workloads and nodes',
  long: longDesc(`
    Debug cluster resources using interactive debugging containers.

    'debug' provides automation for common debugging tasks for cluster objects identified by resource and name. Pods will be used by default if no resource is specified.

    The action taken by 'debug' varies depending on what resource is specified. Supported actions include:

    * Workload: Create a copy of an existing pod with certain attributes changed, for example changing the image tag to a new version.
    * Workload: Add an ephemeral container to an already running pod, for example to add debugging utilities without restarting the pod.
    * Node: Create a new pod that runs in the node's host namespaces and can access the node's filesystem.`),
  example: examples(`
    # Create an interactive debugging session in pod mypod and immediately attach to it.
    kubectl debug mypod -it --image=busybox

    # Create an interactive debugging session for the pod in the file pod.yaml and immediately attach to it.
    # (requires the EphemeralContainers feature to be enabled in the cluster)
    kubectl debug -f pod.yaml -it --image=busybox

    # Create a debug container named debugger using a custom automated debugging image.
    kubectl debug --image=myproj/debug-tools -c debugger mypod

    # Create a copy of mypod adding a debug container and attach to it
    kubectl debug mypod -it --image=busybox --copy-to=my-debugger

    # Create a copy of mypod changing the command of mycontainer
    kubectl debug mypod -it --copy-to=my-debugger --container=mycontainer -- sh

    # Create a copy of mypod changing all container images to busybox
    kubectl debug mypod --copy-to=my-debugger --set-image=*=busybox

    # Create a copy of mypod adding a debug container and changing container images
    kubectl debug mypod -it --copy-to=my-debugger --image=debian --set-image=app=app:debug,sidecar=sidecar:debug

    # Create an interactive debugging session on a node and immediately attach to it.
    # The container will run in the host namespaces and the host's filesystem will be mounted at /host
    kubectl debug node/mynode -it --image=busybox`),
  completion: 'pod',
  flags: FLAGS,
  run: runDebug,
};

/** `key=value` pairs of a pflag stringToString flag (each use may hold several, comma-separated). */
function pairs(ctx: CommandContext, flag: string): Map<string, string> | KubectlError {
  const out = new Map<string, string>();
  for (const given of ctx.flags.list(flag)) {
    for (const item of given.split(',')) {
      const i = item.indexOf('=');
      if (i < 0) return err.message(`error: invalid argument "${given}" for "--${flag}" flag: ${item} must be formatted as key=value`);
      out.set(item.slice(0, i), item.slice(i + 1));
    }
  }
  return out;
}

function runDebug(ctx: CommandContext): CommandResult {
  const f = ctx.flags;
  if (f.list('filename').length > 0) return err.message('error: not simulated yet: kubectl debug -f (name the pod instead: kubectl debug POD …)');
  const targets = ctx.dashIndex >= 0 ? ctx.args.slice(0, ctx.dashIndex) : [...ctx.args];
  const args = ctx.dashIndex >= 0 ? ctx.args.slice(ctx.dashIndex) : [];
  const stdin = f.bool('stdin');
  const tty = f.bool('tty');
  const attach = f.changed('attach') ? f.bool('attach') : stdin;
  const quiet = f.bool('quiet');
  const image = f.string('image');
  const container = f.string('container');
  const copyTo = f.string('copy-to');
  const target = f.string('target');
  const pullPolicy = f.string('image-pull-policy');
  const env = pairs(ctx, 'env');
  if ('type' in env) return env;
  const setImages = pairs(ctx, 'set-image');
  if ('type' in setImages) return setImages;
  // Complete: the profile's applier.
  const profile = f.string('profile') as Profile;
  if (!PROFILES.includes(profile)) return err.message(`error: unknown profile: ${profile}`);
  const customPath = f.string('custom');
  const custom = customPath ? readCustomProfile(ctx, customPath) : undefined;
  if (custom && 'error' in custom) return err.message(`error: ${custom.error as string}`);
  // Validate.
  if (attach && f.changed('attach') && !image && !container) return err.message('error: you must specify --container or create a new container using --image in order to attach.');
  if (copyTo) {
    if (!image && setImages.size === 0 && args.length === 0) return err.message('error: you must specify --image, --set-image or command arguments.');
    if (args.length > 0 && !container && !image) return err.message('error: you must specify an existing container or a new image when specifying args.');
  } else if (f.bool('replace')) return err.message('error: --replace may only be used with --copy-to.');
  else if (f.bool('same-node')) return err.message('error: --same-node may only be used with --copy-to.');
  else if (setImages.size > 0) return err.message('error: --set-image may only be used with --copy-to.');
  else if (!image) return err.message('error: you must specify --image when not using --copy-to.');
  if (image && !isImageReference(image)) return err.message(`error: invalid image name "${image}": invalid reference format`);
  if (targets.length === 0) return err.message('error: NAME or filename is required for debug');
  if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) return err.message(`error: invalid image pull policy: ${pullPolicy}`);
  for (const [name, img] of setImages) if (!isImageReference(img)) return err.message(`error: invalid image name "${img}" for container "${name}": invalid reference format`);
  if (target) {
    if (copyTo) return err.message('error: --target is incompatible with --copy-to. Use --share-processes instead.');
    if (!quiet) ctx.out(`Targeting container "${target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`);
  }
  if (tty && !stdin) return err.message('error: -i/--stdin is required for containers with -t/--tty=true');
  if (profile === 'legacy') ctx.errOut('Legacy profile is planned to be deprecated in the near future. It is recommended to specify other profiles such as "--profile=general".\n');
  const d: DebugSpec = {
    name: container,
    image,
    env: [...env].map(([name, value]): EnvVar => ({ name, value })),
    pullPolicy,
    stdin,
    tty,
    args,
    argsOnly: f.bool('arguments-only'),
    profile,
    custom: custom as Record<string, unknown> | undefined,
    keep: { labels: f.bool('keep-labels'), annotations: f.bool('keep-annotations'), liveness: f.bool('keep-liveness'), readiness: f.bool('keep-readiness'), startup: f.bool('keep-startup'), initContainers: f.bool('keep-init-containers') },
  };
  // Run: each target in turn; the last one attached to (kubectl attaches inside its visit).
  for (const [i, t] of targets.entries()) {
    const visited = visit(ctx, t, d, { copyTo, target, setImages });
    if ('type' in visited) return visited;
    if (attach && visited.container && i === targets.length - 1) {
      const pod = ctx.client.get<PodObj>('pods', visited.namespace, visited.pod);
      const spec = [...(pod?.spec?.containers ?? []), ...((pod?.spec?.ephemeralContainers ?? []) as Container[])].find((c) => c.name === visited.container);
      const shell = stdin && tty && spec ? containerShell(spec.image ?? '', [...(spec.command ?? []), ...(spec.args ?? [])]) : undefined;
      return attachToRun(ctx, { namespace: visited.namespace, name: visited.pod, container: visited.container, tty: stdin && tty, quiet, remove: false, restart: pod?.spec?.restartPolicy ?? 'Always', runningTimeout: Infinity, shell, attachOnly: true, until: 'container' });
    }
  }
  return 0;
}

interface Visited {
  namespace: string;
  pod: string;
  /** The container to attach to ('' for none: a copy that only changed images). */
  container: string;
}

/** One target: a node gets a debugging pod, a pod an ephemeral container or a copy; other kinds are refused. */
function visit(ctx: CommandContext, arg: string, d: DebugSpec, o: { copyTo: string; target: string; setImages: Map<string, string> }): Visited | KubectlError {
  const slash = arg.indexOf('/');
  const info = slash < 0 ? ctx.cluster.resources.resolve('pods') : ctx.cluster.resources.resolve(arg.slice(0, slash));
  if (!info) return err.message(`error: the server doesn't have a resource type "${arg.slice(0, slash)}"`);
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  const resource = info.group ? `${info.resource}.${info.group}` : info.resource;
  const obj = ctx.client.get<KubeObject>(resource, info.namespaced ? ctx.namespace : undefined, name);
  if (!obj) return err.status({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `${resource} "${name}" not found`, metadata: {} });
  const random = suffixes(ctx, name);
  if (info.kind === 'Node') {
    const debugger_ = d.name || 'debugger';
    const podName = `node-debugger-${name}-${random()}`;
    if (!ctx.flags.bool('quiet')) ctx.out(`Creating debugging pod ${podName} with container ${debugger_} on node ${name}.\n`);
    const pod = nodeDebugPod({ ...d, name: debugger_ }, name, podName);
    if (ctx.explicitNamespace) pod.metadata.namespace = ctx.namespace;
    const r = ctx.client.create(pod);
    if (!r.ok) return err.status(r.status);
    return { namespace: ctx.namespace, pod: podName, container: debugger_ };
  }
  if (info.kind !== 'Pod') return err.message(`error: "${info.group ? `${info.group}/` : ''}${info.version}, Kind=${info.kind}" not supported by debug`);
  const pod = obj as PodObj;
  const newName = () => debugContainerName(ctx, pod, random);
  if (o.copyTo) {
    const copy = podCopy(pod, d, { name: o.copyTo, containerName: d.name, setImages: o.setImages, sameNode: ctx.flags.bool('same-node'), shareProcesses: ctx.flags.changed('share-processes') ? ctx.flags.bool('share-processes') : undefined, newName });
    if ('error' in copy) return err.message(`error: ${copy.error}`);
    const made = ctx.client.create(copy.pod);
    if (!made.ok) return err.status(made.status);
    if (ctx.flags.bool('replace')) {
      const gone = ctx.client.delete('pods', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
      if (!gone.ok) return err.status(gone.status);
    }
    return { namespace: pod.metadata.namespace!, pod: o.copyTo, container: copy.container };
  }
  const ec = ephemeralDebugContainer({ ...d, name: d.name || newName() }, o.target);
  warnNonRoot(ctx, ec, pod);
  const r = ctx.client.updateEphemeralContainers(pod.metadata.namespace!, pod.metadata.name, [...(pod.spec?.ephemeralContainers ?? []), ec]);
  if (!r.ok) return err.status(r.status);
  return { namespace: pod.metadata.namespace!, pod: pod.metadata.name, container: ec.name };
}

/** How many times `kubectl debug` ran against each cluster (so two runs at one instant name apart). */
const runs = new WeakMap<object, number>();

/** utilrand.String(5) for this command: seeded by the cluster's seed, the time, the run and the target, so a replay names alike. */
function suffixes(ctx: CommandContext, target: string): () => string {
  const run = (runs.get(ctx.cluster) ?? 0) + 1;
  runs.set(ctx.cluster, run);
  const rng = createRng(fnv32a(`${ctx.cluster.seed}:debug:${ctx.cluster.now()}:${run}:${target}`));
  return () => rng.string(5, 'bcdfghjklmnpqrstvwxz2456789');
}

/** `computeDebugContainerName`: `debugger-xxxxx`, free among the pod's containers, announced unless quiet. */
function debugContainerName(ctx: CommandContext, pod: PodObj, random: () => string): string {
  const taken = new Set([...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c) => c.name));
  let name = '';
  while (!name || taken.has(name)) name = `debugger-${random()}`;
  if (!ctx.flags.bool('quiet')) ctx.out(`Defaulting debug container name to ${name}.\n`);
  return name;
}

/** `displayWarning`: a profile's capabilities may not work when the pod runs as a non-root user. */
function warnNonRoot(ctx: CommandContext, c: Container, pod: PodObj): void {
  const runAs = pod.spec?.securityContext?.runAsUser;
  const sc = c.securityContext;
  if (runAs === undefined || runAs === 0 || !sc || sc.runAsUser === 0) return;
  if (!sc.privileged && (sc.capabilities?.add ?? []).length === 0) return;
  ctx.errOut('Warning: Non-root user is configured for the entire target Pod, and some capabilities granted by debug profile may not work. Please consider using "--custom" with a custom profile that specifies "securityContext.runAsUser: 0".\n');
}
