/**
 * What the paired actions read from each cluster (`PairedSide`): the
 * Kubernetes snapshot and the swarm's objects reduced to workers, stopped
 * machines, the paired app's running instances and its main workload.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { SwarmNode, SwarmService, SwarmTask } from '../sim/swarm/index';
import { VOTING_APP_STACK } from '../scenarios/votingApp';
import type { PairedSide } from './pairedActions';

/** The paired app's Deployments (label `app`), in the `default` namespace. */
export const PAIRED_APPS: readonly string[] = ['vote', 'result', 'worker', 'redis', 'db'];
/** The workload the actions scale, update and roll back. */
export const PAIRED_MAIN = 'vote';
/** The stack label Docker puts on a stack's services. */
const STACK_LABEL = 'com.docker.stack.namespace';

const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';

/** The Kubernetes objects the paired actions read (a `ClusterSnapshot` has them). */
export interface KubernetesObjects {
  readonly nodes: readonly Node[];
  readonly pods: readonly Pod[];
  readonly deployments: readonly Deployment[];
  readonly replicaSets: readonly ReplicaSet[];
  readonly stoppedNodes: readonly string[];
}

/** The swarm objects the paired actions read (a swarm snapshot has them); `stoppedNodes` are node IDs. */
export interface SwarmObjects {
  readonly nodes: readonly SwarmNode[];
  readonly services: readonly SwarmService[];
  readonly tasks: readonly SwarmTask[];
  readonly stoppedNodes: readonly string[];
}

/** The Kubernetes side: workers are nodes without the control-plane role; the app's pods are those labelled `app=<one of PAIRED_APPS>` in `default`. */
export function kubernetesSide(objects: KubernetesObjects): PairedSide {
  const stopped = new Set(objects.stoppedNodes);
  const workers = objects.nodes
    .filter((n) => n.metadata?.name && !(CONTROL_PLANE in (n.metadata.labels ?? {})))
    .map((n) => ({ name: n.metadata!.name!, up: !stopped.has(n.metadata!.name!) }));
  const running = objects.pods
    .filter((p) => (p.metadata?.namespace ?? 'default') === 'default' && PAIRED_APPS.includes(p.metadata?.labels?.app ?? '') && p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp && p.spec?.nodeName)
    .map((p) => ({ node: p.spec!.nodeName!, workload: p.metadata!.labels!.app }));
  const d = objects.deployments.find((x) => x.metadata?.name === PAIRED_MAIN && (x.metadata.namespace ?? 'default') === 'default');
  const container = d?.spec?.template.spec?.containers[0];
  const uid = d?.metadata?.uid;
  const revisions = uid ? objects.replicaSets.filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === uid)).length : 0;
  return {
    workers,
    stopped: [...objects.stoppedNodes],
    running,
    main: d && container ? { name: PAIRED_MAIN, container: container.name, image: container.image ?? '', replicas: d.spec?.replicas ?? 1, canRollBack: revisions > 1 } : undefined,
  };
}

/** The swarm side: workers are worker-role members; the app is the services of the stack `vote`. */
export function swarmSide(objects: SwarmObjects): PairedSide {
  const stopped = new Set(objects.stoppedNodes);
  const hostname = new Map(objects.nodes.map((n) => [n.id, n.description.hostname]));
  const workers = objects.nodes.filter((n) => n.spec.role === 'worker' && !n.left).map((n) => ({ name: n.description.hostname, up: !stopped.has(n.id) }));
  const stack = new Map(objects.services.filter((s) => s.spec.labels[STACK_LABEL] === VOTING_APP_STACK).map((s) => [s.id, s.spec.name]));
  const running = objects.tasks
    .filter((t) => stack.has(t.serviceId) && t.status.state === 'running' && t.desiredState === 'running' && hostname.has(t.nodeId))
    .map((t) => ({ node: hostname.get(t.nodeId)!, workload: stack.get(t.serviceId)! }));
  const mainName = `${VOTING_APP_STACK}_${PAIRED_MAIN}`;
  const s = objects.services.find((x) => x.spec.name === mainName);
  const replicas = s && 'replicated' in s.spec.mode ? s.spec.mode.replicated.replicas : 0;
  return {
    workers,
    stopped: objects.stoppedNodes.map((id) => hostname.get(id) ?? id),
    running,
    main: s ? { name: mainName, image: s.spec.image, replicas, canRollBack: s.previousSpec !== undefined } : undefined,
  };
}
