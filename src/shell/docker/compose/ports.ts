import type { PortConfig } from '../../../sim/swarm/index';

/**
 * Compose `ports:` in both syntaxes (docker/cli `transformServicePort`):
 * short `"8080:80"`, `"80"`, `"127.0.0.1:8080:80/udp"`, ranges
 * `"8080-8081:80-81"` (published in ingress mode); long
 * `{target, published, protocol, mode}`.
 */

type Proto = PortConfig['protocol'];

function range(s: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return b >= a && b <= 65535 ? [a, b] : undefined;
}

function shortPort(spec: string): PortConfig[] | string {
  const [body, proto = 'tcp'] = spec.split('/');
  if (!['tcp', 'udp', 'sctp'].includes(proto)) return `invalid proto: ${proto}`;
  const parts = body.split(':');
  const container = parts.at(-1)!;
  const host = parts.length >= 2 ? parts.at(-2)! : '';
  const c = range(container);
  if (!c) return `Invalid containerPort: ${container}`;
  const h = host === '' ? undefined : range(host);
  if (host !== '' && !h) return `Invalid hostPort: ${host}`;
  const n = c[1] - c[0] + 1;
  if (h && h[1] - h[0] + 1 !== n && !(h[0] === h[1])) return `invalid ranges specified for container and host Ports: ${container} and ${host}`;
  const out: PortConfig[] = [];
  for (let i = 0; i < n; i++) {
    const published = h ? (h[0] === h[1] && n > 1 ? h[0] : h[0] + i) : 0;
    out.push({ protocol: proto as Proto, targetPort: c[0] + i, publishedPort: published, publishMode: 'ingress' });
  }
  return out;
}

function longPort(o: Record<string, unknown>): PortConfig | string {
  const target = Number(o.target);
  if (!Number.isInteger(target) || target <= 0) return `Invalid containerPort: ${String(o.target)}`;
  const published = o.published === undefined || o.published === null || o.published === '' ? 0 : Number(o.published);
  if (!Number.isInteger(published)) return `Invalid hostPort: ${String(o.published)}`;
  const protocol = String(o.protocol ?? 'tcp') as Proto;
  const mode = String(o.mode ?? 'ingress');
  if (mode !== 'ingress' && mode !== 'host') return `invalid publish mode: ${mode}`;
  return { protocol, targetPort: target, publishedPort: published, publishMode: mode };
}

/** All the service's ports, sorted by published port (the CLI sorts them), or an error. */
export function composePorts(list: unknown): PortConfig[] | string {
  if (list === undefined || list === null) return [];
  const out: PortConfig[] = [];
  for (const item of list as unknown[]) {
    const r = item !== null && typeof item === 'object' ? longPort(item as Record<string, unknown>) : shortPort(String(item));
    if (typeof r === 'string') return r;
    out.push(...(Array.isArray(r) ? r : [r]));
  }
  return out.sort((a, b) => a.publishedPort - b.publishedPort);
}

export interface ComposeVolume {
  type: 'volume' | 'bind' | 'tmpfs';
  /** A volume's key in the top-level `volumes:` (type volume), a host path (bind), or '' (anonymous). */
  source: string;
  target: string;
  readOnly: boolean;
}

const isPath = (s: string) => s.startsWith('/') || s.startsWith('.') || s.startsWith('~') || /^[a-zA-Z]:[\\/]/.test(s);

/** Compose `volumes:` of a service, short (`src:dst[:ro]`) or long syntax. */
export function composeVolumes(list: unknown): ComposeVolume[] | string {
  if (list === undefined || list === null) return [];
  const out: ComposeVolume[] = [];
  for (const item of list as unknown[]) {
    if (item !== null && typeof item === 'object') {
      const o = item as Record<string, unknown>;
      const type = String(o.type ?? 'volume');
      if (type !== 'volume' && type !== 'bind' && type !== 'tmpfs') return `invalid mount type: ${type}`;
      if (o.target === undefined) return `invalid mount config for type "${type}": field Target must not be empty`;
      out.push({ type, source: String(o.source ?? ''), target: String(o.target), readOnly: o.read_only === true });
      continue;
    }
    const parts = String(item).split(':');
    if (parts.length === 1) {
      out.push({ type: 'volume', source: '', target: parts[0], readOnly: false });
      continue;
    }
    if (parts.length > 3) return `invalid spec: ${String(item)}: too many colons`;
    const [source, target, mode = 'rw'] = parts;
    out.push({ type: isPath(source) ? 'bind' : 'volume', source, target, readOnly: mode.split(',').includes('ro') });
  }
  return out;
}
