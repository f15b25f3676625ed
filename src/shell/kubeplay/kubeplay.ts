import { finished } from '../execution';
import { runAddon } from './addon';
import { runClockSettle, runClockStep } from './clock';
import { runContainerCrash } from './containerCrash';
import { MACHINE_ADD_DETAILS, MACHINE_ADD_USAGE, runMachineAdd } from './machine';
import { NODE_ADD_USAGE, NODE_SET_USAGE, runNodeAdd, runNodeRemove, runNodeSet } from './nodeShape';
import { runTraffic } from './traffic';
import { swarmFor } from '../docker/swarmHost';
import type { Execution, OutputSink, ShellEnvironment } from '../types';

/**
 * `kubeplay …`: actions no real CLI has (power a node off, crash a
 * container, send traffic). Each is also what a button in the UI issues.
 */
export interface PlaygroundCommand {
  /** Words after `kubeplay`. */
  path: readonly string[];
  usage: string;
  summary: string;
  /** The full usage and details for `kubeplay PATH --help`, when the one-line usage is not enough. */
  details?: string;
  run?(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution;
}

const NODE_ADD_DETAILS = `usage: ${NODE_ADD_USAGE}

A new worker joins, as after kubeadm join: its kubelet registers the Node
(kubernetes.io/hostname, kubernetes.io/os, kubernetes.io/arch labels), gets a
Lease and a pod CIDR, reports Ready; DaemonSets add their pods to it and the
scheduler uses it.

  NAME             default: the next free worker-N
  --cpu 4          CPU capacity (default: the cluster's workers', 4)
  --memory 8Gi     memory capacity (default: the cluster's workers', 8Gi)
  --max-pods 110   pods the kubelet accepts
  --zone ZONE      sets the label topology.kubernetes.io/zone=ZONE
  --label K=V      another label (repeatable), as the kubelet's --node-labels:
                   not node-role.kubernetes.io/… (the kubelet refuses those;
                   add them after it joins with kubectl label node)
  --taint K=V:E    a taint to register with, E one of NoSchedule,
                   PreferNoSchedule, NoExecute (repeatable); later: kubectl taint node

Example: kubeplay node add worker-4 --zone zone-b --label disk=ssd
`;

const NODE_REMOVE_DETAILS = `usage: kubeplay node remove NAME

The machine is gone and its Node object is deleted (kubectl delete node). Pods
still bound to it are deleted by the pod garbage collector 40–60 s later
(marked Failed, condition DisruptionTarget, reason DeletionByPodGC) and their
controllers create replacements on the other nodes. To move them gracefully
first: kubectl drain NAME --ignore-daemonsets.
`;

const NODE_SET_DETAILS = `usage: ${NODE_SET_USAGE}

The node's machine is resized and its kubelet reports the new capacity and
allocatable (memory minus the kubelet's 100Mi eviction reserve). Pods already
running stay; the scheduler fits new pods against the new size. Labels and
taints: kubectl label node NAME K=V, kubectl taint node NAME K=V:EFFECT.
`;

const SETTLE_DETAILS = `usage: kubeplay clock settle [--max DURATION]

Runs the cluster as fast as it goes until nothing you can see changes any more
(Lease renewals and node heartbeats aside), or until DURATION (default 10m) of
virtual time has passed. Quiet means 30s without a change when nothing is
waiting to act later (every pod Ready on a Ready node, every workload fully
available, no CronJob, HPA, running Job or NoExecute taint); otherwise 5m10s,
longer than the kubelet's longest back-off (5m) and the default 300s
tolerations, so a crash loop or an eviction countdown is not taken for calm.
Says when the last change happened, or what was still changing at the cap.
Ctrl+C stops it.
`;

/** Playground commands, in the order `kubeplay help` lists them. */
export const PLAYGROUND_COMMANDS: readonly PlaygroundCommand[] = [
  { path: ['node', 'stop'], usage: 'kubeplay node stop NAME', summary: 'the node stops heartbeating, as if powered off', run: (env, args, sink) => runNodePower(env, args, sink, false) },
  { path: ['node', 'start'], usage: 'kubeplay node start NAME', summary: 'the node comes back and heartbeats again', run: (env, args, sink) => runNodePower(env, args, sink, true) },
  { path: ['node', 'add'], usage: 'kubeplay node add [NAME] [flags]', summary: 'a worker joins the cluster (kubeadm join); --help for the flags', details: NODE_ADD_DETAILS, run: runNodeAdd },
  { path: ['node', 'remove'], usage: 'kubeplay node remove NAME', summary: 'the worker leaves: Node deleted, its pods replaced elsewhere', details: NODE_REMOVE_DETAILS, run: runNodeRemove },
  { path: ['node', 'set'], usage: 'kubeplay node set NAME [flags]', summary: "resize a node's machine (--cpu, --memory, --max-pods)", details: NODE_SET_DETAILS, run: runNodeSet },
  { path: ['machine', 'add'], usage: MACHINE_ADD_USAGE, summary: 'a new Docker machine beside the swarm, to docker swarm join; --help for more', details: MACHINE_ADD_DETAILS, run: runMachineAdd },
  { path: ['clock', 'step'], usage: 'kubeplay clock step [DURATION]', summary: 'move virtual time on by 1s (or DURATION), even when paused', run: runClockStep },
  { path: ['clock', 'settle'], usage: 'kubeplay clock settle [--max 10m]', summary: 'fast-forward until nothing visible changes (at most 10m)', details: SETTLE_DETAILS, run: runClockSettle },
  { path: ['container', 'crash'], usage: 'kubeplay container crash POD [-c CONTAINER]', summary: 'the container exits with an error', run: runContainerCrash },
  { path: ['traffic'], usage: 'kubeplay traffic SERVICE|ingress/NAME --rps N [--for DURATION]', summary: 'simulated requests through a Service (or an Ingress and its controller)', run: runTraffic },
  { path: ['addon'], usage: 'kubeplay addon list|enable|disable NAME', summary: 'install a cluster add-on (metrics-server for kubectl top, ingress-nginx for Ingresses)', run: runAddon },
  { path: ['help'], usage: 'kubeplay help', summary: 'this list' },
];

/**
 * `kubeplay node stop|start NAME`: powers the machine under a node off or
 * on, through the engine's playground entry (`cluster.stopNode`/`startNode`).
 */
function runNodePower(env: ShellEnvironment, args: readonly string[], sink: OutputSink, on: boolean): Execution {
  const verb = on ? 'start' : 'stop';
  if (args.length !== 1 || args[0].startsWith('-')) {
    sink.stderr(`kubeplay: usage: kubeplay node ${verb} NAME\n`);
    return finished(1);
  }
  const name = args[0].replace(/^nodes?\//, '');
  // Not a Kubernetes node: a machine of the Docker swarm beside the cluster (manager1, worker1, …)?
  const swarmNode = env.cluster.client().get('nodes', undefined, name) ? undefined : swarmFor(env.cluster).findNode(name);
  if (swarmNode && swarmNode.description.hostname === name) {
    const swarm = swarmFor(env.cluster);
    const r = on ? swarm.startNode(swarmNode.id) : swarm.stopNode(swarmNode.id);
    sink.stdout(r === 'changed' ? `node/${name} ${on ? 'started' : 'stopped'}\n` : `node/${name} already ${on ? 'running' : 'stopped'}\n`);
    return finished(0);
  }
  const result = on ? env.cluster.startNode(name) : env.cluster.stopNode(name);
  switch (result.type) {
    case 'changed':
      sink.stdout(`node/${name} ${on ? 'started' : 'stopped'}\n`);
      return finished(0);
    case 'unchanged':
      sink.stdout(`node/${name} already ${on ? 'running' : 'stopped'}\n`);
      return finished(0);
    case 'notFound':
      sink.stderr(`Error from server (NotFound): nodes "${name}" not found\n`);
      return finished(1);
    case 'notSimulated':
      sink.stderr(`kubeplay: not simulated: ${result.reason}\n`);
      return finished(1);
  }
}

function helpText(): string {
  const width = Math.max(...PLAYGROUND_COMMANDS.map((c) => c.usage.length));
  return [
    'Playground commands (actions no real CLI has):',
    ...PLAYGROUND_COMMANDS.map((c) => `  ${c.usage.padEnd(width)}   ${c.summary}${c.run || c.path[0] === 'help' ? '' : ' (not simulated yet)'}`),
    '',
  ].join('\n');
}

/** Runs `kubeplay ARGS…`. */
export function runKubeplay(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution {
  if (args.length === 0 || args[0] === 'help' || args[0] === '--help' || args[0] === '-h') {
    sink.stdout(helpText());
    return finished(0);
  }
  const cmd = PLAYGROUND_COMMANDS.find((c) => c.path.every((p, i) => args[i] === p));
  const rest = cmd ? args.slice(cmd.path.length) : [];
  if (cmd && (rest.includes('--help') || rest.includes('-h'))) {
    sink.stdout(cmd.details ?? `usage: ${cmd.usage}\n\n${cmd.summary}\n`);
    return finished(0);
  }
  if (!cmd) {
    sink.stderr(`kubeplay: unknown command "${args.join(' ')}"\nRun 'kubeplay help' for the list of playground commands.\n`);
    return finished(1);
  }
  if (!cmd.run) {
    sink.stderr(`kubeplay: not simulated yet: "${cmd.usage}" (${cmd.summary}) is not part of the playground yet\n`);
    return finished(1);
  }
  return cmd.run(env, rest, sink);
}
