import { describe, expect, it } from 'vitest';
import { clusterShell } from '../../testing/clusterShell';

describe('kubectl config', () => {
  it('the current context\'s namespace is where kubectl works, unless -n says otherwise', () => {
    const t = clusterShell();
    t.run('kubectl create namespace dev');
    expect(t.run('kubectl config set-context --current --namespace=dev').stdout).toBe('Context "kind-kubeplay" modified.\n');
    t.run('kubectl create deployment web --image=nginx');
    expect(t.run('kubectl get deployments -n dev -o name').stdout).toBe('deployment.apps/web\n');
    expect(t.run('kubectl get deployments -n default').stdout).toBe('');
    expect(t.run('kubectl get deployments -n default').stderr).toBe('No resources found in default namespace.\n');
    expect(t.run('kubectl get pods -n kube-system -o name').stdout).toContain('pod/coredns-');
    expect(t.run("kubectl config view --minify -o jsonpath='{..namespace}'").stdout).toBe('dev');
    expect(t.run('kubectl config get-contexts').stdout).toBe(
      'CURRENT   NAME            CLUSTER         AUTHINFO        NAMESPACE\n*         kind-kubeplay   kind-kubeplay   kind-kubeplay   dev\n',
    );
  });

  it('a context that is not there: --context, use-context and a deleted current context say so', () => {
    const t = clusterShell();
    expect(t.run('kubectl --context=nope get pods').stderr).toBe('error: context was not found for specified context: nope\n');
    expect(t.run('kubectl config use-context nope').stderr).toBe('error: no context exists with the name: "nope"\n');
    expect(t.run('kubectl config set-context lab --cluster=kind-kubeplay --user=kind-kubeplay --namespace=kube-system').stdout).toBe('Context "lab" created.\n');
    expect(t.run('kubectl config use-context lab').stdout).toBe('Switched to context "lab".\n');
    expect(t.run('kubectl config current-context').stdout).toBe('lab\n');
    expect(t.run('kubectl get deploy -o name').stdout).toBe('deployment.apps/coredns\n');
    const del = t.run('kubectl config delete-context lab');
    expect(del.stderr).toBe('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    expect(t.run('kubectl get pods').stderr).toBe('error: context was not found for specified context: lab\n');
    expect(t.run('kubectl config use-context kind-kubeplay').exitCode).toBe(0);
    expect(t.run('kubectl get pods').exitCode).toBe(0);
  });

  it('cluster-info names the API server and CoreDNS, in kubectl\'s colors', () => {
    const t = clusterShell();
    expect(t.run('kubectl cluster-info').stdout).toBe(
      '\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://172.18.0.2:6443\x1b[0m\n' +
        '\x1b[0;32mCoreDNS\x1b[0m is running at \x1b[0;33mhttps://172.18.0.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\x1b[0m\n\n' +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});
