import { describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';

const podYaml = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: ${image}\n`;

describe('kubectl replace', () => {
  it('puts the file over the live object and prints "replaced"', () => {
    const { run, cluster } = shellHarness({ 'pod.yaml': podYaml('nginx:1.26') });
    cluster.add({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });
    const t = run('kubectl replace -f pod.yaml');
    expect(t.stdout).toBe('pod/web replaced\n');
    expect(run("kubectl get pod web -o jsonpath='{.spec.containers[0].image}'").stdout).toBe('nginx:1.26');
  });

  it('fails with NotFound, naming the file, when the object does not exist', () => {
    const { run } = shellHarness({ 'pod.yaml': podYaml('nginx:1.26') });
    const t = run('kubectl replace -f pod.yaml');
    expect(t.stderr).toBe('Error from server (NotFound): error when replacing "pod.yaml": pods "web" not found\n');
    expect(t.exitCode).toBe(1);
  });

  it('--force deletes, waits until the object is gone, then creates it again (a new uid)', () => {
    const { run, cluster } = shellHarness({ 'pod.yaml': podYaml('nginx:1.26') });
    cluster.add({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'old' }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx:1.25' }] } });
    const t = run('kubectl replace --force -f pod.yaml', 60_000);
    expect(t.stdout).toBe('pod "web" deleted\npod/web replaced\n');
    expect(t.exitCode).toBe(0);
    expect(run("kubectl get pod web -o jsonpath='{.spec.containers[0].image}'").stdout).toBe('nginx:1.26');
    expect(run("kubectl get pod web -o jsonpath='{.metadata.uid}'").stdout).not.toBe('old');
  });

  it('needs -f, and --grace-period only with --force', () => {
    const { run } = shellHarness({ 'pod.yaml': podYaml('nginx') });
    expect(run('kubectl replace').stderr).toBe('error: must specify one of -f and -k\n');
    expect(run('kubectl replace -f pod.yaml --grace-period=0').stderr).toBe('error: --grace-period must have --force specified\n');
  });

  it('prints the replaced object with -o, and --save-config stores it as the last-applied configuration', () => {
    const { run, cluster } = shellHarness({ 'pod.yaml': podYaml('nginx:1.26') });
    cluster.add({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });
    expect(run("kubectl replace -f pod.yaml -o jsonpath='{.spec.containers[0].image}'").stdout).toBe('nginx:1.26');
    expect(run('kubectl replace -f pod.yaml -o name --dry-run=server').stdout).toBe('pod/web\n');
    run('kubectl replace -f pod.yaml --save-config');
    const annotation = run("kubectl get pod web -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'").stdout;
    expect(JSON.parse(annotation)).toMatchObject({ kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ image: 'nginx:1.26' }] } });
    expect(run('kubectl replace -f pod.yaml -o wide').stderr).toMatch(/^error: unable to match a printer suitable for the output format "wide"/);
  });

  it('--raw PUTs the JSON file to the path as it is and prints the answer; the path names the object', () => {
    const { run, cluster } = shellHarness({ 'pod.json': JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } }) });
    cluster.add({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });
    const t = run('kubectl replace --raw /api/v1/namespaces/default/pods/web -f pod.json');
    expect(JSON.parse(t.stdout)).toMatchObject({ kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ image: 'nginx:1.27' }] } });
    expect(t.stdout.endsWith('}\n')).toBe(true);
    expect(run('kubectl replace --raw /api/v1/namespaces/kube-system/pods/web -f pod.json').stderr).toBe('Error from server (NotFound): pods "web" not found\n');
    expect(run('kubectl replace --raw /api/v1/namespaces/default/pods/web/log -f pod.json').stderr).toBe('Error from server (NotFound): the server could not find the requested resource\n');
    expect(run('kubectl replace --raw /api/v1/namespaces/default/pods/web -f pod.json -R').stderr).toBe('error: --raw and --recursive are mutually exclusive\n');
    expect(run('kubectl replace --raw /api/v1/namespaces/default/pods/web -f https://example.com/pod.json').stderr).toBe('error: --raw cannot read from a url\n');
  });

  it('--subresource=status writes only the status, refusing a stale resourceVersion', () => {
    const status = (rv: string) => JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', resourceVersion: rv }, spec: { containers: [{ name: 'c', image: 'other' }] }, status: { message: 'hello' } });
    const { run, cluster } = shellHarness({ 'fresh.json': status(''), 'stale.json': status('1') });
    cluster.add({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });
    expect(run('kubectl replace -f fresh.json --subresource=status').stdout).toBe('pod/web replaced\n');
    expect(run("kubectl get pod web -o jsonpath='{.status.message} {.spec.containers[0].image}'").stdout).toBe('hello nginx:1.25');
    expect(run('kubectl replace -f stale.json --subresource=status').stderr).toBe(
      'Error from server (Conflict): error when replacing "stale.json": Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again\n',
    );
  });
});
