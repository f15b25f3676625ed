import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import type { KubeObject, ResourceInfo } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, filenameFlags, templateFlags } from '../common';
import { createGenerated } from '../createObject';
import { err, type KubectlError } from '../errors';
import { parseLabels } from '../generateParams';
import { resolveTargets } from '../targets';
import { examples, longDesc } from '../text';

const EXPOSE_RESOURCES = 'pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)';

/** `kubectl expose` (kubectl `pkg/cmd/expose/expose.go`). */
export const exposeCommand: CommandSpec = {
  path: ['expose'],
  use: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: longDesc(`
    Expose a resource as a new Kubernetes service.

    Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector
    for that resource as the selector for a new service on the specified port. A deployment or replica set
    will be exposed as a service only if its selector is convertible to a selector that service supports,
    i.e. when the selector contains only the matchLabels component. Note that if no port is specified via
    --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no
    labels are specified, the new service will re-use the labels from the resource it exposes.

    Possible resources include (case insensitive):

    ${EXPOSE_RESOURCES}`),
  example: examples(`
    # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
    kubectl expose rc nginx --port=80 --target-port=8000

    # Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
    kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000

    # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
    kubectl expose pod valid-pod --port=444 --name=frontend

    # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
    kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https

    # Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
    kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream

    # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
    kubectl expose rs nginx --port=80 --target-port=8000

    # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
    kubectl expose deployment nginx --port=80 --target-port=8000`),
  completion: 'resource',
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool', default: 'true', usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'cluster-ip', type: 'string', usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    dryRunFlag,
    { name: 'external-ip', type: 'string', usage: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.' },
    fieldManagerFlag('kubectl-expose'),
    ...filenameFlags('identifying the resource to expose a service').slice(0, 2),
    { name: 'labels', shorthand: 'l', type: 'string', usage: 'Labels to apply to the service created by this call.' },
    { name: 'load-balancer-ip', type: 'string', usage: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' },
    { name: 'name', type: 'string', usage: 'The name for the newly created object.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'override-type', type: 'string', default: 'merge', usage: 'The method used to override the generated object: json, merge, or strategic.' },
    { name: 'overrides', type: 'string', usage: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.' },
    { name: 'port', type: 'string', usage: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
    { name: 'protocol', type: 'string', usage: "The network protocol for the service to be created. Default is 'TCP'." },
    ...filenameFlags('identifying the resource to expose a service').slice(2),
    { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    { name: 'selector', type: 'string', usage: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)' },
    { name: 'session-affinity', type: 'string', usage: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    templateFlags[1],
    { name: 'target-port', type: 'string', usage: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    templateFlags[2],
    { name: 'type', type: 'string', usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
  ],
  run: runExpose,
};

const EXPOSABLE = new Set(['/Pod', '/Service', '/ReplicationController', 'apps/Deployment', 'apps/ReplicaSet']);

function podSpecOf(obj: KubeObject): PodSpec | undefined {
  if (obj.kind === 'Pod') return obj.spec as PodSpec | undefined;
  return (obj.spec as { template?: { spec?: PodSpec } } | undefined)?.template?.spec;
}

/** Go's `%+v` of label selector requirements. */
function goRequirements(reqs: LabelSelectorRequirement[]): string {
  return `[${reqs.map((r) => `{Key:${r.key} Operator:${r.operator} Values:[${(r.values ?? []).join(' ')}]}`).join(' ')}]`;
}

/** `MapBasedSelectorForObjectFn`: the selector the new service gets from the exposed object. */
function mapBasedSelector(obj: KubeObject): Record<string, string> | string {
  const spec = (obj.spec ?? {}) as { selector?: Record<string, unknown>; template?: { metadata?: { labels?: Record<string, string> } } };
  switch (obj.kind) {
    case 'Pod':
      return obj.metadata.labels && Object.keys(obj.metadata.labels).length > 0 ? obj.metadata.labels : 'the pod has no labels and cannot be exposed';
    case 'Service':
    case 'ReplicationController':
      return spec.selector ? (spec.selector as Record<string, string>) : 'the service has no pod selector set';
    default: {
      const what = obj.kind === 'Deployment' ? 'deployment' : 'replica set';
      const sel = spec.selector as { matchLabels?: Record<string, string>; matchExpressions?: LabelSelectorRequirement[] } | undefined;
      let labels: Record<string, string> | undefined;
      if (sel) {
        if (sel.matchExpressions?.length) return `couldn't convert expressions - "${goRequirements(sel.matchExpressions)}" to map-based selector format`;
        labels = sel.matchLabels;
      } else labels = spec.template?.metadata?.labels;
      return labels && Object.keys(labels).length > 0 ? labels : `the ${what} has no labels or selectors and cannot be exposed`;
    }
  }
}

/** `PortsForObjectFn` and `MultiProtocolsForObjectFn`: the ports (as strings) and protocols per port of the object. */
function portsOf(obj: KubeObject): { ports: string[]; protocols: Map<string, string[]> } {
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined) => {
    const p = String(port);
    ports.push(p);
    protocols.set(p, [...(protocols.get(p) ?? []), protocol || 'TCP']);
  };
  if (obj.kind === 'Service') for (const p of ((obj.spec ?? {}) as { ports?: { port: number; protocol?: string }[] }).ports ?? []) add(p.port, p.protocol);
  else for (const c of podSpecOf(obj)?.containers ?? ([] as Container[])) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return { ports, protocols };
}

/** `createService`: the Service kubectl builds (ports named `port-N` when there are several). */
function buildService(ctx: CommandContext, name: string, selector: Record<string, string>, labels: Record<string, string> | undefined, portList: string[], protocols: Map<string, string[]>): KubeObject | (KubectlError & { kind?: undefined }) {
  const protocolFlag = ctx.flags.string('protocol');
  const ports: Record<string, unknown>[] = [];
  for (let i = 0; i < portList.length; i++) {
    const text = portList[i];
    if (!/^[+-]?\d+$/.test(text)) return err.message(`strconv.Atoi: parsing "${text}": invalid syntax`);
    const port = Number(text);
    const portName = portList.length > 1 ? `port-${i + 1}` : '';
    let protocol = protocolFlag;
    if (!protocol) {
      protocol = 'TCP';
      const found = protocols.get(text);
      if (found && found.length > 1) {
        for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p });
        continue;
      }
      if (found) protocol = found[0];
    }
    ports.push(portName ? { name: portName, port, protocol } : { port, protocol });
  }
  const target = ctx.flags.string('target-port');
  for (const p of ports) p.targetPort = target ? (/^\d+$/.test(target) ? Number(target) : target) : p.port;
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, name };
  if (labels) metadata.labels = labels;
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  const spec: Record<string, unknown> = { ports, selector };
  const externalIP = ctx.flags.string('external-ip');
  if (externalIP) spec.externalIPs = [externalIP];
  const type = ctx.flags.string('type');
  if (type) spec.type = type;
  const lbIP = ctx.flags.string('load-balancer-ip');
  if (type === 'LoadBalancer' && lbIP) spec.loadBalancerIP = lbIP;
  const affinity = ctx.flags.string('session-affinity');
  if (affinity) {
    if (affinity !== 'None' && affinity !== 'ClientIP') return err.message(`unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  const clusterIP = ctx.flags.string('cluster-ip');
  if (clusterIP) spec.clusterIP = clusterIP;
  return { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } };
}

function exposeOne(ctx: CommandContext, info: ResourceInfo, obj: KubeObject): CommandResult {
  if (!EXPOSABLE.has(`${info.group}/${info.kind}`)) return err.message(`cannot expose a ${info.kind}${info.group ? `.${info.group}` : ''}`);
  let selector: Record<string, string> | string;
  const selectorFlag = ctx.flags.string('selector');
  if (selectorFlag) selector = parseLabels(selectorFlag);
  else {
    selector = mapBasedSelector(obj);
    if (typeof selector === 'string') return err.message(`couldn't retrieve selectors via --selector flag or introspection: ${selector}`);
  }
  if (typeof selector === 'string') return err.message(selector);
  const { ports: found, protocols } = portsOf(obj);
  let portList: string[] = [];
  const portFlag = ctx.flags.string('port');
  if (portFlag) portList = [portFlag];
  else if (found.length === 0) {
    if (ctx.flags.string('cluster-ip') !== 'None') return err.message("couldn't find port via --port flag or introspection");
  } else portList = found;
  let labels: Record<string, string> | string | undefined;
  const labelFlag = ctx.flags.string('labels');
  if (labelFlag) labels = parseLabels(labelFlag);
  else if (obj.metadata.labels && Object.keys(obj.metadata.labels).length > 0) labels = { ...obj.metadata.labels };
  if (typeof labels === 'string') return err.message(labels);
  const name = ctx.flags.string('name') || obj.metadata.name.slice(0, 63);
  const svc = buildService(ctx, name, selector, labels, portList, protocols);
  if (svc.kind !== 'Service') return svc as KubectlError;
  return createGenerated(ctx, svc as KubeObject, { operation: 'exposed' });
}

function runExpose(ctx: CommandContext): CommandResult {
  if (ctx.flags.string('overrides')) return err.message('not simulated yet: kubectl expose --overrides');
  const resolved = resolveTargets(ctx, ctx.args);
  if ('type' in resolved) return resolved;
  const errors: KubectlError[] = [...resolved.errors];
  for (const { info, obj } of resolved.targets) {
    const r = exposeOne(ctx, info, obj);
    if (typeof r === 'object' && 'type' in r) errors.push(r as KubectlError);
  }
  if (errors.length === 1) return errors[0];
  if (errors.length > 1) return err.aggregate(errors);
  return 0;
}
