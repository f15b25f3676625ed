import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';
import { podServiceEnv, serviceEnvVars } from './serviceEnv';

const svc = (name: string, namespace: string, clusterIP: string, ports: { name?: string; port: number; protocol?: string }[]) => ({ metadata: { name, namespace }, spec: { clusterIP, ports } });
const kubernetes = svc('kubernetes', 'default', '10.96.0.1', [{ name: 'https', port: 443, protocol: 'TCP' }]);

describe('service environment variables', () => {
  it('conformance "Pods, service environment variables": FOOSERVICE_* for a service on port 8765', () => {
    const env = serviceEnvVars([kubernetes, svc('fooservice', 'default', '10.96.5.6', [{ port: 8765, protocol: 'TCP' }])], 'default');
    expect(env).toMatchObject({
      FOOSERVICE_SERVICE_HOST: '10.96.5.6',
      FOOSERVICE_SERVICE_PORT: '8765',
      FOOSERVICE_PORT: 'tcp://10.96.5.6:8765',
      FOOSERVICE_PORT_8765_TCP: 'tcp://10.96.5.6:8765',
      FOOSERVICE_PORT_8765_TCP_PROTO: 'tcp',
      FOOSERVICE_PORT_8765_TCP_PORT: '8765',
      FOOSERVICE_PORT_8765_TCP_ADDR: '10.96.5.6',
    });
  });

  it('the kubernetes service, as every pod sees it', () => {
    expect(serviceEnvVars([kubernetes], 'shop')).toEqual({
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_SERVICE_PORT_HTTPS: '443',
      KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
      KUBERNETES_PORT_443_TCP_PORT: '443',
      KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
    });
  });

  it('names ports, uses the first for _SERVICE_PORT and dashes become underscores', () => {
    const env = serviceEnvVars([svc('redis-primary', 'default', '10.96.7.7', [{ name: 'redis', port: 6379 }, { name: 'metrics', port: 9121, protocol: 'UDP' }])], 'default');
    expect(env.REDIS_PRIMARY_SERVICE_PORT).toBe('6379');
    expect(env.REDIS_PRIMARY_SERVICE_PORT_METRICS).toBe('9121');
    expect(env.REDIS_PRIMARY_PORT).toBe('tcp://10.96.7.7:6379');
    expect(env.REDIS_PRIMARY_PORT_9121_UDP).toBe('udp://10.96.7.7:9121');
  });

  it('only the pod’s namespace; nothing for headless or ExternalName services; only kubernetes without service links', () => {
    const services = [kubernetes, svc('web', 'default', '10.96.1.1', [{ port: 80 }]), svc('db', 'shop', 'None', [{ port: 5432 }]), svc('api', 'shop', '10.96.2.2', [{ port: 8080 }]), { metadata: { name: 'ext', namespace: 'shop' }, spec: { type: 'ExternalName', externalName: 'x.example' } }];
    expect(Object.keys(serviceEnvVars(services, 'shop')).filter((k) => k.endsWith('_SERVICE_HOST'))).toEqual(['API_SERVICE_HOST', 'KUBERNETES_SERVICE_HOST']);
    expect(Object.keys(serviceEnvVars(services, 'shop', false)).filter((k) => k.endsWith('_SERVICE_HOST'))).toEqual(['KUBERNETES_SERVICE_HOST']);
  });

  it('reads a pod’s services from the cluster', () => {
    const w = world().apply(`
apiVersion: v1
kind: Service
metadata: {name: fooservice}
spec: {selector: {app: foo}, ports: [{port: 8765}]}
`);
    const env = podServiceEnv(w.client, { metadata: { namespace: 'default' }, spec: { containers: [] } });
    expect(Object.keys(env).filter((k) => k.endsWith('_SERVICE_HOST'))).toEqual(['FOOSERVICE_SERVICE_HOST', 'KUBERNETES_SERVICE_HOST']);
    expect(podServiceEnv(w.client, { metadata: { namespace: 'default' }, spec: { containers: [], enableServiceLinks: false } }).FOOSERVICE_SERVICE_HOST).toBeUndefined();
  });
});
