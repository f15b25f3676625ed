import type { EndpointSubset } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { repackSubsets, truncateEndpoints } from './repackSubsets';

const addr = (ip: string) => ({ ip, targetRef: { kind: 'Pod', uid: `uid-${ip}` } });
const http = { name: 'http', port: 80, protocol: 'TCP' };
const metrics = { name: 'metrics', port: 9090, protocol: 'TCP' };

describe('repackSubsets', () => {
  it('merges addresses that serve the same ports and sorts them by IP (as bytes)', () => {
    const subsets: EndpointSubset[] = [
      { addresses: [addr('10.244.1.10')], ports: [http] },
      { addresses: [addr('10.244.1.10')], ports: [metrics] },
      { addresses: [addr('10.244.1.2')], ports: [http] },
      { addresses: [addr('10.244.1.2')], ports: [metrics] },
    ];
    expect(repackSubsets(subsets)).toEqual([{ addresses: [addr('10.244.1.10'), addr('10.244.1.2')], ports: [http, metrics] }]);
  });

  it('keeps ready and not-ready addresses of the same ports in one subset', () => {
    const subsets: EndpointSubset[] = [
      { addresses: [addr('10.0.0.1')], ports: [http] },
      { notReadyAddresses: [addr('10.0.0.2')], ports: [http] },
    ];
    expect(repackSubsets(subsets)).toEqual([{ addresses: [addr('10.0.0.1')], notReadyAddresses: [addr('10.0.0.2')], ports: [http] }]);
  });

  it('splits addresses that serve different ports', () => {
    const subsets: EndpointSubset[] = [
      { addresses: [addr('10.0.0.1')], ports: [http] },
      { addresses: [addr('10.0.0.1')], ports: [metrics] },
      { addresses: [addr('10.0.0.2')], ports: [http] },
    ];
    expect(repackSubsets(subsets)).toEqual([
      { addresses: [addr('10.0.0.1'), addr('10.0.0.2')], ports: [http] },
      { addresses: [addr('10.0.0.1')], ports: [metrics] },
    ]);
  });

  it('keeps a headless service’s port-less addresses', () => {
    expect(repackSubsets([{ addresses: [addr('10.0.0.1')], ports: [] }])).toEqual([{ addresses: [addr('10.0.0.1')] }]);
  });
});

describe('truncateEndpoints', () => {
  it('cuts at 1000 addresses, dropping not-ready ones first', () => {
    const ready = Array.from({ length: 900 }, (_, i) => addr(`10.0.${i >> 8}.${i & 255}`));
    const notReady = Array.from({ length: 200 }, (_, i) => addr(`10.1.${i >> 8}.${i & 255}`));
    const subsets: EndpointSubset[] = [{ addresses: ready, notReadyAddresses: notReady, ports: [http] }];
    expect(truncateEndpoints(subsets)).toBe(true);
    expect(subsets[0].addresses).toHaveLength(900);
    expect(subsets[0].notReadyAddresses).toHaveLength(100);
    expect(truncateEndpoints([{ addresses: ready, ports: [http] }])).toBe(false);
  });
});
