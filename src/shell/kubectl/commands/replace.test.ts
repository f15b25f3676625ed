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
    expect(run('kubectl replace').stderr).toBe("error: Must specify --filename to replace\nSee 'kubectl replace -h' for help and examples\n");
    expect(run('kubectl replace -f pod.yaml --grace-period=0').stderr).toBe('error: --grace-period must have --force specified\n');
  });
});
