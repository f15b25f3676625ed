import { describe, expect, it } from 'vitest';
import { intToIp } from '../api/serviceAllocator';
import { allocatePodIP, octetPrefix, parseCidr, releasePodIP, reservePodIP } from './ipam';
import { newNodeRuntime } from './kubeletController';

function node(cidr = '10.244.1.0/24') {
  return newNodeRuntime('n', cidr, '172.18.0.3', 0);
}

describe('host-local pod IPs of a node', () => {
  it('hands out .2 upwards, skipping the network address and the gateway', () => {
    const n = node();
    expect([allocatePodIP(n), allocatePodIP(n), allocatePodIP(n)]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
  });

  it('goes on past the first 32 addresses and never hands out one in use', () => {
    const n = node();
    const ips = Array.from({ length: 60 }, () => allocatePodIP(n));
    expect(new Set(ips).size).toBe(60);
    expect(ips[29]).toBe('10.244.1.31');
    expect(ips[30]).toBe('10.244.1.32');
    expect(ips[59]).toBe('10.244.1.61');
  });

  it('takes the next free address after the last one, reusing released ones only after wrapping around', () => {
    const n = node('10.244.1.0/27'); // hosts .2 … .30
    const ips = Array.from({ length: 29 }, () => allocatePodIP(n));
    expect(ips[28]).toBe('10.244.1.30');
    expect(allocatePodIP(n)).toBeUndefined();
    releasePodIP(n, '10.244.1.5');
    releasePodIP(n, '10.244.1.3');
    expect(allocatePodIP(n)).toBe('10.244.1.3');
    expect(allocatePodIP(n)).toBe('10.244.1.5');
    expect(allocatePodIP(n)).toBeUndefined();
  });

  it('skips addresses reserved for pods adopted after a restart, on either side of the 32nd', () => {
    const n = node();
    reservePodIP(n, '10.244.1.2');
    reservePodIP(n, '10.244.1.33');
    const ips = Array.from({ length: 33 }, () => allocatePodIP(n));
    expect(ips[0]).toBe('10.244.1.3');
    expect(ips).not.toContain('10.244.1.33');
    expect(ips[32]).toBe('10.244.1.36');
  });

  it('releasing an address not in use or outside the range changes nothing', () => {
    const n = node();
    releasePodIP(n, '10.244.1.40');
    releasePodIP(n, '10.9.9.9');
    releasePodIP(n, undefined);
    expect(allocatePodIP(n)).toBe('10.244.1.2');
  });

  it('writes every address as intToIp does, in CIDRs within one /24 and wider ones', () => {
    for (const cidr of ['10.244.1.0/24', '10.244.1.128/25', '192.168.255.0/24', '10.244.0.0/23', '10.0.0.0/16', '172.18.3.64/26']) {
      const n = node(cidr);
      const { base } = parseCidr(cidr);
      for (let i = 0; i < 300; i++) {
        const ip = allocatePodIP(n);
        if (ip === undefined) break;
        expect(ip).toBe(intToIp(base + n.lastIP));
      }
    }
    expect(octetPrefix(parseCidr('10.244.7.0/24').base, 256)).toBe('10.244.7.');
    expect(octetPrefix(parseCidr('10.244.6.0/23').base, 512)).toBe('');
  });

  it('parses a pod CIDR into its base address and size', () => {
    expect(parseCidr('10.244.3.0/24').size).toBe(256);
  });
});
