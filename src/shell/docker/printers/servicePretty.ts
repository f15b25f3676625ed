import type { Swarm, SwarmService, UpdateConfig } from '../../../sim/swarm/index';
import { ago, bytesSize, goDurationString } from './units';

/** Go's `%v` of a float32 ratio: `0`, `0.2`. */
function ratio(x: number): string {
  return String(Number(x.toPrecision(7)));
}

function configBlock(title: string, c: UpdateConfig, orderLabel: string): string[] {
  const out = [`${title}:`, ` Parallelism:\t${c.parallelism}`];
  if (c.delay > 0) out.push(` Delay:\t\t${goDurationString(c.delay)}`);
  out.push(` On failure:\t${c.failureAction}`);
  if (c.monitor > 0) out.push(` Monitoring Period: ${goDurationString(c.monitor)}`);
  out.push(` Max failure ratio: ${ratio(c.maxFailureRatio)}`, ` ${orderLabel}${c.order}`);
  return out;
}

/** CPUs as Go prints a float64 with `{{ }}`: `0.5`, `2`. */
function cpus(nano: number): string {
  return String(nano / 1e9);
}

/** The template's Mounts, Configs and Secrets blocks (services from stacks have them). */
function containerFiles(spec: SwarmService['spec']): string[] {
  const out: string[] = [];
  if (spec.mounts?.length) out.push('Mounts:', ...spec.mounts.flatMap((m) => [` Target:\t${m.target}`, `  Source:\t${m.source}`, `  ReadOnly:\t${m.readOnly}`, `  Type:\t\t${m.type}`]));
  if (spec.configs?.length) out.push('Configs:', ...spec.configs.flatMap((c) => [` Target:\t${c.target}`, `  Source:\t${c.name}`]));
  if (spec.secrets?.length) out.push('Secrets:', ...spec.secrets.flatMap((c) => [` Target:\t${c.target}`, `  Source:\t${c.name}`]));
  return out;
}

/**
 * `docker service inspect --pretty` (docker/cli `serviceInspectPrettyTemplate`):
 * literal tabs as in the template, so a terminal lines values up at column 16.
 */
export function servicePretty(swarm: Swarm, s: SwarmService): string {
  const spec = s.spec;
  const out = ['', `ID:\t\t${s.id}`, `Name:\t\t${spec.name}`];
  const labels = Object.keys(spec.labels).sort();
  if (labels.length) out.push('Labels:', ...labels.map((k) => ` ${k}${spec.labels[k] ? `=${spec.labels[k]}` : ''}`));
  if ('replicated' in spec.mode) out.push('Service Mode:\tReplicated', ` Replicas:\t${spec.mode.replicated.replicas}`);
  else out.push('Service Mode:\tGlobal');
  if (s.updateStatus) {
    const u = s.updateStatus;
    out.push('UpdateStatus:', ` State:\t\t${u.state}`, ` Started:\t${ago(swarm.now() - u.startedAt)}`);
    if (u.state === 'completed' && u.completedAt !== undefined) out.push(` Completed:\t${ago(swarm.now() - u.completedAt)}`);
    out.push(` Message:\t${u.message}`);
  }
  out.push('Placement:');
  if (spec.placement.constraints.length) out.push(` Constraints:\t[${spec.placement.constraints.join(' ')}]`);
  if (spec.placement.preferences.length) out.push(` Preferences:   [${spec.placement.preferences.join(' ')}]`);
  if (spec.placement.maxReplicas) out.push(` Max Replicas Per Node:   ${spec.placement.maxReplicas}`);
  out.push(...configBlock('UpdateConfig', spec.updateConfig, 'Update order:      '));
  out.push(...configBlock('RollbackConfig', spec.rollbackConfig, 'Rollback order:    '));
  out.push('ContainerSpec:', ` Image:\t\t${spec.image}`);
  if (spec.args.length) out[out.length - 1] += `\n Args:\t\t${spec.args.map((a) => `${a} `).join('')}`;
  if (spec.env.length) out[out.length - 1] += `\n Env:\t\t${spec.env.map((a) => `${a} `).join('')}`;
  out.push(' Init:\t\tfalse');
  out.push(...containerFiles(spec));
  const r = spec.resources;
  out.push('Resources:');
  if (r.reservations.nanoCPUs > 0 || r.reservations.memoryBytes > 0) {
    out.push(' Reservations:');
    if (r.reservations.nanoCPUs > 0) out.push(`  CPU:\t\t${cpus(r.reservations.nanoCPUs)}`);
    if (r.reservations.memoryBytes > 0) out.push(`  Memory:\t${bytesSize(r.reservations.memoryBytes)}`);
  }
  if (r.limits.nanoCPUs > 0 || r.limits.memoryBytes > 0) {
    out.push(' Limits:');
    if (r.limits.nanoCPUs > 0) out.push(`  CPU:\t\t${cpus(r.limits.nanoCPUs)}`);
    if (r.limits.memoryBytes > 0) out.push(`  Memory:\t${bytesSize(r.limits.memoryBytes)}`);
  }
  if (spec.networks?.length) out.push(`Networks:${spec.networks.map((n) => ` ${n.target}`).join('')} `);
  out.push(`Endpoint Mode:\t${spec.endpointMode}`);
  if (spec.ports.length) {
    out.push('Ports:');
    spec.ports.forEach((p) => out.push(` PublishedPort = ${p.publishedPort}`, `  Protocol = ${p.protocol}`, `  TargetPort = ${p.targetPort}`, `  PublishMode = ${p.publishMode}`));
    out[out.length - 1] += ' ';
  }
  const hc = spec.healthcheck;
  if (hc) {
    out.push(' Healthcheck:', `  Interval = ${goDurationString(hc.interval)}`, `  Retries = ${hc.retries}`, `  StartPeriod =\t${goDurationString(hc.startPeriod)}`, `  Timeout =\t${goDurationString(hc.timeout)}`);
    if (hc.test.length) {
      out.push('  Tests:', ...hc.test.map((t) => `\t Test = ${t}`));
      out[out.length - 1] += ' ';
    }
  }
  return `${out.join('\n')}\n`;
}
