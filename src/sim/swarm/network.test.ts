import { describe, expect, it } from 'vitest';
import { replicas, testSwarm } from './testing';

describe('routing mesh and service discovery', () => {
  it('an ingress port answers on every node, even one without a task, and balances over the running tasks', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', { ...replicas(2), ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' }] });
    s.advance(10_000);
    const hosts = new Set(s.live(v.id).map((t) => s.node(t.nodeId)!.description.hostname));
    const without = ['manager1', 'worker1', 'worker2'].find((h) => !hosts.has(h))!;
    const answers = [0, 1, 2, 3].map(() => {
      const r = s.route(without, 8080);
      return r.ok ? r.task.id : r.error;
    });
    expect(new Set(answers).size).toBe(2);
    expect(answers[0]).toBe(answers[2]);
    expect(s.route('worker1', 9999)).toEqual({ ok: false, error: 'Failed to connect to 192.168.99.101 port 9999: Connection refused' });
  });

  it('a host-mode port listens only where a task runs', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', { ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'host' }] });
    s.advance(10_000);
    const on = s.node(s.live(v.id)[0].nodeId)!.description.hostname;
    const off = ['manager1', 'worker1', 'worker2'].find((h) => h !== on)!;
    expect(s.route(on, 8080)).toMatchObject({ ok: true, via: 'host' });
    expect(s.route(off, 8080).ok).toBe(false);
  });

  it('a service name resolves to its VIP (vip) or its task addresses (dnsrr); tasks.NAME always to the tasks', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', { ...replicas(2), ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' }] });
    const d = s.svc('db', 'postgres', { ...replicas(2), endpointMode: 'dnsrr' });
    s.advance(10_000);
    expect(s.resolve('web')).toEqual({ ok: true, kind: 'vip', addresses: [s.service(v.id)!.virtualIPs[0].addr.split('/')[0]] });
    const dns = s.resolve('db');
    expect(dns.ok && dns.kind === 'dnsrr' && dns.addresses.length).toBe(2);
    expect(s.resolve('tasks.web')).toMatchObject({ ok: true, kind: 'tasks' });
    expect(s.resolve('nope').ok).toBe(false);
    expect(d.spec.endpointMode).toBe('dnsrr');
  });

  it('a task behind the mesh sees the ingress sandbox of the node the request came in by, and keeps what it served', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', { ...replicas(1), ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' }] });
    s.advance(10_000);
    const a = s.route('manager1', 8080);
    const b = s.route('worker2', 8080);
    const c = s.route('manager1', 8080);
    if (!a.ok || !b.ok || !c.ok) throw new Error('not routed');
    expect(a.source).toMatch(/^10\.0\.0\.\d+$/);
    expect(b.source).not.toBe(a.source);
    expect(c.source).toBe(a.source);
    expect(s.served(s.live(v.id)[0].id).map((r) => r.source)).toEqual([a.source, b.source, a.source]);
  });

  it("a host-mode port is reached with the client's own address", () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', { ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'host' }] });
    s.advance(10_000);
    const r = s.route(s.node(s.live(v.id)[0].nodeId)!.description.hostname, 8080);
    expect(r.ok && r.source).toBe('192.168.99.1');
  });

  it('counts the requests through the mesh per service: the task that answered, the node they came in by, and what failed', () => {
    const s = testSwarm();
    const v = s.svc('web', 'nginx', { ...replicas(2), ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' }] });
    s.advance(10_000);
    const worker2 = s.findNode('worker2')!.id;
    for (const n of ['manager1', 'worker1', 'worker2', 'manager1']) s.route(n, 8080);
    s.stopNode(worker2);
    s.route('worker2', 8080);
    expect(s.traffic.recent(s.now())).toEqual([]);
    s.advance(1000);
    const [web] = s.traffic.recent(s.now(), 2000);
    expect(web.serviceId).toBe(v.id);
    expect([web.requests, web.rps]).toEqual([5, 2.5]);
    expect(web.byTask.map((t) => t.requests)).toEqual([2, 2]);
    expect(web.byEntry).toEqual([{ node: s.findNode('manager1')!.id, requests: 2 }, ...[s.findNode('worker1')!.id, worker2].sort().map((node) => ({ node, requests: node === worker2 ? 2 : 1 }))].sort((a, b) => b.requests - a.requests || (a.node < b.node ? -1 : 1)));
    expect(web.failed).toEqual([{ error: 'Failed to connect to 192.168.99.102 port 8080: Connection timed out', requests: 1 }]);
    s.advance(5000);
    expect(s.traffic.recent(s.now(), 2000)).toEqual([]);
  });
});
