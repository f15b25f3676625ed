import type { NetResult } from '../sim/k8s/index';

/**
 * The learner's own machine, where the terminal's prompt runs: the local
 * ports `kubectl port-forward` and `kubectl proxy` listen on, which `curl
 * localhost:PORT` at the prompt reaches. Each shell has its own (a replayed
 * link's shell brings its listeners to the page with it).
 */

/** An HTTP request that came in on a local port. */
export interface LocalRequest {
  scheme: string;
  /** The address it came to (`127.0.0.1`, `::1`). */
  ip: string;
  path: string;
  userAgent: string;
  hostHeader?: string;
}

export interface Listener {
  readonly port: number;
  /** The addresses it listens on (`127.0.0.1` and `::1` for localhost, `0.0.0.0` for all). */
  readonly addresses: readonly string[];
  /** Answers one request (what its command prints about it, it prints). */
  request(req: LocalRequest): NetResult;
}

/** The first port an OS hands out for `:REMOTE` (Linux's ephemeral range). */
const EPHEMERAL = 32768;

export class LocalPorts {
  private readonly byPort = new Map<number, Listener[]>();

  /** Whether `address` (undefined: any of them) listens on `port`. */
  inUse(port: number, address?: string): boolean {
    return (this.byPort.get(port) ?? []).some((f) => address === undefined || f.addresses.some((a) => a === address || a === '0.0.0.0' || address === '0.0.0.0'));
  }

  /** A free port of the ephemeral range. */
  freePort(): number {
    let p = EPHEMERAL;
    while (this.byPort.has(p)) p++;
    return p;
  }

  open(l: Listener): void {
    this.byPort.set(l.port, [...(this.byPort.get(l.port) ?? []), l]);
  }

  close(l: Listener): void {
    const left = (this.byPort.get(l.port) ?? []).filter((x) => x !== l);
    if (left.length) this.byPort.set(l.port, left);
    else this.byPort.delete(l.port);
  }

  /** The listener on `address:port`, if any (`0.0.0.0` listens on every address). */
  at(address: string, port: number): Listener | undefined {
    return (this.byPort.get(port) ?? []).find((f) => f.addresses.includes(address) || f.addresses.includes('0.0.0.0'));
  }
}

/** An address as it stands before `:PORT` (an IPv6 one in brackets). */
export function hostOf(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/** The message of a listener that could not bind `port` on `addresses` (Go's words), as kubectl prints it. */
export function addressInUse(port: number, addresses: readonly string[]): string {
  return addresses.map((a) => `listen tcp${a.includes(':') ? '6' : '4'} ${hostOf(a)}:${port}: bind: address already in use`).join(' ');
}
