import { describe, expect, it } from 'vitest';
import { formatDiscoveryEndpoints, formatDiscoveryPorts } from './endpointSlicePrinter';
import { formatEndpoints } from './endpointsPrinter';

const a = (ip: string) => ({ ip });

describe('the ENDPOINTS columns', () => {
  it('endpoints: ready ip:port, three at most, then + N more...', () => {
    expect(formatEndpoints(undefined)).toBe('<none>');
    expect(formatEndpoints([{ addresses: [a('10.244.1.5'), a('10.244.2.7')], ports: [{ port: 80 }] }])).toBe('10.244.1.5:80,10.244.2.7:80');
    const five = ['10.244.1.5', '10.244.2.7', '10.244.3.2', '10.244.1.6', '10.244.2.8'].map(a);
    expect(formatEndpoints([{ addresses: five, ports: [{ port: 80 }] }])).toBe('10.244.1.5:80,10.244.2.7:80,10.244.3.2:80 + 2 more...');
  });

  it('endpoints: kube-dns counts every address once per port', () => {
    const ports = [{ name: 'dns-tcp', port: 53 }, { name: 'dns', port: 53 }, { name: 'metrics', port: 9153 }];
    expect(formatEndpoints([{ addresses: [a('10.244.0.2'), a('10.244.0.3')], ports }])).toBe('10.244.0.2:53,10.244.0.3:53,10.244.0.2:53 + 3 more...');
  });

  it('endpoints: an empty cell when every address is not ready; bare IPs for a headless service without ports; IPv6 in brackets', () => {
    expect(formatEndpoints([{ notReadyAddresses: [a('10.244.1.5')], ports: [{ port: 80 }] }])).toBe('');
    expect(formatEndpoints([{ addresses: [a('10.244.1.5')] }])).toBe('10.244.1.5');
    expect(formatEndpoints([{ addresses: [a('fd00::5')], ports: [{ port: 80 }] }])).toBe('[fd00::5]:80');
  });

  it('endpointslices: every address (ready or not), ports by number, <unset> when empty', () => {
    expect(formatDiscoveryPorts([{ name: 'http', port: 80 }, { name: 'x' }, {}])).toBe('80,x,*');
    expect(formatDiscoveryPorts(null)).toBe('<unset>');
    expect(formatDiscoveryEndpoints(null)).toBe('<unset>');
    const eps = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'].map((ip, i) => ({ addresses: [ip], conditions: { ready: i % 2 === 0 } }));
    expect(formatDiscoveryEndpoints(eps)).toBe('10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...');
  });
});
