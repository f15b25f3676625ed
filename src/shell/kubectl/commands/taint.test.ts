import { describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';

const taintsOf = (h: ReturnType<typeof shellHarness>, node: string) => ((h.cluster.client().get('nodes', undefined, node)!.spec as { taints?: { key: string; value?: string; effect: string }[] }).taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);

describe('kubectl taint', () => {
  it('adds, refuses to overwrite without --overwrite, modifies, and removes by key and effect or by key', () => {
    const h = shellHarness();
    expect(h.run('kubectl taint nodes worker-1 dedicated=web:NoSchedule').stdout).toBe('node/worker-1 tainted\n');
    expect(h.run('kubectl taint nodes worker-1 dedicated=db:NoSchedule').stderr).toBe('error: node worker-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n');
    expect(h.run('kubectl taint nodes worker-1 dedicated=db:NoSchedule --overwrite').stdout).toBe('node/worker-1 modified\n');
    expect(h.run('kubectl taint node worker-1 gpu:NoExecute').stdout).toBe('node/worker-1 tainted\n');
    // New taints go first, as kubectl's reorganizeTaints puts them.
    expect(taintsOf(h, 'worker-1')).toEqual(['gpu:NoExecute', 'dedicated=db:NoSchedule']);
    expect(h.run('kubectl taint nodes worker-1 dedicated:NoSchedule-').stdout).toBe('node/worker-1 untainted\n');
    expect(h.run('kubectl taint nodes worker-1 gpu-').stdout).toBe('node/worker-1 untainted\n');
    expect(taintsOf(h, 'worker-1')).toEqual([]);
    expect(h.run('kubectl taint nodes worker-1 gpu-').stderr).toBe('error: taint "gpu" not found\n');
  });

  it('reports bad specs and arguments with kubectl’s messages', () => {
    const h = shellHarness();
    expect(h.run('kubectl taint nodes worker-1 a=b:Sometimes').stderr).toBe("error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n");
    // Without an effect `a=b` is read as a key (parseTaint's one-part form), which is not a qualified name.
    expect(h.run('kubectl taint nodes worker-1 a=b').stderr).toMatch(/^error: invalid taint spec: a=b, name part must consist of alphanumeric characters/);
    expect(h.run('kubectl taint nodes worker-1 a').stderr).toBe('error: at least one taint update is required\n');
    expect(h.run('kubectl taint nodes worker-1 a:NoSchedule b:NoSchedule a:NoSchedule').stderr).toBe("error: duplicated taints with the same key and effect: {a  NoSchedule <nil>}\nSee 'kubectl taint -h' for help and examples\n");
    expect(h.run('kubectl taint nodes worker-1 a=b:NoSchedule worker-2').stderr).toBe('error: all resources must be specified before taint changes: worker-2\n');
    expect(h.run('kubectl taint nodes worker-1').stderr).toBe('error: at least one taint update is required\n');
    expect(h.run('kubectl taint pods p a=b:NoSchedule').stderr).toBe('error: invalid resource type pods, only node types are supported\n');
    expect(h.run('kubectl taint nodes a=b:NoSchedule').stderr).toBe("error: at least one resource name must be specified since 'all' parameter is not set\n");
    expect(h.run('kubectl taint nodes worker-1 a=b:NoSchedule a:NoSchedule-').stderr).toBe('error: can not both modify and remove the following taint(s) in the same command: {"a":"NoSchedule"}\n');
    expect(h.run('kubectl taint nodes nope a=b:NoSchedule').stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });
});
