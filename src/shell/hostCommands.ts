/**
 * Commands tutorials run on the learner's own machine — beside the cluster,
 * not in it — which the playground has no equivalent of. Typed here, they
 * say so and what to do instead, rather than only "command not found".
 */
const HINTS: Readonly<Record<string, string>> = {
  wget: 'not simulated at this prompt: curl is (curl localhost:8080 through kubectl port-forward svc/NAME 8080:80 &), and wget runs inside a Pod (kubectl exec POD -- wget -qO- http://SERVICE:PORT)',
  minikube: "not simulated: the playground's cluster is already running (kubectl get nodes); where a tutorial uses $(minikube ip):NODE_PORT, use a node's address (kubectl get nodes -o wide) with the NodePort: curl http://NODE_IP:NODE_PORT",
  kind: 'not simulated: the cluster is already running (kubectl get nodes); kubeplay node add adds a node',
  helm: "not simulated: apply the chart's manifests with kubectl apply -f",
  vi: 'not simulated: edit files in the editor (its tabs sit beside the cluster view)',
  vim: 'not simulated: edit files in the editor (its tabs sit beside the cluster view)',
  nano: 'not simulated: edit files in the editor (its tabs sit beside the cluster view)',
};

/** What to say for `cmd` when it is a host tool the playground does not have (undefined: an unknown command). */
export function hostCommandHint(cmd: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(HINTS, cmd) ? `${cmd}: ${HINTS[cmd]}` : undefined;
}
