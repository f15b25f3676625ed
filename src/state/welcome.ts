/** The first lines in the terminal: what this is and three things to try. */
export const WELCOME: readonly string[] = [
  '# Welcome to Kubeplay: a simulated Kubernetes cluster (control-plane, worker-1..3).',
  '# Try: kubectl get nodes · kubectl apply -f web.yaml · kubectl get pods -w · kubeplay help',
];
