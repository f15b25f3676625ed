import { describe, expect, it } from 'vitest';
import { type Cluster, type KubeObject } from '../sim/k8s/index';
import { scriptSession } from './scriptSession.testkit';

/** The ingress-nginx add-on against the whole simulated cluster: addresses, default class, routing. */
const session = () => scriptSession(7);

type Ing = KubeObject & { spec?: { ingressClassName?: string }; status?: { loadBalancer?: { ingress?: { ip?: string }[] } } };
const address = (c: Cluster, name: string) => c.client().get<Ing>('ingresses.networking.k8s.io', 'default', name)?.status?.loadBalancer?.ingress?.map((i) => i.ip).join(',') ?? '';

describe('the ingress-nginx add-on', () => {
  it('a fresh cluster has no ingress controller: an Ingress never gets an address', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx\nkubectl expose deployment web --port=80\nkubectl create ingress web --rule="web.test/*=web:80"\nsleep 10m');
    expect(address(s.cluster, 'web')).toBe('');
    expect(s.cluster.client().list('ingressclasses.networking.k8s.io')).toEqual([]);
  });

  it('publishes the controller node\'s address when its leader starts, then on the 60 s status sync', () => {
    const s = session();
    s.run('kubectl create ingress early --rule="early.test/*=web:80"\nkubeplay addon enable ingress-nginx\nkubectl rollout status deployment/ingress-nginx-controller -n ingress-nginx');
    const ip = address(s.cluster, 'early');
    expect(ip).toMatch(/^172\.18\.0\.\d$/);
    s.run('sleep 5s\nkubectl create ingress late --rule="late.test/*=web:80"\nsleep 50s');
    expect(address(s.cluster, 'late')).toBe('');
    s.run('sleep 10s');
    expect(address(s.cluster, 'late')).toBe(ip);
  });

  it('new Ingresses without a class get the default class nginx; a foreign class is left alone', () => {
    const s = session();
    s.run('kubeplay addon enable ingress-nginx\nkubectl create ingress a --rule="a.test/=web:80"\nkubectl create ingress b --class=traefik --rule="b.test/=web:80"\nsleep 3m');
    expect(s.cluster.client().get<Ing>('ingresses.networking.k8s.io', 'default', 'a')?.spec?.ingressClassName).toBe('nginx');
    expect(address(s.cluster, 'a')).not.toBe('');
    expect(address(s.cluster, 'b')).toBe('');
  });

  it('disabling the add-on takes the addresses away (update-status-on-shutdown)', () => {
    const s = session();
    s.run('kubeplay addon enable ingress-nginx\nkubectl create ingress a --rule="a.test/=web:80"\nsleep 3m');
    expect(address(s.cluster, 'a')).not.toBe('');
    s.run('kubeplay addon disable ingress-nginx\nsleep 30s');
    expect(address(s.cluster, 'a')).toBe('');
  });

  it('routes from outside through the node address to the ready pods, 503 when none is ready', () => {
    const s = session();
    const out = s.run(
      [
        'kubeplay addon enable ingress-nginx',
        'kubectl create deployment web --image=nginx --replicas=3',
        'kubectl expose deployment web --port=80',
        'kubectl create ingress web --rule="web.test/*=web:80"',
        'sleep 2m',
        'kubeplay traffic ingress/web --rps 30 --for 10s',
        'kubectl scale deployment web --replicas=0',
        'sleep 1m',
        'kubeplay traffic ingress/web --rps 1 --for 3s',
      ].join('\n'),
    );
    expect(out).toContain('300 requests in 10s: 300 answered (300× 200), 0 failed');
    expect(out.match(/^web-[a-z0-9]+-[a-z0-9]{5} +\d+ +\d+\.\d%$/gm)).toHaveLength(3);
    expect(out).toContain('3 requests in 3s: 3 answered (3× 503), 0 failed');
  });

  it('a node address answers on NodePorts (kube-proxy, any node) and hostPorts, and refuses other ports', () => {
    const s = session();
    const out = s.run(
      [
        'kubectl create deployment web --image=nginx --replicas=2',
        'kubectl expose deployment web --port=80 --type=NodePort',
        'kubeplay addon enable ingress-nginx',
        'kubectl run client --image=curlimages/curl --command -- sleep 3600',
        'sleep 1m',
      ].join('\n'),
    );
    expect(out).not.toContain('Error');
    const c = s.cluster.client();
    const nodePort = c.get<KubeObject & { spec: { ports: { nodePort: number }[] } }>('services', 'default', 'web')!.spec.ports[0].nodePort;
    const controllerNode = c.list<KubeObject & { spec: { nodeName: string } }>('pods', { namespace: 'ingress-nginx' })[0].spec.nodeName;
    const ipOf = (n: string) => (c.get<KubeObject & { status: { addresses: { type: string; address: string }[] } }>('nodes', undefined, n)!.status.addresses.find((a) => a.type === 'InternalIP')!.address);
    const other = ['worker-1', 'worker-2', 'worker-3'].find((n) => n !== controllerNode)!;
    const curl = (url: string) => s.run(`kubectl exec client -- curl -sS -o /dev/null -w '%{http_code}\\n' ${url}`).split('\n').slice(1).join('\n');
    expect(curl(`http://${ipOf(other)}:${nodePort}/`)).toContain('200');
    expect(curl(`http://${ipOf(controllerNode)}/`)).toContain('404');
    expect(curl(`http://${ipOf(other)}/`)).toContain("curl: (7) Failed to connect to");
  });
});
