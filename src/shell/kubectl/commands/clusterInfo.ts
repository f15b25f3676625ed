import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { err } from '../errors';
import { API_SERVER_URL, Kubeconfig } from '../kubeconfig';
import { examples, longDesc } from '../text';

/**
 * `kubectl cluster-info` (kubectl `pkg/cmd/clusterinfo/clusterinfo.go`): the
 * API server's address and those of the kube-system Services labelled
 * `kubernetes.io/cluster-service=true` (CoreDNS), in kubectl's colors.
 */
export const clusterInfoCommand: CommandSpec = {
  path: ['cluster-info'],
  flagsInUseLine: true,
  use: 'cluster-info',
  short: 'Display cluster information',
  long: longDesc(`
    Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.`),
  example: examples(`
    # Print the address of the control plane and cluster services
    kubectl cluster-info`),
  flags: [],
  run: runClusterInfo,
};

export const clusterInfoDumpCommand: CommandSpec = {
  path: ['cluster-info', 'dump'],
  flagsInUseLine: true,
  use: 'dump',
  short: 'Dump relevant information for debugging and diagnosis',
  flags: [],
  run: () => err.message('not simulated yet: "kubectl cluster-info dump" (kubectl get all -A and kubectl get events -A show the same objects)'),
};

const GREEN = '\x1b[0;32m';
const YELLOW = '\x1b[0;33m';
const RESET = '\x1b[0m';

type ServiceObj = KubeObject & { spec?: { ports?: { name?: string; port: number }[] } };

function runClusterInfo(ctx: CommandContext): CommandResult {
  if (ctx.args.length > 0) return err.usage(ctx.commandPath, `Unexpected args: [${ctx.args.join(' ')}]`);
  const kc = ctx.env.kubeconfig ?? new Kubeconfig();
  const server = String(kc.clusters.get(kc.contexts.get(kc.current)?.cluster ?? '')?.server ?? API_SERVER_URL);
  const line = (name: string, link: string) => `${GREEN}${name}${RESET} is running at ${YELLOW}${link}${RESET}\n`;
  let out = line('Kubernetes control plane', server);
  const services = ctx.client.list<ServiceObj>('services', { namespace: 'kube-system' }).filter((s) => s.metadata.labels?.['kubernetes.io/cluster-service'] === 'true');
  for (const s of services) {
    const name = s.metadata.labels?.['kubernetes.io/name'] ?? s.metadata.name;
    const port = s.spec?.ports?.[0];
    const id = port?.name ? `${s.metadata.name}:${port.name}` : s.metadata.name;
    out += line(name, `${server}/api/v1/namespaces/kube-system/services/${id}/proxy`);
  }
  ctx.out(`${out}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  return 0;
}
