import { describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';

function withPod() {
  const h = shellHarness();
  h.cluster.add({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'default', labels: { app: 'web' }, annotations: { owner: 'ana' } }, spec: {} });
  return h;
}

describe('kubectl label and annotate', () => {
  it('adds, refuses to overwrite without --overwrite, and removes', () => {
    const { run, cluster } = withPod();
    expect(run('kubectl label pod x env=prod').stdout).toBe('pod/x labeled\n');
    expect(run('kubectl label pod x app=db').stderr).toBe("error: 'app' already has a value (web), and --overwrite is false\n");
    expect(run('kubectl label pod x app=db --overwrite').stdout).toBe('pod/x labeled\n');
    expect(run('kubectl label pod x env-').stdout).toBe('pod/x unlabeled\n');
    expect(run('kubectl label pod x app=db').stdout).toBe('pod/x not labeled\n');
    expect(cluster.client().get('pods', 'default', 'x')!.metadata.labels).toEqual({ app: 'db' });
  });

  it('checks its arguments like kubectl', () => {
    const { run } = withPod();
    expect(run('kubectl label pod x').stderr).toBe('error: at least one label update is required\n');
    expect(run('kubectl label a=b').stderr).toBe('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
    expect(run('kubectl label pod x a=b c').stderr).toBe('error: all resources must be specified before label changes: c\n');
    expect(run('kubectl label pod x a=b a-').stderr).toBe('error: can not both modify and remove a label in the same command\n');
    expect(run('kubectl label pod nope a=b').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('annotates with the overwrite rule and removal', () => {
    const { run, cluster } = withPod();
    expect(run('kubectl annotate pod x note=hi').stdout).toBe('pod/x annotated\n');
    expect(run('kubectl annotate pod x owner=bo').stderr).toBe("error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (ana)\n");
    expect(run('kubectl annotate pod x owner=bo --overwrite').stdout).toBe('pod/x annotated\n');
    expect(run('kubectl annotate pod x note-').stdout).toBe('pod/x annotated\n');
    expect(cluster.client().get('pods', 'default', 'x')!.metadata.annotations).toEqual({ owner: 'bo' });
  });
});
