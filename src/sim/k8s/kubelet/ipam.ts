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
    if (!isUsed(node.usedIPs, n)) {
      markUsed(node, n);
      node.lastIP = n;
      return intToIp(node.cidrBase + n);
    }
  }
  return undefined;
}

/** Marks an address already in use (a pod the kubelet adopts after a restart). */
export function reservePodIP(node: NodeRuntime, ip: string): void {
  const n = ipToInt(ip) - node.cidrBase;
  if (n > 0 && n < node.cidrSize) markUsed(node, n);
}

export function releasePodIP(node: NodeRuntime, ip: string | undefined): void {
  if (!ip) return;
  const n = ipToInt(ip) - node.cidrBase;
  if (n >= 0 && isUsed(node.usedIPs, n)) node.usedIPs[n >>> 5] &= ~(1 << (n & 31));
}

/**
 * The in-use host numbers of a node's pod CIDR: a bit set, grown as
 * addresses are handed out (they go up from the start: a node of 30 pods
 * needs one word), rather than a Set (a hash lookup per address, on 5,000
 * nodes' sets).
 */
export function newIPBitmap(): Uint32Array {
  return new Uint32Array(1);
}

function isUsed(bits: Uint32Array, n: number): boolean {
  const w = n >>> 5;
  return w < bits.length && (bits[w] & (1 << (n & 31))) !== 0;
}

function markUsed(node: NodeRuntime, n: number): void {
  const w = n >>> 5;
  let bits = node.usedIPs;
  if (w >= bits.length) {
    const grown = new Uint32Array(Math.max(w + 1, bits.length * 2));
    grown.set(bits);
    node.usedIPs = bits = grown;
  }
  bits[w] |= 1 << (n & 31);
}
