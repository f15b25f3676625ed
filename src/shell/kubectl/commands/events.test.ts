import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../sim/k8s/index';
import { createShell } from '../../index';
import { lineRunner, memoryFiles } from '../../testing/shellHarness';

function harness() {
  const cluster = createCluster({ seed: 4 });
  const shell = createShell({ cluster, files: memoryFiles({}) });
  return { cluster, run: lineRunner(shell, cluster) };
}

describe('kubectl events', () => {
  it('lists the namespace’s events oldest first, a repeated one as "<last> (xN over <first>)", objects as Kind/name', () => {
    const { run, cluster } = harness();
    run('kubectl run crash --image=busybox -- sh -c "exit 1"');
    cluster.advance(60_000);
    const out = run('kubectl events --for pod/crash').stdout.split('\n');
    expect(out[0]).toMatch(/^LAST SEEN\s{2,}TYPE\s{3,}REASON\s{3,}OBJECT\s{3,}MESSAGE$/);
    expect(out[1]).toMatch(/^60s\s+Normal\s+Scheduled\s+Pod\/crash\s+Successfully assigned default\/crash to worker-\d$/);
    expect(out.find((l) => l.includes('BackOff'))).toMatch(/^\d+s \(x\d+ over \d+s\)\s+Warning\s+BackOff\s+Pod\/crash\s+Back-off restarting failed container crash in pod crash_default\(/);
    // Sorted by when last seen: the BackOff that keeps coming is last.
    expect(out.filter((l) => l !== '').at(-1)).toContain('BackOff');
  });

  it('filters by --types and --for, says when nothing is found, and refuses what kubectl refuses', () => {
    const { run } = harness();
    run('kubectl create deployment web --image=nginx --replicas=1');
    expect(run('kubectl events --types=Warning')).toMatchObject({ stdout: '', stderr: 'No events found in default namespace.\n', exitCode: 0 });
    expect(run('kubectl events -A --types=warning')).toMatchObject({ stderr: 'No events found.\n' });
    expect(run('kubectl events --for deploy/web --no-headers').stdout).toMatch(/^\S+\s+Normal\s+ScalingReplicaSet\s+Deployment\/web\s+Scaled up replica set web-\w+ from 0 to 1\n$/);
    expect(run('kubectl events --types=Error').stderr).toBe('error: valid --types are Normal or Warning\n');
    expect(run('kubectl events --for web').stderr).toBe('error: --for must be in resource/name form\n');
    expect(run('kubectl events --for pods/a/b').stderr).toBe('error: arguments in resource/name form may not have more than one slash\n');
    expect(run('kubectl events --for foo/bar').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(run('kubectl events -o wide').stderr).toMatch(/^error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,/);
  });

  it('-A adds the NAMESPACE column; -o yaml prints an EventList', () => {
    const { run } = harness();
    run('kubectl create deployment web --image=nginx --replicas=1');
    expect(run('kubectl events -A --for deploy/web').stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+LAST SEEN\s+TYPE/);
    const yaml = run('kubectl events --for deploy/web -o yaml').stdout;
    expect(yaml).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n/);
    expect(yaml).toMatch(/\nkind: EventList\nmetadata: \{\}\n$/);
  });

  it('--watch prints each new or updated event as it comes, each row aligned on its own', () => {
    const { run, cluster } = harness();
    const t = run('kubectl events --watch --for pod/crash');
    run('kubectl run crash --image=busybox -- sh -c "exit 1"');
    cluster.advance(30_000);
    t.execution.poll();
    const lines = t.stdout.split('\n').filter((l) => l !== '');
    expect(lines[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON/);
    expect(lines[1]).toMatch(/^0s\s+Normal\s+Scheduled\s+Pod\/crash/);
    // A row flushed alone: each cell is its own width plus 3 (at least 6).
    expect(lines[2]).toMatch(/^0s {4}Normal {3}Pulling {3}Pod\/crash {3}Pulling image "busybox"$/);
    expect(lines.some((l) => / \(x2 over \d+s\) +Warning +BackOff/.test(l))).toBe(true);
    t.execution.cancel();
  });
});
