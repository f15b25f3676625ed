import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/k8s/index';
import { driveUntilDone } from '../session/drive';
import { createShell } from './index';
import { memoryFiles } from './testing/shellHarness';
import { tokenize } from './tokenize';
import type { Execution } from './types';

/** An interactive shell (the page's) over the real cluster: everything it prints, and a way to let time pass with its jobs polled. */
function terminal(interactive = true) {
  const cluster = createCluster({ seed: 1 });
  const shell = createShell({ cluster, files: memoryFiles({}), interactive });
  let out = '';
  const sink = { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t) };
  const jobs = () => (shell.jobs?.() ?? []).map((j) => j.execution);
  /** Lets `ms` of virtual time pass, polling the jobs each 100 ms, as the page's frames do. */
  const pass = (ms: number) => {
    const end = cluster.now() + ms;
    while (cluster.now() < end) {
      cluster.advanceTo(Math.min(end, cluster.now() + 100));
      for (const j of jobs()) j.poll();
    }
  };
  const run = (line: string): Execution => shell.run(line, sink);
  /** Runs a line to its end (time moves while it waits, the jobs polled). */
  const runToEnd = (line: string): Execution => {
    const exec = run(line);
    driveUntilDone(cluster, exec, (t) => (out += t), jobs());
    return exec;
  };
  return { cluster, shell, run, runToEnd, pass, jobs, output: () => out, clear: () => (out = '') };
}

describe('background jobs (COMMAND &)', () => {
  it('a final & marks the line a background job; one elsewhere is refused', () => {
    expect(tokenize('sleep 5 &').background).toBe(8);
    expect(tokenize('sleep 5&').stages).toEqual([['sleep', '5']]);
    expect(tokenize('sleep 5 & # wait').background).toBe(8);
    expect(tokenize("echo 'a & b'").background).toBeUndefined();
    expect(tokenize('sleep 5 & echo hi').error).toContain('end of a line only');
    expect(tokenize('& ls').error).toBe("syntax error near unexpected token `&'");
    expect(tokenize('ls; &').error).toBe("syntax error near unexpected token `&'");
  });

  it('announces the job, lets the prompt go on, and reports Done when it ends', () => {
    const t = terminal();
    const exec = t.run('sleep 2 &');
    expect(exec.done).toBe(true);
    expect(exec.exitCode).toBe(0);
    expect(t.output()).toBe('[1] 1001\n');
    expect(t.runToEnd('echo $!').exitCode).toBe(0);
    expect(t.output()).toBe('[1] 1001\n1001\n');
    t.pass(2500);
    expect(t.output()).toBe('[1] 1001\n1001\n[1]+  Done                    sleep 2\n');
    expect(t.jobs()).toEqual([]);
  });

  it('jobs lists the running jobs with bash marks; a job that fails at once is reported Exit N at once', () => {
    const t = terminal();
    t.run('sleep 30 &');
    t.run('kubectl rollout status deployment/nope --timeout=1s &');
    expect(t.output()).toContain('[2]+  Exit 1                  kubectl rollout status deployment/nope --timeout=1s\n');
    t.run('sleep 60 &');
    t.clear();
    t.runToEnd('jobs');
    expect(t.output()).toBe('[1]-  Running                 sleep 30 &\n[2]+  Running                 sleep 60 &\n');
    t.clear();
    t.runToEnd('jobs -p %1');
    expect(t.output()).toBe('1001\n');
  });

  it('kill %N ends the job, reported Terminated; kill -9 Killed; wait returns 128 plus the signal', () => {
    const t = terminal();
    t.run('kubectl get pods -w &');
    t.run('sleep 100 &');
    t.clear();
    t.runToEnd('jobs -l');
    expect(t.output()).toBe('[1]-  1001 Running                 kubectl get pods -w &\n[2]+  1003 Running                 sleep 100 &\n');
    t.clear();
    expect(t.runToEnd('kill %1').exitCode).toBe(0);
    expect(t.output()).toBe('[1]-  Terminated              kubectl get pods -w\n');
    t.clear();
    expect(t.runToEnd('kill -9 1003').exitCode).toBe(0);
    expect(t.output()).toBe('[2]+  Killed                  sleep 100\n');
    t.clear();
    expect(t.runToEnd('kill %4').exitCode).toBe(1);
    expect(t.runToEnd('kill 77').exitCode).toBe(1);
    expect(t.runToEnd('kill -FOO %1').exitCode).toBe(1);
    expect(t.runToEnd('kill').exitCode).toBe(2);
    expect(t.output()).toBe(
      [
        'bash: kill: %4: no such job',
        'bash: kill: (77) - No such process',
        'bash: kill: FOO: invalid signal specification',
        'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]',
        '',
      ].join('\n'),
    );
  });

  it('wait waits for the jobs as time passes; wait %N returns its status', () => {
    const t = terminal();
    t.run('sleep 3 &');
    t.run('sleep 1 && false &');
    const start = t.cluster.now();
    t.clear();
    const w = t.runToEnd('wait %2');
    expect(w.exitCode).toBe(1);
    expect(t.output()).toBe('[2]+  Exit 1                  sleep 1 && false\n');
    expect(t.runToEnd('wait').exitCode).toBe(0);
    expect(t.cluster.now() - start).toBeGreaterThanOrEqual(3000);
    expect(t.output()).toContain('[1]+  Done                    sleep 3\n');
    t.clear();
    expect(t.runToEnd('wait %1').exitCode).toBe(127);
    expect(t.output()).toBe('bash: wait: %1: no such job\n');
  });

  it('fg takes the job into the foreground: its command is printed, Ctrl+C stops it, and no Done is reported', () => {
    const t = terminal();
    t.run('kubectl get pods -w -A &');
    t.clear();
    const fg = t.run('fg');
    expect(t.output()).toBe('kubectl get pods -w -A\n');
    expect(fg.done).toBe(false);
    expect(t.jobs()).toEqual([]);
    fg.cancel();
    expect(fg.done).toBe(true);
    expect(t.output()).toBe('kubectl get pods -w -A\n');
    expect(t.runToEnd('fg').exitCode).toBe(1);
    expect(t.output()).toContain('bash: fg: current: no such job\n');
  });

  it('a background watch prints what later commands change, as in a terminal', () => {
    const t = terminal();
    t.run('kubectl get deploy -w &');
    t.runToEnd('kubectl create deployment web --image=nginx');
    t.pass(1000);
    // The watch's lines come as the Deployment's events do: during the create, before kubectl's own line.
    expect(t.output()).toMatch(/^\[1\] 1001\nNAME +READY +UP-TO-DATE +AVAILABLE +AGE\nweb +0\/1 +0 +0 +0s\n/);
    expect(t.output()).toMatch(/deployment\.apps\/web created\n(web .*\n)+$/);
  });

  it('a loop runs in the background; several commands with ; are refused', () => {
    const t = terminal();
    t.run('for i in 1 2; do echo tick $i; sleep 1; done &');
    t.pass(3000);
    expect(t.output()).toBe('[1] 1001\ntick 1\ntick 2\n[1]+  Done                    for i in 1 2; do echo tick $i; sleep 1; done\n');
    t.clear();
    expect(t.run('echo a; sleep 1 &').exitCode).toBe(2);
    expect(t.output()).toContain('only the last command of a line can run in the background');
  });

  it('a shell opened by a background job does not take the prompt', () => {
    const t = terminal();
    t.runToEnd('kubectl run web --image=nginx');
    t.runToEnd('kubectl wait --for=condition=Ready pod/web');
    t.run('kubectl exec -it web -- sh &');
    expect(t.shell.prompt?.()).toBeUndefined();
    t.clear();
    t.runToEnd('echo still the terminal');
    expect(t.output()).toBe('still the terminal\n');
  });

  it("a script's shell (the CLI) announces nothing", () => {
    const t = terminal(false);
    t.run('sleep 1 &');
    t.pass(2000);
    expect(t.output()).toBe('');
  });
});
