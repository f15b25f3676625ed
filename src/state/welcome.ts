import { describeNodes } from './clusterShape';

/** The first lines in the terminal: what this is and three things to try. */
export function welcomeLines(workers = 3): readonly string[] {
  return [
    `# Welcome to Kubeplay: a simulated Kubernetes cluster (${describeNodes(workers)}).`,
    '# Try: kubectl get nodes · kubectl apply -f web.yaml · kubectl get pods -w · kubeplay help',
  ];
}

export const WELCOME: readonly string[] = welcomeLines();

/** What the terminal says the first time the Swarm view is shown: the swarm beside the cluster and three docker commands to try. */
export const SWARM_HINT = 'Docker Swarm beside the cluster (manager1 the Leader, worker1, worker2). Try: docker node ls · docker service create --name web --replicas 3 -p 8080:80 nginx · docker service ps web';
