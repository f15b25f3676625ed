import { describeNodes } from './clusterShape';

/** The first lines in the terminal: what this is and three things to try. */
export function welcomeLines(workers = 3): readonly string[] {
  return [
    `# Welcome to Kubeplay: a simulated Kubernetes cluster (${describeNodes(workers)}).`,
    '# Try: kubectl get nodes · kubectl apply -f web.yaml · kubectl get pods -w · kubeplay help',
  ];
}

export const WELCOME: readonly string[] = welcomeLines();
