import { beforeAll, describe, expect, it } from 'vitest';
import { driveUntilDone } from '../session/drive';
import { MAX_ROUNDS_WITHOUT_WAITING } from './compoundRun';
import { preloadShellData } from './index';
import { clusterShell } from './testing/clusterShell';
import { shellHarness } from './testing/shellHarness';

beforeAll(preloadShellData);

describe('loops and conditions at the prompt', () => {
  it('runs a for loop once per word, the variable set for each round, and keeps the last value', () => {
    const { run } = shellHarness();
    expect(run('for i in 1 2 3; do echo "round $i"; done').stdout).toBe('round 1\nround 2\nround 3\n');
    expect(run('echo $i').stdout).toBe('3\n');
    expect(run('for w in $(echo a b) "c d"; do echo "[$w]"; done').stdout).toBe('[a]\n[b]\n[c d]\n');
    expect(run('for i in; do echo never; done; echo $?').stdout).toBe('0\n');
  });

  it('loops over the cluster\'s objects: kubectl in the body sees the variable', () => {
    const { run } = clusterShell();
    run('kubectl create deployment web --image=nginx --replicas=3', 30_000);
    const t = run('for p in $(kubectl get pods -l app=web -o name); do kubectl label $p checked=yes; done');
    expect(t.stdout.trim().split('\n')).toHaveLength(3);
    expect(t.stdout).toMatch(/^pod\/web-[a-z0-9]+-[a-z0-9]{5} labeled\n/);
    expect(run('kubectl get pods -l checked=yes -o name').stdout.trim().split('\n')).toHaveLength(3);
  });

  it('runs while and until as long as their condition holds, and their status is the last round\'s', () => {
    const { run } = shellHarness();
    expect(run('n=0; while [ $n -lt 3 ]; do echo $n; n=$((n+1)); done').stdout).toBe('0\n1\n2\n');
    expect(run('until [ $n -eq 0 ]; do n=$((n-1)); false; done; echo $? $n').stdout).toBe('1 0\n');
    expect(run('while false; do echo never; done; echo $?').stdout).toBe('0\n');
  });

  it('runs the first branch of an if whose condition succeeds, else its else; ! inverts a status', () => {
    const { run } = shellHarness();
    expect(run('if [ a = b ]; then echo one; elif [ a = a ]; then echo two; else echo three; fi').stdout).toBe('two\n');
    expect(run('if false; then echo one; fi; echo $?').stdout).toBe('0\n');
    expect(run('if ! false; then echo negated; fi').stdout).toBe('negated\n');
    expect(run('! true; echo $?').stdout).toBe('1\n');
  });

  it('break and continue leave the loop (or N loops) they are in; outside a loop they only say so', () => {
    const { run } = shellHarness();
    expect(run('for i in 1 2 3 4; do if [ $i = 3 ]; then break; fi; echo $i; done').stdout).toBe('1\n2\n');
    expect(run('for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done').stdout).toBe('1\n3\n');
    expect(run('for a in 1 2; do for b in x y; do echo $a$b; break 2; done; done').stdout).toBe('1x\n');
    expect(run('for a in 1 2; do for b in x y; do continue 2; echo no; done; echo no; done; echo $a$b').stdout).toBe('2x\n');
    const outside = run('break');
    expect([outside.stderr, outside.exitCode]).toEqual(["break: only meaningful in a `for', `while', or `until' loop\n", 0]);
  });

  it('lets virtual time pass in a loop that sleeps, so it runs round by round as the cluster moves', () => {
    const { shell, cluster } = clusterShell();
    let out = '';
    const start = cluster.now();
    const exec = shell.run('for i in 1 2 3; do echo "tick $i"; sleep 10; done', { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect([exec.done, out]).toEqual([false, 'tick 1\n']);
    // No timeout of its own: only the sleep inside wakes it.
    expect(exec.deadline).toBeUndefined();
    expect(exec.wakeAt).toBe(start + 10_000);
    driveUntilDone(cluster, exec, (t) => (out += t));
    expect([exec.exitCode, out, cluster.now() - start]).toEqual([0, 'tick 1\ntick 2\ntick 3\n', 30_000]);
  });

  it('waits on kubectl inside a loop: until … rollout status … retries until the Deployment is out', () => {
    const { run } = clusterShell();
    run('kubectl create deployment web --image=nginx --replicas=2');
    const t = run('until kubectl rollout status deployment/web --timeout=1s >/dev/null 2>&1; do echo waiting; sleep 1; done; echo ready', 120_000);
    expect(t.exitCode).toBe(0);
    expect(t.stdout).toMatch(/^(waiting\n)+ready\n$/);
  });

  it('Ctrl+C stops a while true loop for good (status 130)', () => {
    const { shell, cluster } = clusterShell();
    let out = '';
    const exec = shell.run('while true; do kubectl get nodes --no-headers | wc -l; sleep 2; done', { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    for (let k = 0; k < 50; k++) {
      cluster.advanceTo(cluster.now() + 100);
      exec.poll();
    }
    // Rounds at 0, 2 and 4 s.
    expect(out).toBe('4\n4\n4\n');
    exec.cancel();
    cluster.advanceTo(cluster.now() + 5000);
    expect([exec.done, exec.exitCode, exec.poll(), out]).toEqual([true, 130, true, '4\n4\n4\n']);
  });

  it('stops a loop that never waits, with a message, instead of hanging the page: one whose commands move the clock too', () => {
    const { run } = shellHarness();
    const t = run('while true; do echo hi; done');
    expect(t.stdout).toBe('hi\n'.repeat(MAX_ROUNDS_WITHOUT_WAITING));
    expect([t.stderr, t.exitCode]).toEqual([`kubeplay: stopped the loop after ${MAX_ROUNDS_WITHOUT_WAITING} rounds that never waited: a loop that never lets the page go on would hang it (put a sleep in it)\n`, 1]);
    // Its clock moves each round, yet the loop never hands the page back: stopped all the same.
    const { run: runOnCluster, cluster } = clusterShell();
    const start = cluster.now();
    expect(runOnCluster('while true; do kubeplay clock step 1s; done').exitCode).toBe(1);
    expect(cluster.now() - start).toBe(MAX_ROUNDS_WITHOUT_WAITING * 1000);
    // Nested loops share the budget: 200 × 200 rounds is too many.
    const nested = run('for a in $(seq 1 200); do for b in $(seq 1 200); do :; done; done');
    expect([nested.stderr.split('\n').filter((l) => l.startsWith('kubeplay: stopped the loop')).length, nested.exitCode]).toEqual([1, 1]);
    expect(run('for a in $(seq 1 50); do for b in $(seq 1 50); do :; done; done').exitCode).toBe(0);
  });

  it('pipes or redirects a whole loop: its output streams into the pipe, and a reader that has had enough ends it', () => {
    const { run } = shellHarness();
    expect(run('for i in 3 1 2; do echo $i; done | sort').stdout).toBe('1\n2\n3\n');
    expect(run('for i in a b; do echo $i; echo oops >&2; done 2>/dev/null | wc -l').stdout).toBe('2\n');
    const head = run('while true; do echo y; done | head -2');
    expect([head.stdout, head.stderr, head.exitCode]).toEqual(['y\ny\n', '', 0]);
    // A piped loop runs in a subshell: break 2 leaves only its own loops.
    expect(run('for a in 1 2; do for b in 1 2; do echo $a$b; break 2; done; done | cat; echo after').stdout).toBe('11\nafter\n');
  });

  it('feeds a loop from a pipe: read takes a line a round, split into its names, and the loop ends with the input', () => {
    const { run } = clusterShell();
    run('kubectl create deployment web --image=nginx --replicas=2');
    run('sleep 30', 30_000);
    expect(run('kubectl get pods -o name | while read p; do echo "found $p"; done').stdout).toMatch(/^found pod\/web-[a-z0-9]+-[a-z0-9]{5}\nfound pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(run('kubectl get pods --no-headers | while read name ready status rest; do echo "$status $ready"; done').stdout).toBe('Running 1/1\nRunning 1/1\n');
    // A last line without its line break: read sets it but fails, so the body does not run for it (as in bash).
    expect(run('echo -n "a b" | while read x; do echo "[$x]"; done; echo "$? [$x]"').stdout).toBe('0 [a b]\n');
  });

  it('reads a watch line by line as it comes, and stops the watch when the loop ends', () => {
    const { shell, cluster, run } = clusterShell();
    run('kubectl create deployment web --image=nginx');
    let out = '';
    const exec = shell.run('kubectl get pods -w --no-headers | while read name rest; do echo "seen $name"; done', { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect(exec.done).toBe(false);
    expect(out).toMatch(/^seen web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    // Each change the watch prints reaches the loop as it happens.
    run('kubectl scale deployment web --replicas=2');
    cluster.advanceTo(cluster.now() + 100);
    exec.poll();
    expect(out.split('\n').length).toBeGreaterThan(2);
    exec.cancel();
    expect([exec.done, exec.exitCode]).toEqual([true, 130]);
    // The loop ends (break): the watch feeding it stops too.
    const t = run('kubectl get pods -w | while read line; do echo "first: $line" | cut -c1-11; break; done; echo $?');
    expect([t.stdout, t.execution.done]).toEqual(['first: NAME\n0\n', true]);
  });

  it('writes a whole loop\'s output to a file of the editor', () => {
    const files: Record<string, string> = {};
    const { run } = shellHarness(files);
    expect(run('for n in 1 2; do echo "line $n"; done > lines.txt').stdout).toBe('');
    expect(run('cat lines.txt').stdout).toBe('line 1\nline 2\n');
  });

  it('a loop is a command of a list, and runs inside a command substitution', () => {
    const { run } = shellHarness();
    expect(run('echo start && for i in a b; do echo $i; done && echo end').stdout).toBe('start\na\nb\nend\n');
    expect(run('X=$(for i in 1 2 3; do echo -n $i; done); echo "[$X]"').stdout).toBe('[123]\n');
  });
});
