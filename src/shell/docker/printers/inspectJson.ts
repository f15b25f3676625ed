import type { Swarm, SwarmNode, SwarmService, UpdateConfig } from '../../../sim/swarm/index';
import { findObject } from '../stack/stackObjects';

/** RFC 3339 with nanoseconds, as the Docker API writes times. */
function apiTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000000Z`;
}

const ns = (ms: number) => ms * 1e6;

function config(c: UpdateConfig) {
  return { Parallelism: c.parallelism, Delay: ns(c.delay), FailureAction: c.failureAction, Monitor: ns(c.monitor), MaxFailureRatio: c.maxFailureRatio, Order: c.order };
}

/** A service as `docker service inspect` prints it (the Engine API's `swarm.Service`), the fields the playground simulates. */
export function serviceJson(_swarm: Swarm, s: SwarmService): unknown {
  const spec = s.spec;
  return {
    ID: s.id,
    Version: { Index: s.version },
    CreatedAt: apiTime(s.createdAt),
    UpdatedAt: apiTime(s.updatedAt),
    Spec: {
      Name: spec.name,
      Labels: spec.labels,
      TaskTemplate: {
        ContainerSpec: {
          Image: spec.image,
          ...(spec.containerLabels ? { Labels: spec.containerLabels } : {}),
          ...(spec.command ? { Command: spec.command } : {}),
          ...(spec.args.length ? { Args: spec.args } : {}),
          ...(spec.env.length ? { Env: spec.env } : {}),
          Init: false,
          ...(spec.mounts?.length ? { Mounts: spec.mounts.map((m) => ({ Type: m.type, ...(m.source ? { Source: m.source } : {}), Target: m.target, ...(m.readOnly ? { ReadOnly: true } : {}) })) } : {}),
          StopGracePeriod: ns(spec.stopGracePeriod ?? 10_000),
          DNSConfig: {},
          ...(spec.secrets?.length ? { Secrets: spec.secrets.map((f) => ({ File: { Name: f.target, UID: '0', GID: '0', Mode: 292 }, SecretName: f.name })) } : {}),
          ...(spec.configs?.length ? { Configs: spec.configs.map((f) => ({ File: { Name: f.target, UID: '0', GID: '0', Mode: 292 }, ConfigName: f.name })) } : {}),
          Isolation: 'default',
        },
        Resources: {
          Limits: { ...(spec.resources.limits.nanoCPUs ? { NanoCPUs: spec.resources.limits.nanoCPUs } : {}), ...(spec.resources.limits.memoryBytes ? { MemoryBytes: spec.resources.limits.memoryBytes } : {}) },
          Reservations: { ...(spec.resources.reservations.nanoCPUs ? { NanoCPUs: spec.resources.reservations.nanoCPUs } : {}), ...(spec.resources.reservations.memoryBytes ? { MemoryBytes: spec.resources.reservations.memoryBytes } : {}) },
        },
        RestartPolicy: { Condition: spec.restartPolicy.condition, Delay: ns(spec.restartPolicy.delay), MaxAttempts: spec.restartPolicy.maxAttempts, ...(spec.restartPolicy.window ? { Window: ns(spec.restartPolicy.window) } : {}) },
        Placement: {
          ...(spec.placement.constraints.length ? { Constraints: spec.placement.constraints } : {}),
          ...(spec.placement.preferences.length ? { Preferences: spec.placement.preferences.map((p) => ({ Spread: { SpreadDescriptor: p.replace(/^spread=/, '') } })) } : {}),
          ...(spec.placement.maxReplicas ? { MaxReplicas: spec.placement.maxReplicas } : {}),
          Platforms: [{ Architecture: 'amd64', OS: 'linux' }],
        },
        ...(spec.networks?.length ? { Networks: spec.networks.map((n) => ({ Target: findObject(_swarm, 'network', n.target)?.id ?? n.target, ...(n.aliases.length ? { Aliases: n.aliases } : {}) })) } : {}),
        ForceUpdate: spec.forceUpdate,
        Runtime: 'container',
      },
      Mode: 'replicated' in spec.mode ? { Replicated: { Replicas: spec.mode.replicated.replicas } } : { Global: {} },
      UpdateConfig: config(spec.updateConfig),
      RollbackConfig: config(spec.rollbackConfig),
      EndpointSpec: { Mode: spec.endpointMode, ...(spec.ports.length ? { Ports: spec.ports.map(port) } : {}) },
    },
    Endpoint: {
      Spec: { Mode: spec.endpointMode, ...(spec.ports.length ? { Ports: spec.ports.map(port) } : {}) },
      ...(spec.ports.length ? { Ports: spec.ports.map(port) } : {}),
      ...(s.virtualIPs.length ? { VirtualIPs: s.virtualIPs.map((v) => ({ NetworkID: v.network, Addr: v.addr })) } : {}),
    },
    ...(s.updateStatus ? { UpdateStatus: { State: s.updateStatus.state, StartedAt: apiTime(s.updateStatus.startedAt), ...(s.updateStatus.completedAt !== undefined ? { CompletedAt: apiTime(s.updateStatus.completedAt) } : {}), Message: s.updateStatus.message } } : {}),
  };
}

function port(p: SwarmService['spec']['ports'][number]) {
  return { Protocol: p.protocol, TargetPort: p.targetPort, PublishedPort: p.publishedPort, PublishMode: p.publishMode };
}

/** A node as `docker node inspect` prints it (the Engine API's `swarm.Node`). */
export function nodeJson(n: SwarmNode): unknown {
  return {
    ID: n.id,
    Version: { Index: 1 },
    CreatedAt: apiTime(n.createdAt),
    UpdatedAt: apiTime(n.updatedAt),
    Spec: { Labels: n.spec.labels, Role: n.spec.role, Availability: n.spec.availability },
    Description: {
      Hostname: n.description.hostname,
      Platform: { Architecture: n.description.platform.architecture, OS: n.description.platform.os },
      Resources: { NanoCPUs: n.description.resources.nanoCPUs, MemoryBytes: n.description.resources.memoryBytes },
      Engine: { EngineVersion: n.description.engineVersion },
    },
    Status: { State: n.status.state, ...(n.status.message ? { Message: n.status.message } : {}), Addr: n.status.addr },
    ...(n.managerStatus ? { ManagerStatus: { ...(n.managerStatus.leader ? { Leader: true } : {}), Reachability: n.managerStatus.reachability, Addr: n.managerStatus.addr } } : {}),
  };
}

