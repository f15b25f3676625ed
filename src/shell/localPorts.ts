/**
 * The learner's own machine, where the terminal's prompt runs: the local
 * ports `kubectl port-forward` listens on, which `curl localhost:PORT` at the
 * prompt reaches. Each shell has its own (a replayed link's shell brings its
 * forwards to the page with it).
 */
export interface Forward {
  readonly port: number;
  /** The addresses it listens on (`127.0.0.1` and `::1` for localhost). */
  readonly addresses: readonly string[];
  readonly namespace: string;
  readonly pod: string;
  /** The pod's port the connections go to. */
  readonly podPort: number;
  /**
   * A connection came in: kubectl says "Handling connection for PORT".
   * False when the pod has gone meanwhile (kubectl gives up the forward).
   */
  connect(): boolean;
  /** The pod answered nothing on its port: kubectl reports the error, and goes on forwarding. */
  refused(): void;
}

/** The first port an OS hands out for `:REMOTE` (Linux's ephemeral range). */
const EPHEMERAL = 32768;

export class LocalPorts {
  private readonly byPort = new Map<number, Forward[]>();

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

  open(f: Forward): void {
    this.byPort.set(f.port, [...(this.byPort.get(f.port) ?? []), f]);
  }

  close(f: Forward): void {
    const left = (this.byPort.get(f.port) ?? []).filter((x) => x !== f);
    if (left.length) this.byPort.set(f.port, left);
    else this.byPort.delete(f.port);
  }

  /** The forward listening on `address:port`, if any (`0.0.0.0` listens on every address). */
  at(address: string, port: number): Forward | undefined {
    return (this.byPort.get(port) ?? []).find((f) => f.addresses.includes(address) || f.addresses.includes('0.0.0.0'));
  }
}
