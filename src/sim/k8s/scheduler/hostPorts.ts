import type { ContainerPort, PodSpec } from 'kubernetes-types/core/v1';

/** A host port a pod binds: `hostIP` defaults to 0.0.0.0, protocol to TCP. */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

const ALL_IPS = '0.0.0.0';
const NONE: readonly HostPort[] = Object.freeze([]);

function sanitize(p: ContainerPort): HostPort {
  return { ip: p.hostIP || ALL_IPS, protocol: p.protocol || 'TCP', port: p.hostPort! };
}

/** `schedutil.GetHostPorts`: host ports of app containers and of sidecars (restartPolicy Always). */
export function getHostPorts(spec: PodSpec | undefined): readonly HostPort[] {
  if (!spec) return NONE;
  let out: HostPort[] | null = null;
  // Indexed loops: this runs for every pod, and most have neither init containers nor ports.
  const init = spec.initContainers;
  if (init) {
    for (let i = 0; i < init.length; i++) if (init[i].restartPolicy === 'Always') out = hostPortsOf(init[i].ports, out);
  }
  const containers = spec.containers;
  if (containers) for (let i = 0; i < containers.length; i++) out = hostPortsOf(containers[i].ports, out);
  return out ?? NONE;
}

function hostPortsOf(ports: readonly ContainerPort[] | undefined, out: HostPort[] | null): HostPort[] | null {
  if (!ports) return out;
  for (let i = 0; i < ports.length; i++) if ((ports[i].hostPort ?? 0) > 0) (out ??= []).push(sanitize(ports[i]));
  return out;
}

/** `framework.HostPortInfo`: ports in use on a node, per host IP (a port may be bound by several pods). */
export class HostPortInfo {
  private readonly byIp = new Map<string, Map<string, number>>();

  add(p: HostPort): void {
    let m = this.byIp.get(p.ip);
    if (!m) this.byIp.set(p.ip, (m = new Map()));
    const k = `${p.protocol}/${p.port}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }

  remove(p: HostPort): void {
    const m = this.byIp.get(p.ip);
    if (!m) return;
    const k = `${p.protocol}/${p.port}`;
    const n = (m.get(k) ?? 0) - 1;
    if (n > 0) m.set(k, n);
    else m.delete(k);
    if (m.size === 0) this.byIp.delete(p.ip);
  }

  get size(): number {
    return this.byIp.size;
  }

  /** `CheckConflict`: 0.0.0.0 conflicts with the port on any IP; a specific IP with itself or 0.0.0.0. */
  conflicts(p: HostPort): boolean {
    const k = `${p.protocol}/${p.port}`;
    if (p.ip === ALL_IPS) {
      for (const m of this.byIp.values()) if (m.has(k)) return true;
      return false;
    }
    return (this.byIp.get(ALL_IPS)?.has(k) ?? false) || (this.byIp.get(p.ip)?.has(k) ?? false);
  }
}
