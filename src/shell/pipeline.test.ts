import { beforeAll, describe, expect, it } from 'vitest';
import { preloadShellData } from './index';
import { clusterShell, WEB_DEPLOYMENT } from './testing/clusterShell';
import { shellHarness } from './testing/shellHarness';

beforeAll(preloadShellData);

describe('pipelines', () => {
  it("passes a command's standard output to the next command's standard input", () => {
    const { run } = clusterShell({ 'web.yaml': WEB_DEPLOYMENT });
    run('kubectl apply -f web.yaml', 30_000);
    const t = run('kubectl get pods -o name | wc -l');
    expect([t.stdout, t.exitCode]).toEqual(['2\n', 0]);
  });

  it('sends standard error to the terminal, not down the pipe', () => {
    const { run } = shellHarness();
    const t = run('kubectl get pod nothere | wc -l');
    expect(t.stdout).toBe('0\n');
    expect(t.stderr).toBe('Error from server (NotFound): pods "nothere" not found\n');
  });

  it('has the exit status of its last command', () => {
    const { run } = shellHarness();
    expect(run('kubectl get pod nothere | wc -l').exitCode).toBe(0);
    expect(run('echo web | grep db').exitCode).toBe(1);
    expect(run('echo web | nosuchtool').exitCode).toBe(127);
  });

  it('kubectl apply -f - reads the pipe: a dry-run manifest applied for real', () => {
    const { run } = clusterShell();
    const t = run('kubectl create deployment web --image=nginx --dry-run=client -o yaml | kubectl apply -f -');
    expect([t.stdout, t.stderr]).toEqual(['deployment.apps/web created\n', '']);
    expect(run('kubectl get deploy -o name').stdout).toBe('deployment.apps/web\n');
  });

  it('kubectl create -f - names standard input STDIN in its errors', () => {
    const { run } = shellHarness();
    const t = run('echo "kind: [" | kubectl create -f -');
    expect(t.stderr).toContain('STDIN');
    expect(t.exitCode).toBe(1);
  });

  it('kubectl apply -f - with nothing piped in says so instead of waiting for typed input', () => {
    const { run } = shellHarness();
    expect(run('kubectl apply -f -').stderr).toContain('not simulated: reading standard input from the terminal');
  });

  it('decodes a Secret value with jsonpath and base64 -d', () => {
    const { run } = clusterShell();
    run(`kubectl create secret generic db --from-literal=password='s3cr3t!'`);
    expect(run(`kubectl get secret db -o jsonpath='{.data.password}' | base64 -d`).stdout).toBe('s3cr3t!');
  });

  it('a waiting command streams into a filter; head ends it at its next write (SIGPIPE)', () => {
    const { run, cluster } = clusterShell({ 'web.yaml': WEB_DEPLOYMENT });
    run('kubectl apply -f web.yaml', 30_000);
    const t = run('kubectl get pods -w | head -n 1');
    expect(t.stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\n$/);
    expect(t.execution.done).toBe(false);
    run('kubectl scale deploy web --replicas=3');
    cluster.advance(1_000);
    expect(t.execution.poll()).toBe(true);
    expect(t.stdout.split('\n').length).toBe(2);
    expect(t.exitCode).toBe(0);
  });

  it('grep streams the lines of a watch as they come', () => {
    const { run, cluster } = clusterShell({ 'web.yaml': WEB_DEPLOYMENT });
    const t = run('kubectl get pods -w | grep web');
    expect(t.stdout).toBe('');
    run('kubectl apply -f web.yaml');
    cluster.advance(100);
    t.execution.poll();
    expect(t.stdout).toMatch(/^web-\S+ +0\/1 +Pending/);
    t.execution.cancel();
    expect([t.execution.done, t.exitCode]).toEqual([true, 130]);
  });

  it('waits for a slow first command, like sleep, before the pipeline ends', () => {
    const { run, cluster } = shellHarness();
    const t = run('sleep 5s | echo hi');
    expect(t.execution.done).toBe(false);
    expect(t.execution.deadline).toBe(cluster.now() + 5_000);
    cluster.advance(5_000);
    expect(t.execution.poll()).toBe(true);
    expect(t.stdout).toBe('hi\n');
  });

  it('a misplaced | is a syntax error (status 2), a quoted one is text', () => {
    const { run } = shellHarness();
    const t = run('kubectl get pods |');
    expect([t.stderr, t.exitCode]).toEqual(['syntax error: unexpected end of file\n', 2]);
    expect(run(`echo 'a|b' | cut -d'|' -f2`).stdout).toBe('b\n');
  });

  it('help lists the filters', () => {
    const { run } = shellHarness();
    const help = run('help').stdout;
    for (const name of ['grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'awk', 'base64', 'cat']) expect(help).toContain(`  ${name} `);
    expect(help).toContain('|');
    expect(help).toContain('  xargs ');
  });
});

describe('xargs', () => {
  it('runs a command with the words read from the pipe: bulk delete by name', () => {
    const { run } = clusterShell({ 'web.yaml': WEB_DEPLOYMENT });
    run('kubectl create configmap a --from-literal=k=v');
    run('kubectl create configmap b --from-literal=k=v');
    const t = run('kubectl get configmaps -o name | grep -v kube-root | xargs kubectl delete');
    expect([t.stdout, t.exitCode]).toEqual(['configmap "a" deleted\nconfigmap "b" deleted\n', 0]);
  });

  it('-n 1 runs once per word, -I once per line with the word in place', () => {
    const { run } = shellHarness({ 'names.txt': 'a b\nc\n' });
    expect(run('cat names.txt | xargs -n 1 echo x').stdout).toBe('x a\nx b\nx c\n');
    expect(run('cat names.txt | xargs -I {} echo [{}]').stdout).toBe('[a b]\n[c]\n');
    expect(run('cat names.txt | xargs').stdout).toBe('a b c\n');
  });

  it('exits 123 when a run fails and 127 when the command does not exist, as GNU xargs', () => {
    const { run } = shellHarness();
    const t = run('echo nothere | xargs kubectl get pod');
    expect(t.stderr).toBe('Error from server (NotFound): pods "nothere" not found\n');
    expect(t.exitCode).toBe(123);
    expect(run('echo a | xargs nosuch').exitCode).toBe(127);
  });

  it('waits for a waiting command it runs, one run after the other', () => {
    const { run, cluster } = shellHarness();
    const t = run('echo 2s 3s | xargs -n 1 sleep');
    expect(t.execution.done).toBe(false);
    cluster.advance(2_000);
    expect(t.execution.poll()).toBe(false);
    cluster.advance(3_000);
    expect(t.execution.poll()).toBe(true);
    expect(t.exitCode).toBe(0);
  });
});
