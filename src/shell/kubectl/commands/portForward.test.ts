import { describe, expect, it } from 'vitest';
import { clusterShell } from '../../testing/clusterShell';

/** A cluster with Deployment `web` (nginx, 2 replicas) behind Service `web` (80 → 80, port named http), its pods serving. */
function served() {
  const t = clusterShell();
  t.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
  t.run('kubectl create service clusterip web --tcp=80:80');
  t.run('kubectl rollout status deployment/web', 120_000);
  t.run('sleep 1', 2000);
  return t;
}

describe('kubectl port-forward', () => {
  it('forwards a local port to the Service\'s pod: curl localhost:PORT at the prompt reaches nginx, each connection handled', () => {
    const t = served();
    const pf = t.run('kubectl port-forward svc/web 8080:80');
    expect(pf.stdout).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    expect(pf.execution.done).toBe(false);
    const curl = t.run('curl http://localhost:8080/');
    expect(curl.exitCode).toBe(0);
    expect(curl.stdout).toContain('<title>Welcome to nginx!</title>');
    // curl writes to the terminal: no progress meter.
    expect(curl.stderr).toBe('');
    expect(pf.stdout).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\nHandling connection for 8080\n');
    expect(t.run('curl -s [::1]:8080').exitCode).toBe(0);
    // The port is taken while the forward runs; Ctrl+C frees it.
    const again = t.run('kubectl port-forward svc/web 8080:80');
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toBe(
      'Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8080: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{8080 80}]\n',
    );
    pf.execution.cancel();
    expect(t.run('curl localhost:8080').stderr).toBe(
      "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\nkubeplay: nothing listens on that port of your machine: forward one to a pod first (kubectl port-forward svc/NAME 8080:80 &, then curl localhost:8080).\n",
    );
  });

  it('translates a Service port to its targetPort and a named port to its number; a pod or a workload works too', () => {
    const t = served();
    t.run('kubectl create service clusterip alt --tcp=9090:80');
    t.run("kubectl patch svc alt -p '{\"spec\":{\"selector\":{\"app\":\"web\"}}}'");
    expect(t.run('kubectl port-forward svc/alt 7000:9090').stdout).toBe('Forwarding from 127.0.0.1:7000 -> 80\nForwarding from [::1]:7000 -> 80\n');
    expect(t.run('kubectl port-forward svc/web 7001:https').stderr).toBe("error: Service 'web' does not have a named port 'https'\n");
    expect(t.run('kubectl port-forward svc/web 7001:80-80').stdout).toBe('Forwarding from 127.0.0.1:7001 -> 80\nForwarding from [::1]:7001 -> 80\n');
    expect(t.run('kubectl port-forward svc/web 7002:81').stderr).toBe('error: Service web does not have a service port 81\n');
    const pod = t.run('kubectl get pods -o name').stdout.split('\n')[0];
    expect(t.run(`kubectl port-forward ${pod} 7003:80`).stdout).toBe('Forwarding from 127.0.0.1:7003 -> 80\nForwarding from [::1]:7003 -> 80\n');
    expect(t.run(`kubectl port-forward ${pod} 7004:http`).stderr).toBe(`error: Pod '${pod.slice(4)}' does not have a named port 'http'\n`);
    expect(t.run('kubectl port-forward deployment/web :80').stdout).toBe('Forwarding from 127.0.0.1:32768 -> 80\nForwarding from [::1]:32768 -> 80\n');
    expect(t.run('kubectl port-forward --address 0.0.0.0 deployment/web 7005:80').stdout).toBe('Forwarding from 0.0.0.0:7005 -> 80\n');
    expect(t.run('curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:7005').stdout).toBe('200');
    expect(t.run('kubectl port-forward svc/web abc:80').stderr).toBe('error: Error parsing local port \'abc\': strconv.ParseUint: parsing "abc": invalid syntax\n');
  });

  it('refuses a pod that is not running, and ends with "lost connection to pod" when its pod goes', () => {
    const t = served();
    // Just created: still Pending.
    t.run('kubectl run stuck --image=nginx');
    expect(t.run('kubectl port-forward pod/stuck 80').stderr).toBe('error: unable to forward port because pod is not running. Current status=Pending\n');
    const pf = t.run('kubectl port-forward svc/web 8080:80');
    const pod = /Forwarding/.test(pf.stdout) ? t.cluster.client().list('pods').find((p) => p.metadata.labels?.app === 'web')! : undefined;
    expect(pod).toBeDefined();
    t.run(`kubectl delete pod -l app=web --wait=false`);
    t.run('sleep 5', 6000);
    pf.execution.poll();
    expect(pf.exitCode).toBe(1);
    expect(pf.stderr).toBe('error: lost connection to pod\n');
  });

  it('at the prompt, a Service name does not resolve and a cluster IP is not routed; a node address and a NodePort are', () => {
    const t = served();
    const r = t.run('curl web');
    expect(r.exitCode).toBe(6);
    expect(r.stderr).toMatch(/^curl: \(6\) Could not resolve host: web\nkubeplay: this prompt is your own machine, outside the cluster/);
    const ip = t.run("kubectl get svc web -o jsonpath='{.spec.clusterIP}'").stdout;
    expect(t.run(`curl -s ${ip}`).exitCode).toBe(28);
    t.run('kubectl expose deployment web --name=np --type=NodePort --port=80');
    const port = t.run("kubectl get svc np -o jsonpath='{.spec.ports[0].nodePort}'").stdout;
    const node = t.run("kubectl get node worker-1 -o jsonpath='{.status.addresses[0].address}'").stdout;
    const viaNode = t.run(`curl -s http://${node}:${port}/`);
    expect(viaNode.exitCode).toBe(0);
    expect(viaNode.stdout).toContain('Welcome to nginx!');
    // Piped, curl shows its progress meter (on stderr), as it does when its output is no terminal.
    expect(t.run(`curl http://${node}:${port}/ | head -1`).stderr).toMatch(/% Total +% Received/);
  });
});
