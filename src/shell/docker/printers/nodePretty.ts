import type { SwarmNode } from '../../../sim/swarm/index';
import { prettyPrint } from './table';
import { bytesSize } from './units';

/** Go's `time.Time.String()` for a UTC instant: `2025-03-01 09:00:00.25 +0000 UTC`. */
export function goTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? `.${frac}` : ''} +0000 UTC`;
}

/**
 * `docker node inspect --pretty` (docker/cli `nodeInspectPrettyTemplate`).
 * The TLS Info block (trust root certificate, issuer) is not simulated.
 */
export function nodePretty(n: SwarmNode): string {
  const out = [`ID:\t\t\t${n.id}`];
  const labels = Object.keys(n.spec.labels).sort();
  if (labels.length) out.push('Labels:', ...labels.map((k) => ` - ${k}${n.spec.labels[k] ? `=${n.spec.labels[k]}` : ''}`));
  out.push(`Hostname:              \t${n.description.hostname}`, `Joined at:             \t${goTime(n.createdAt)}`, 'Status:', ` State:\t\t\t${prettyPrint(n.status.state)}`);
  if (n.status.message) out.push(` Message:              \t${prettyPrint(n.status.message)}`);
  out.push(` Availability:         \t${prettyPrint(n.spec.availability)}`, ` Address:\t\t${n.status.addr}`);
  if (n.managerStatus) {
    out.push('Manager Status:', ` Address:\t\t${n.managerStatus.addr}`, ` Raft Status:\t\t${prettyPrint(n.managerStatus.reachability)}`, ` Leader:\t\t${n.managerStatus.leader ? 'Yes' : 'No'}`);
  }
  out.push(
    'Platform:',
    ` Operating System:\t${n.description.platform.os}`,
    ` Architecture:\t\t${n.description.platform.architecture}`,
    'Resources:',
    ` CPUs:\t\t\t${Math.floor(n.description.resources.nanoCPUs / 1e9)}`,
    ` Memory:\t\t${bytesSize(n.description.resources.memoryBytes)}`,
    `Engine Version:\t\t${n.description.engineVersion}`,
  );
  return `${out.join('\n')}\n`;
}
