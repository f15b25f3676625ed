import { describe, expect, it } from 'vitest';
import { clusterShell } from '../../testing/clusterShell';
import { kubeconfigPath, parsePairs } from './configSetCredentials';

const userOf = (t: ReturnType<typeof clusterShell>, name: string): unknown => JSON.parse(t.run(`kubectl config view --raw -o json`).stdout).users.find((u: { name: string }) => u.name === name)?.user;

describe('kubectl config set-credentials', () => {
  it('writes paths under ~/.kube relative to it and others absolute from the home directory', () => {
    expect(kubeconfigPath('.kube/admin.key')).toBe('admin.key');
    expect(kubeconfigPath('admin.crt')).toBe('/home/learner/admin.crt');
    expect(kubeconfigPath('/etc/kubernetes/pki/ca.crt')).toBe('/etc/kubernetes/pki/ca.crt');
    expect(kubeconfigPath('../learner/.kube/./x.crt')).toBe('x.crt');
    // No shell expands `--flag=~/…`, so kubectl sees a directory named ~.
    expect(kubeconfigPath('~/.kube/admin.key')).toBe('/home/learner/~/.kube/admin.key');
  });

  it('parses key=value pairs and key- removals, naming every malformed pair', () => {
    expect(parsePairs(['a=1', 'b=x=y', 'c-'], 'exec-env')).toEqual({ set: new Map([['a', '1'], ['b', 'x=y']]), remove: ['c'] });
    expect(parsePairs(['x', '=v', 'ok=1', 'y'], 'auth-provider-arg')).toEqual({ type: 'message', message: 'invalid auth-provider-arg format: x, =v, y' });
  });

  it('prints its help before an argument error, and writes nothing', () => {
    const t = clusterShell();
    const r = t.run('kubectl config set-credentials a b --token=x');
    expect(r.stdout).toMatch(/^Set a user entry in kubeconfig\.\n[\s\S]*Use "kubectl options" for a list of global command-line options \(applies to all commands\)\.\n$/);
    expect(r.stderr).toBe('error: unexpected args: [a b]\n');
    expect(r.exitCode).toBe(1);
    expect(userOf(t, 'a')).toBeUndefined();
  });

  it('embeds the certificate file as base64 data in place of its path', () => {
    const t = clusterShell({ 'admin.crt': 'hello\n' });
    t.run('kubectl config set-credentials u --client-certificate=admin.crt');
    expect(userOf(t, 'u')).toEqual({ 'client-certificate': '/home/learner/admin.crt' });
    expect(t.run('kubectl config set-credentials u --client-certificate=admin.crt --embed-certs').stdout).toBe('User "u" set.\n');
    expect(userOf(t, 'u')).toEqual({ 'client-certificate-data': 'aGVsbG8K' });
  });

  it('clears basic auth when a token is set, and the token when basic auth is', () => {
    const t = clusterShell();
    t.run('kubectl config set-credentials u --username=a --password=b');
    t.run('kubectl config set-credentials u --token=t');
    expect(userOf(t, 'u')).toEqual({ token: 't' });
    t.run('kubectl config set-credentials u --username=c');
    expect(userOf(t, 'u')).toEqual({ username: 'c' });
  });

  it('changes an exec plugin only once --exec-command made one; a new command resets its args', () => {
    const t = clusterShell();
    t.run('kubectl config set-credentials u --exec-arg=x --exec-api-version=v1');
    expect(userOf(t, 'u')).toEqual({});
    t.run('kubectl config set-credentials u --exec-command=cred --exec-arg=x,y --exec-env=A=1 --exec-env=B=2');
    t.run('kubectl config set-credentials u --exec-env=A- --exec-env=B=3 --exec-env=C=4 --exec-provide-cluster-info');
    expect(userOf(t, 'u')).toEqual({ exec: { args: ['x', 'y'], command: 'cred', env: [{ name: 'B', value: '3' }, { name: 'C', value: '4' }], provideClusterInfo: true } });
    t.run('kubectl config set-credentials u --exec-command=other --exec-api-version=client.authentication.k8s.io/v1beta1');
    expect(userOf(t, 'u')).toEqual({ exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', args: null, command: 'other', env: [{ name: 'B', value: '3' }, { name: 'C', value: '4' }], interactiveMode: 'IfAvailable', provideClusterInfo: true } });
  });

  it('keeps an auth provider\'s config for the same provider and starts afresh for another', () => {
    const t = clusterShell();
    t.run('kubectl config set-credentials u --auth-provider=oidc --auth-provider-arg=client-id=a,client-secret=s');
    t.run('kubectl config set-credentials u --auth-provider=oidc --auth-provider-arg=client-secret-');
    expect(userOf(t, 'u')).toEqual({ 'auth-provider': { config: { 'client-id': 'a' }, name: 'oidc' } });
    t.run('kubectl config set-credentials u --auth-provider=gcp');
    expect(userOf(t, 'u')).toEqual({ 'auth-provider': { config: {}, name: 'gcp' } });
  });
});
