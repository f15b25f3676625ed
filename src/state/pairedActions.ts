/**
 * One action applied to both clusters (side-by-side mode): a pure mapping
 * from a logical action and what is deployed on each side to the two command
 * lines a person would type — `kubectl …`/`kubeplay …` for Kubernetes,
 * `docker …`/`kubeplay …` for the swarm. The UI issues them through the
 * terminal, so they are echoed, logged and replayed like typed ones.
 */
import { DEPLOY_VOTING_APP } from '../scenarios/votingApp';
import { shellWord } from './nodeCommands';

/** A logical action on the paired application. */
export type PairedAction =
  | { readonly type: 'deploy' }
  | { readonly type: 'stopNode' }
  | { readonly type: 'startNode' }
  | { readonly type: 'rollOut'; readonly image?: string }
  | { readonly type: 'scale'; readonly replicas: number }
  | { readonly type: 'rollBack' }
  | { readonly type: 'traffic' };

export type PairedActionType = PairedAction['type'];

/** A workload of the paired app on one side: a Deployment, or a stack's service. */
export interface PairedWorkload {
  /** `vote` (Kubernetes) or `vote_vote` (swarm). */
  readonly name: string;
  /** The container to give a new image (Kubernetes: `kubectl set image … CONTAINER=IMAGE`). */
  readonly container?: string;
  readonly image: string;
  readonly replicas: number;
  /** A previous version exists to go back to (an older ReplicaSet; a service's previous spec). */
  readonly canRollBack: boolean;
}

/** One cluster as far as the paired actions need it. */
export interface PairedSide {
  /** Machines that can run the app (no control-plane / manager), with whether each is powered on. */
  readonly workers: readonly { readonly name: string; readonly up: boolean }[];
  /** Machines whose power is off (`kubeplay node stop`), any role. */
  readonly stopped: readonly string[];
  /** Running instances of the app (pods, tasks) by node name. */
  readonly running: readonly { readonly node: string; readonly workload: string }[];
  /** The app's main workload (the one scaled, updated and rolled back), if it is deployed. */
  readonly main: PairedWorkload | undefined;
}

/** Why a side has no command for an action (the UI words it). */
export type PairedReason = 'notDeployed' | 'noWorkerWithApp' | 'noStoppedNode' | 'nothingToRollBack' | 'badReplicas' | 'badImage';

export type PairedCommand = { readonly command: string } | { readonly reason: PairedReason };

/** The two commands of one action: Kubernetes first, then the swarm. */
export interface PairedPlan {
  readonly kubernetes: PairedCommand;
  readonly swarm: PairedCommand;
}

/** The simulated requests "Send traffic" sends to each side: requests per second, and for how long. */
export const PAIRED_TRAFFIC = { rps: 10, duration: '1m' } as const;

/** Most replicas the action bar offers (a small cluster's worth). */
export const MAX_PAIRED_REPLICAS = 20;

/** The images the voting app's vote service is published with (`before`/`after` are the tags of Docker's own demos). */
const ROLLOUT_TAGS = ['after', 'before'] as const;

/** The image `image` rolls out to next: its repository with the `after` tag, or `before` when it is already `after`. */
export function nextImage(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const repo = colon > slash ? name.slice(0, colon) : name;
  const tag = colon > slash ? name.slice(colon + 1) : 'latest';
  return `${repo}:${tag === ROLLOUT_TAGS[0] ? ROLLOUT_TAGS[1] : ROLLOUT_TAGS[0]}`;
}

/** The worker to power off: the one running most of the app (ties: the first by name); undefined when none runs any. */
export function busiestWorker(side: PairedSide): string | undefined {
  let best: { name: string; n: number } | undefined;
  for (const w of [...side.workers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!w.up) continue;
    const n = side.running.filter((r) => r.node === w.name).length;
    if (n > 0 && (!best || n > best.n)) best = { name: w.name, n };
  }
  return best?.name;
}

const IMAGE = /^[a-z0-9]+(?:[._/-][a-z0-9]+)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** One side's command for `action`, given what that side runs. */
function sideCommand(action: PairedAction, side: PairedSide, kind: 'kubernetes' | 'swarm'): PairedCommand {
  const k8s = kind === 'kubernetes';
  switch (action.type) {
    case 'deploy':
      return { command: DEPLOY_VOTING_APP[kind] };
    case 'stopNode': {
      if (!side.main) return { reason: 'notDeployed' };
      const node = busiestWorker(side);
      return node ? { command: `kubeplay node stop ${shellWord(node)}` } : { reason: 'noWorkerWithApp' };
    }
    case 'startNode': {
      const node = [...side.stopped].sort()[0];
      return node ? { command: `kubeplay node start ${shellWord(node)}` } : { reason: 'noStoppedNode' };
    }
    case 'scale': {
      const n = action.replicas;
      if (!Number.isInteger(n) || n < 0 || n > MAX_PAIRED_REPLICAS) return { reason: 'badReplicas' };
      if (!side.main) return { reason: 'notDeployed' };
      const name = shellWord(side.main.name);
      return { command: k8s ? `kubectl scale deployment/${name} --replicas=${n}` : `docker service scale ${name}=${n}` };
    }
    case 'rollOut': {
      if (!side.main) return { reason: 'notDeployed' };
      const image = action.image?.trim() || nextImage(side.main.image);
      if (!IMAGE.test(image)) return { reason: 'badImage' };
      const name = shellWord(side.main.name);
      return { command: k8s ? `kubectl set image deployment/${name} ${shellWord(side.main.container ?? side.main.name)}=${image}` : `docker service update --image ${image} ${name}` };
    }
    case 'traffic': {
      // The same requests on both sides: to the vote Service (its cluster IP), and to the vote service's published port on every swarm node.
      if (!side.main) return { reason: 'notDeployed' };
      return { command: `kubeplay traffic ${shellWord(side.main.name)} --rps ${PAIRED_TRAFFIC.rps} --for ${PAIRED_TRAFFIC.duration}` };
    }
    case 'rollBack': {
      if (!side.main) return { reason: 'notDeployed' };
      if (!side.main.canRollBack) return { reason: 'nothingToRollBack' };
      const name = shellWord(side.main.name);
      return { command: k8s ? `kubectl rollout undo deployment/${name}` : `docker service rollback ${name}` };
    }
  }
}

/**
 * The commands that apply `action` to both clusters, each derived from what
 * that cluster runs now.
 * @example planPaired({ type: 'scale', replicas: 4 }, k8s, swarm) // { kubernetes: { command: 'kubectl scale deployment/vote --replicas=4' }, swarm: { command: 'docker service scale vote_vote=4' } }
 */
export function planPaired(action: PairedAction, kubernetes: PairedSide, swarm: PairedSide): PairedPlan {
  return { kubernetes: sideCommand(action, kubernetes, 'kubernetes'), swarm: sideCommand(action, swarm, 'swarm') };
}

/** The command lines of a plan, Kubernetes first (empty when neither side can act). */
export function planCommands(plan: PairedPlan): string[] {
  return [plan.kubernetes, plan.swarm].flatMap((c) => ('command' in c ? [c.command] : []));
}
