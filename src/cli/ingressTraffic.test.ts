import { describe, expect, it } from 'vitest';
import { type ServiceTraffic } from '../sim/k8s/index';
import { scriptSession } from './scriptSession.testkit';

/**
 * `kubeplay traffic ingress/NAME` is metered like traffic to a Service: the ingress-nginx
 * controller proxies each request to one ready endpoint of the backend its rules pick (host,
 * then the longest path: Exact, Prefix by path elements; else the Ingress's defaultBackend),
 * and that Service's meter counts the pod that answered — or, with no ready endpoint (nginx's
 * 503), a refused request. The controller's own 404 (no rule, no default backend) is no
 * Service's traffic.
 */
const session = () => scriptSession(11);

const SETUP = [
  'kubeplay addon enable ingress-nginx',
  'kubectl create deployment web --image=nginx --replicas=3',
  'kubectl expose deployment web --port=80',
  'kubectl create deployment api --image=nginx --replicas=2',
  'kubectl expose deployment api --port=80',
  'kubectl create deployment exact --image=nginx --replicas=1',
  'kubectl expose deployment exact --port=80',
  'kubectl create deployment fallback --image=nginx --replicas=1',
  'kubectl expose deployment fallback --port=80',
  // web.test: / (Prefix) → web, /api (Prefix) → api, /exact (Exact) → exact.
  'kubectl create ingress web --rule="web.test/*=web:80" --rule="web.test/api*=api:80" --rule="web.test/exact=exact:80"',
  // other.test: only /only; anything else goes to its defaultBackend.
  'kubectl create ingress other --rule="other.test/only=api:80" --default-backend=fallback:80',
  'sleep 2m',
].join('\n');

/** The meter's facts by Service, over the last 10 s. */
function metered(s: ReturnType<typeof session>): Map<string, ServiceTraffic> {
  return new Map(s.cluster.traffic.recent(s.cluster.now(), 10_000).map((t) => [t.service, t]));
}

const podsOf = (t: ServiceTraffic | undefined) => (t?.byPod ?? []).map((p) => p.pod.replace(/-[a-z0-9]+-[a-z0-9]{5}$/, ''));

describe('traffic through an Ingress is metered like traffic to its backend Service', () => {
  it('counts each request under the Service the rule picked, by the pod that answered', () => {
    const s = session();
    s.run(SETUP);
    s.run('kubeplay traffic ingress/web --rps 20 --for 5s\nsleep 1s');
    const m = metered(s);
    const web = m.get('default/web');
    expect(web?.requests).toBe(100);
    expect(new Set(podsOf(web))).toEqual(new Set(['default/web']));
    expect(web?.byPod).toHaveLength(3);
    expect(web?.failed).toEqual([]);
    // Nothing is counted against the controller's own Service or pod.
    expect([...m.keys()]).toEqual(['default/web']);
  });

  it('follows the longest path: Prefix by whole path elements, Exact only for the exact path', () => {
    const s = session();
    s.run(SETUP);
    /** The Services that one run of traffic to `path` reached (the meter keeps 10 s: runs 11 s apart do not mix). */
    const reached = (path: string) => {
      s.run(`kubeplay traffic ingress/web --path ${path} --rps 10 --for 2s\nsleep 1s`);
      const m = metered(s);
      s.run('sleep 11s');
      return [...m].map(([svc, t]) => `${svc} ${t.requests}`);
    };
    expect(reached('/api/v1')).toEqual(['default/api 20']);
    // Not a whole path element of /api: the / Prefix rule.
    expect(reached('/apix')).toEqual(['default/web 20']);
    expect(reached('/exact')).toEqual(['default/exact 20']);
    expect(reached('/exact/more')).toEqual(['default/web 20']);
  });

  it('sends what no rule of the host matches to the Ingress’s defaultBackend, and meters it there', () => {
    const s = session();
    s.run(SETUP);
    s.run('kubeplay traffic ingress/other --path /elsewhere --rps 10 --for 2s\nsleep 1s');
    expect(metered(s).get('default/fallback')?.requests).toBe(20);
    s.run('sleep 11s\nkubeplay traffic ingress/other --path /only --rps 10 --for 2s\nsleep 1s');
    expect([...metered(s).keys()]).toEqual(['default/api']);
  });

  it('no ready endpoint (nginx’s 503) is a refused request of the Service; no rule at all (404) is no Service’s', () => {
    const s = session();
    s.run(SETUP);
    s.run('kubectl scale deployment api --replicas=0\nsleep 1m');
    const out = s.run('kubeplay traffic ingress/web --path /api --rps 10 --for 2s\nsleep 1s');
    expect(out).toContain('20 answered (20× 503)');
    expect(metered(s).get('default/api')?.failed).toEqual([{ kind: 'refused', requests: 20 }]);
    s.run('sleep 1m');
    const notFound = s.run('kubeplay traffic ingress/web --host nobody.test --rps 10 --for 2s\nsleep 1s');
    expect(notFound).toContain('20 answered (20× 404)');
    expect(metered(s).size).toBe(0);
  });
});
