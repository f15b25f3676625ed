import { flat } from '../../../lib/flat';
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
    if (!isUsed(node, n)) {
      markUsed(node, n);
      node.lastIP = n;
      return podIPString(node, n);
    }
  }
  return undefined;
}

/**
 * `a.b.c.` when every address of the CIDR `base`/`size` shares its first three
 * octets (a /24 or smaller), else '' (built once per node).
 */
export function octetPrefix(base: number, size: number): string {
  if ((base & 255) + size > 256) return '';
  const ip = intToIp(base);
  return flat(ip.slice(0, ip.lastIndexOf('.') + 1));
}

/** Host number `n`'s address as `intToIp` writes it: from the node's prefix, one number written per address (no four). */
function podIPString(node: NodeRuntime, n: number): string {
  const prefix = node.ipPrefix;
  return prefix === '' ? intToIp(node.cidrBase + n) : flat(`${prefix}${(node.cidrBase + n) & 255}`);
}

/** Marks an address already in use (a pod the kubelet adopts after a restart). */
export function reservePodIP(node: NodeRuntime, ip: string): void {
  const n = ipToInt(ip) - node.cidrBase;
  if (n > 0 && n < node.cidrSize) markUsed(node, n);
}

export function releasePodIP(node: NodeRuntime, ip: string | undefined): void {
  if (!ip) return;
  const n = ipToInt(ip) - node.cidrBase;
  if (n < 0 || !isUsed(node, n)) return;
  if (n < 32) node.ipWord0 &= ~(1 << n);
  else node.usedIPs[n >>> 5] &= ~(1 << (n & 31));
}

/**
 * The words of the bit set past the first of a node that has none yet
 * (shared, never written: `markUsed` replaces it). The first word is the
 * node runtime's own `ipWord0` field, read with the other fields a sync
 * reads (rather than a typed array of its own per node, two objects more
 * to fetch per address handed out); word w is `usedIPs[w]`, w ≥ 1.
 */
export const NO_IP_WORDS = new Uint32Array(1);

function isUsed(node: NodeRuntime, n: number): boolean {
  if (n < 32) return (node.ipWord0 & (1 << n)) !== 0;
  const w = n >>> 5;
  const bits = node.usedIPs;
  return w < bits.length && (bits[w] & (1 << (n & 31))) !== 0;
}

function markUsed(node: NodeRuntime, n: number): void {
  if (n < 32) {
    node.ipWord0 |= 1 << n;
    return;
  }
  const w = n >>> 5;
  let bits = node.usedIPs;
  if (w >= bits.length || bits === NO_IP_WORDS) {
    const grown = new Uint32Array(Math.max(w + 1, bits.length * 2));
    if (bits !== NO_IP_WORDS) grown.set(bits);
    node.usedIPs = bits = grown;
  }
  bits[w] |= 1 << (n & 31);
}
