import { describeNodes } from './clusterShape';

/** The welcome's words, in the interface's language (English by default). */
export interface WelcomeText {
  /** What this is, given the nodes (`control-plane, worker-1..3`). */
  readonly welcome: (nodes: string) => string;
  /** Things to try. */
  readonly tryThese: string;
}

const ENGLISH: WelcomeText = {
  welcome: (nodes) => `Welcome to Kubeplay: a simulated Kubernetes cluster (${nodes}).`,
  tryThese: 'Try: kubectl get nodes · kubectl apply -f web.yaml · kubectl get pods -w · kubeplay help',
};

/** The first lines in the terminal: what this is and things to try, as shell comments. */
export function welcomeLines(workers = 3, text: WelcomeText = ENGLISH): readonly string[] {
  return [`# ${text.welcome(describeNodes(workers))}`, `# ${text.tryThese}`];
}

export const WELCOME: readonly string[] = welcomeLines();

/** What the terminal says the first time the Swarm view is shown: the swarm beside the cluster and three docker commands to try. */
export const SWARM_HINT = 'Docker Swarm beside the cluster (manager1 the Leader, worker1, worker2). Try: docker node ls · docker service create --name web --replicas 3 -p 8080:80 nginx · docker service ps web';
