import { describe, expect, it } from 'vitest';
import type { WatchEvent } from '../../../engine/store';
import type { PodObj, ServiceObj } from './podEndpoints';
import { ServiceSelectors } from './serviceSelectors';

const svc = (name: string, selector?: Record<string, string>, type = 'ClusterIP'): ServiceObj => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { type, selector } });
const pod = (labels: Record<string, string>, ready = true, ip = '10.244.1.2', ns = 'default'): PodObj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: ns, labels },
  status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const ev = (type: WatchEvent['type'], object: PodObj | ServiceObj, old?: PodObj): WatchEvent => ({ type, resource: 'pods', key: `${object.metadata.namespace}/${object.metadata.name}`, object, old });

describe('the services that select a pod', () => {
  const index = () => {
    const s = new ServiceSelectors();
    s.observe(ev('ADDED', svc('web', { app: 'web' })));
    s.observe(ev('ADDED', svc('all-web', { tier: 'front' })));
    s.observe(ev('ADDED', svc('kubernetes')));
    s.observe(ev('ADDED', svc('ext', { app: 'web' }, 'ExternalName')));
    return s;
  };

  it('pod events in a namespace where no service selects pods wake nobody, at the cost of one lookup', () => {
    const s = new ServiceSelectors();
    s.observe(ev('ADDED', svc('kubernetes')));
    expect(s.has('default')).toBe(false);
    expect(s.servicesForPodEvent(ev('ADDED', pod({ app: 'web' })))).toBeUndefined();
    expect(index().servicesForPodEvent(ev('ADDED', pod({ app: 'web' }, true, '10.244.1.2', 'other')))).toBeUndefined();
  });

  it('a new or deleted pod wakes the services whose selector matches it', () => {
    expect(index().servicesForPodEvent(ev('ADDED', pod({ app: 'web', tier: 'front' })))).toEqual(['default/web', 'default/all-web']);
    expect(index().servicesForPodEvent(ev('DELETED', pod({ app: 'web' })))).toEqual(['default/web']);
  });

  it('an update that endpoints cannot see wakes nobody', () => {
    const before = pod({ app: 'web' });
    const after = { ...before, metadata: { ...before.metadata, annotations: { a: 'b' } } };
    expect(index().servicesForPodEvent(ev('MODIFIED', after, before))).toBeUndefined();
  });

  it('a readiness change wakes the pod’s services', () => {
    expect(index().servicesForPodEvent(ev('MODIFIED', pod({ app: 'web' }, false), pod({ app: 'web' })))).toEqual(['default/web']);
  });

  it('a label change wakes only the services the pod joined or left', () => {
    const before = pod({ app: 'web' });
    const after = pod({ app: 'web', tier: 'front' });
    expect(index().servicesForPodEvent(ev('MODIFIED', after, before))).toEqual(['default/all-web']);
  });

  it('forgets a service whose selector goes away', () => {
    const s = index();
    s.observe(ev('MODIFIED', svc('web')));
    s.observe(ev('DELETED', svc('all-web', { tier: 'front' })));
    expect(s.has('default')).toBe(false);
  });
});
