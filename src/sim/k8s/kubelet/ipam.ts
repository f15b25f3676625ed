import { intToIp, ipToInt } from '../api/serviceAllocator';
import type { NodeRuntime } from './runtime';

/** Parses a pod CIDR (`10.244.1.0/24`) into base address and size. */
export function parseCidr(cidr: string): { base: number; size: number } {
  const [ip, bits] = cidr.split('/');
  return { base: ipToInt(ip), size: 2 ** (32 - Number(bits)) };
}

/**
 * host-local IPAM as CNI plugins use it: the next free address after the
 * last one handed out, wrapping around, skipping the network address, the
 * gateway (.1) and the broadcast address.
 */
export function allocatePodIP(node: NodeRuntime): string | undefined {
  const first = 2;
  const last = node.cidrSize - 2;
  for (let i = 0; i < node.cidrSize; i++) {
    let n = node.lastIP + 1 + i;
    if (n > last) n = first + ((n - first) % (last - first + 1));
    if (!node.usedIPs.has(n)) {
      node.usedIPs.add(n);
      node.lastIP = n;
      return intToIp(node.cidrBase + n);
    }
  }
  return undefined;
}

/** Marks an address already in use (a pod the kubelet adopts after a restart). */
export function reservePodIP(node: NodeRuntime, ip: string): void {
  const n = ipToInt(ip) - node.cidrBase;
  if (n > 0 && n < node.cidrSize) node.usedIPs.add(n);
}

export function releasePodIP(node: NodeRuntime, ip: string | undefined): void {
  if (!ip) return;
  node.usedIPs.delete(ipToInt(ip) - node.cidrBase);
}
