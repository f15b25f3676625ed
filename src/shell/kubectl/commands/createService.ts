import { isDNS1123Subdomain, isValidPortName, isValidPortNum, type KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, templateFlags, validateFlag } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import type { FlagSpec } from '../flags';
import { examples, longDesc } from '../text';
import { defaultSubCommandRun } from './parent';

/** `kubectl create service` (kubectl `pkg/cmd/create/create_service.go`): the parent of the four types. */
export const createServiceCommand: CommandSpec = {
  path: ['create', 'service'],
  flagsInUseLine: true,
  use: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  long: longDesc(`
    Create a service using a specified subcommand.`),
  flags: [],
  run: defaultSubCommandRun,
};

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

const tcpFlag: FlagSpec = { name: 'tcp', type: 'stringSlice', default: '[]', usage: "Port pairs can be specified as '<port>:<targetPort>'." };
const outputFlag: FlagSpec = { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' };
const saveConfigFlag: FlagSpec = { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." };

/** Flags sorted by name, as cobra lists them; `extra` are the type's own. */
function flagsWith(extra: FlagSpec[]): FlagSpec[] {
  return [templateFlags[0], dryRunFlag, fieldManagerFlag('kubectl-create'), outputFlag, saveConfigFlag, templateFlags[1], tcpFlag, templateFlags[2], validateFlag, ...extra].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** `parsePorts`: `port[:targetPort]`, the target a number or a port name. */
function parsePorts(spec: string): { port: number; targetPort: number | string } | string {
  const parts = spec.split(':');
  if (!/^\d+$/.test(parts[0]) || Number(parts[0]) > 65535) {
    return /^\d+$/.test(parts[0]) ? `strconv.ParseUint: parsing "${parts[0]}": value out of range` : `strconv.ParseUint: parsing "${parts[0]}": invalid syntax`;
  }
  const port = Number(parts[0]);
  if (parts.length === 1) return { port, targetPort: port };
  const t = parts[1];
  if (/^[+-]?\d+$/.test(t)) {
    const errs = isValidPortNum(Number(t));
    return errs.length ? errs.join(',') : { port, targetPort: Number(t) };
  }
  const errs = isValidPortName(t);
  return errs.length ? errs.join(',') : { port, targetPort: t };
}

function runCreateService(type: ServiceType) {
  return (ctx: CommandContext): CommandResult => {
    if (ctx.args.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${ctx.args.length}`);
    const name = ctx.args[0];
    const clusterIP = type === 'ClusterIP' ? ctx.flags.string('clusterip') : '';
    const tcp = ctx.flags.list('tcp');
    const externalName = type === 'ExternalName' ? ctx.flags.string('external-name') : '';
    // Validate
    if (clusterIP === 'None' && type !== 'ClusterIP') return err.message('ClusterIP=None can only be used with ClusterIP service type');
    if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') return err.message('at least one tcp port specifier must be provided');
    if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length > 0) return err.message(`invalid service external name ${externalName}`);
    const nodePort = type === 'NodePort' ? ctx.flags.int('node-port') : 0;
    const ports: Record<string, unknown>[] = [];
    for (const t of tcp) {
      const p = parsePorts(t);
      if (typeof p === 'string') return err.message(p);
      const port: Record<string, unknown> = { name: t.replace(/:/g, '-'), port: p.port, protocol: 'TCP', targetPort: p.targetPort };
      if (nodePort) port.nodePort = nodePort;
      ports.push(port);
    }
    const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, labels: { app: name }, name };
    if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
    const spec: Record<string, unknown> = {};
    if (clusterIP) spec.clusterIP = clusterIP;
    if (externalName) spec.externalName = externalName;
    if (ports.length) spec.ports = ports;
    spec.selector = { app: name };
    spec.type = type;
    return createGenerated(ctx, { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } });
  };
}

/** `kubectl create service clusterip`. */
export const createServiceClusterIPCommand: CommandSpec = {
  path: ['create', 'service', 'clusterip'],
  use: 'clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]',
  short: 'Create a ClusterIP service',
  long: longDesc(`
    Create a ClusterIP service with the specified name.`),
  example: examples(`
    # Create a new ClusterIP service named my-cs
    kubectl create service clusterip my-cs --tcp=5678:8080

    # Create a new ClusterIP service named my-cs (in headless mode)
    kubectl create service clusterip my-cs --clusterip="None"`),
  flags: flagsWith([{ name: 'clusterip', type: 'string', usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." }]),
  run: runCreateService('ClusterIP'),
};

/** `kubectl create service nodeport`. */
export const createServiceNodePortCommand: CommandSpec = {
  path: ['create', 'service', 'nodeport'],
  use: 'nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  short: 'Create a NodePort service',
  long: longDesc(`
    Create a NodePort service with the specified name.`),
  example: examples(`
    # Create a new NodePort service named my-ns
    kubectl create service nodeport my-ns --tcp=5678:8080`),
  flags: flagsWith([{ name: 'node-port', type: 'int', default: '0', usage: 'Port used to expose the service on each node in a cluster.' }]),
  run: runCreateService('NodePort'),
};

/** `kubectl create service loadbalancer`. */
export const createServiceLoadBalancerCommand: CommandSpec = {
  path: ['create', 'service', 'loadbalancer'],
  use: 'loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  short: 'Create a LoadBalancer service',
  long: longDesc(`
    Create a LoadBalancer service with the specified name.`),
  example: examples(`
    # Create a new LoadBalancer service named my-lbs
    kubectl create service loadbalancer my-lbs --tcp=5678:8080`),
  flags: flagsWith([]),
  run: runCreateService('LoadBalancer'),
};

/** `kubectl create service externalname`. */
export const createServiceExternalNameCommand: CommandSpec = {
  path: ['create', 'service', 'externalname'],
  use: 'externalname NAME --external-name external.name [--dry-run=server|client|none]',
  short: 'Create an ExternalName service',
  long: longDesc(`
    Create an ExternalName service with the specified name.

    ExternalName service references to an external DNS address instead of
    only pods, which will allow application authors to reference services
    that exist off platform, on other clusters, or locally.`),
  example: examples(`
    # Create a new ExternalName service named my-ns
    kubectl create service externalname my-ns --external-name bar.com`),
  flags: flagsWith([{ name: 'external-name', type: 'string', required: true, usage: 'External name of service' }]),
  run: runCreateService('ExternalName'),
};
