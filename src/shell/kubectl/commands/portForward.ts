import { storageName } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { err } from '../errors';
import { resolveType } from '../resourceArgs';
import { notFoundError } from '../targets';
import { examples, longDesc } from '../text';

/**
 * `kubectl port-forward` (kubectl `pkg/cmd/portforward/portforward.go`):
 * checked like the real command (arguments, the target exists), then
 * answered honestly — a playground in a browser tab has no local port to
 * listen on.
 */
export const portForwardCommand: CommandSpec = {
  path: ['port-forward'],
  use: 'port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  short: 'Forward one or more local ports to a pod',
  long: longDesc(`
    Forward one or more local ports to a pod.

    Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.

    If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.`),
  example: examples(`
    # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod
    kubectl port-forward pod/mypod 5000 6000

    # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment
    kubectl port-forward deployment/mydeployment 5000 6000

    # Listen on port 8443 locally, forwarding to the targetPort of the service's port named "https" in a pod selected by the service
    kubectl port-forward service/myservice 8443:https

    # Listen on port 8888 locally, forwarding to 5000 in the pod
    kubectl port-forward pod/mypod 8888:5000

    # Listen on port 8888 on all addresses, forwarding to 5000 in the pod
    kubectl port-forward --address 0.0.0.0 pod/mypod 8888:5000

    # Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod
    kubectl port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000

    # Listen on a random port locally, forwarding to 5000 in the pod
    kubectl port-forward pod/mypod :5000`),
  completion: 'resource',
  flags: [
    { name: 'address', type: 'stringSlice', default: '[localhost]', usage: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  run: runPortForward,
};

/** What the playground says instead of forwarding. */
export const PORT_FORWARD_NOT_SIMULATED =
  'not simulated: kubectl port-forward listens on a port of your own machine, and a cluster that lives in a browser tab cannot be reached from it. ' +
  'To reach the pods, send requests from inside the cluster: "kubeplay traffic SERVICE --rps N", or "kubectl exec POD -- curl http://SERVICE:PORT".';

function runPortForward(ctx: CommandContext): CommandResult {
  if (ctx.args.length < 2) return err.usage(ctx.commandPath, 'TYPE/NAME and list of ports are required for port-forward');
  const target = ctx.args[0];
  const slash = target.indexOf('/');
  const info = slash < 0 ? ctx.cluster.resources.resolve('pods')! : resolveType(ctx.cluster.resources, target.slice(0, slash));
  if ('type' in info) return info;
  const name = slash < 0 ? target : target.slice(slash + 1);
  if (!ctx.client.get(storageName(info), info.namespaced ? ctx.namespace : undefined, name)) return notFoundError(info, name);
  return err.message(PORT_FORWARD_NOT_SIMULATED);
}
