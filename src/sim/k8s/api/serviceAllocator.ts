import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { flat } from '../../../lib/flat';
import type { Rng } from '../../../lib/rng';
import { fieldError, type FieldError } from './fieldErrors';
import { GoLiteral } from './goValue';

/**
 * ClusterIP and NodePort allocation as the API server's allocators do it:
 * random picks from the upper ("dynamic") part of the range first, the
 * bottom band kept for user-chosen values (KEP-3070 offsets).
 */
export class ServiceAllocator {
  private readonly usedIPs = new Set<number>();
  private readonly usedPorts = new Set<number>();
  readonly base: number;
  readonly size: number;

  constructor(
    private readonly rng: Rng,
    readonly cidr = '10.96.0.0/12',
    readonly portMin = 30000,
    readonly portMax = 32767,
  ) {
    const [ip, bits] = cidr.split('/');
    this.base = ipToInt(ip);
    this.size = 2 ** (32 - Number(bits));
  }

  /** Records addresses and ports of an existing service. */
  reserve(svc: Service): void {
    for (const ip of svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : [])) if (ip !== 'None') this.usedIPs.add(ipToInt(ip));
    for (const p of svc.spec?.ports ?? []) if (p.nodePort) this.usedPorts.add(p.nodePort);
  }

  release(svc: Service): void {
    for (const ip of svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : [])) if (ip !== 'None') this.usedIPs.delete(ipToInt(ip));
    for (const p of svc.spec?.ports ?? []) if (p.nodePort) this.usedPorts.delete(p.nodePort);
  }

  /** Allocates what a new service needs; returns the completed spec or field errors. */
  allocate(spec: NonNullable<Service['spec']>): { ok: true; spec: NonNullable<Service['spec']> } | { ok: false; errors: FieldError[] } {
    const out = { ...spec };
    const errors: FieldError[] = [];
    const type = out.type ?? 'ClusterIP';
    const picked: number[] = [];
    if (type !== 'ExternalName') {
      const requested = out.clusterIP ?? out.clusterIPs?.[0];
      if (requested === 'None') {
        out.clusterIP = 'None';
        out.clusterIPs = ['None'];
      } else if (requested) {
        const n = ipToInt(requested);
        const lit = new GoLiteral(`[]string{"${requested}"}`);
        if (Number.isNaN(n) || n <= this.base || n >= this.base + this.size - 1) {
          errors.push(fieldError.invalid('spec.clusterIPs', lit, `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${this.cidr}`));
        } else if (this.usedIPs.has(n)) {
          errors.push(fieldError.invalid('spec.clusterIPs', lit, `failed to allocate IP ${requested}: provided IP is already allocated`));
        } else {
          picked.push(n);
          out.clusterIP = requested;
          out.clusterIPs = [requested];
        }
      } else {
        const n = this.pickIP();
        picked.push(n);
        out.clusterIP = intToIp(n);
        out.clusterIPs = [out.clusterIP];
      }
    }
    const wantsNodePorts = type === 'NodePort' || (type === 'LoadBalancer' && out.allocateLoadBalancerNodePorts !== false);
    const ports: ServicePort[] = [];
    const newPorts: number[] = [];
    (out.ports ?? []).forEach((p, i) => {
      if (!wantsNodePorts) return void ports.push(p);
      if (p.nodePort) {
        if (p.nodePort < this.portMin || p.nodePort > this.portMax) {
          errors.push(fieldError.invalid(`spec.ports[${i}].nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${this.portMin}-${this.portMax}`));
        } else if (this.usedPorts.has(p.nodePort) || newPorts.includes(p.nodePort)) {
          errors.push(fieldError.invalid(`spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated'));
        } else newPorts.push(p.nodePort);
        ports.push(p);
      } else {
        const port = this.pickPort(newPorts);
        newPorts.push(port);
        ports.push({ ...p, nodePort: port });
      }
    });
    if (out.ports) out.ports = ports;
    if (errors.length) return { ok: false, errors };
    for (const n of picked) this.usedIPs.add(n);
    for (const p of newPorts) this.usedPorts.add(p);
    return { ok: true, spec: out };
  }

  /**
   * Allocation on update: the old spec's addresses and ports are given back,
   * then the new spec allocated — values it keeps are taken again, a cluster
   * IP or node port it gains is picked (random, as on create). On failure the
   * old values stay held.
   */
  allocateUpdate(oldSpec: NonNullable<Service['spec']>, spec: NonNullable<Service['spec']>): { ok: true; spec: NonNullable<Service['spec']> } | { ok: false; errors: FieldError[] } {
    this.release({ spec: oldSpec });
    const res = this.allocate(spec);
    if (!res.ok) this.reserve({ spec: oldSpec });
    return res;
  }

  private pickIP(): number {
    const offset = this.size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(this.size / 16)), 256);
    const tryBand = (lo: number, hi: number): number | undefined => {
      const span = hi - lo;
      if (span <= 0) return undefined;
      for (let i = 0; i < 64; i++) {
        const n = this.base + lo + this.rng.int(span);
        if (!this.usedIPs.has(n)) return n;
      }
      for (let n = this.base + lo; n < this.base + hi; n++) if (!this.usedIPs.has(n)) return n;
      return undefined;
    };
    const n = tryBand(offset, this.size - 1) ?? tryBand(1, offset);
    if (n === undefined) throw new Error('service IP range is full');
    return n;
  }

  private pickPort(taken: number[]): number {
    const size = this.portMax - this.portMin + 1;
    const offset = Math.min(Math.max(16, Math.floor(size / 32)), 128);
    for (let i = 0; i < 64; i++) {
      const p = this.portMin + offset + this.rng.int(size - offset);
      if (!this.usedPorts.has(p) && !taken.includes(p)) return p;
    }
    for (let p = this.portMin; p <= this.portMax; p++) if (!this.usedPorts.has(p) && !taken.includes(p)) return p;
    throw new Error('node port range is full');
  }
}

export function ipToInt(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return NaN;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function intToIp(n: number): string {
  return flat(`${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`);
}
