import { beforeAll, describe, expect, it } from 'vitest';
import { preloadShellData } from './index';
import { clusterShell } from './testing/clusterShell';

beforeAll(preloadShellData);

/** A cluster with nginx `web` and busybox `bb` running. */
function running() {
  const t = clusterShell();
  t.run('kubectl run web --image=nginx');
  t.run('kubectl run bb --image=busybox -- sleep 3600');
  t.run('sleep 10s', 11_000);
  return t;
}

describe('kubectl exec -it: an interactive shell in the container', () => {
  it('sends the next lines to the container shell, which keeps its variables and directory, until exit', () => {
    const { run, shell } = running();
    expect(run('kubectl exec -it bb -- sh').exitCode).toBe(0);
    expect(shell.prompt?.()).toBe('/ # ');
    run('cd /tmp');
    expect(shell.prompt?.()).toBe('/tmp # ');
    run('GREETING=hi');
    expect(run('echo $GREETING from $(pwd)').stdout).toBe('hi from /tmp\n');
    // A TTY carries both streams: the error arrives with the output.
    expect(run('kubectl get pods').stdout).toBe('sh: kubectl: not found\n');
    const exit = run('exit 3');
    expect([exit.stderr, exit.exitCode]).toEqual(['command terminated with exit code 3\n', 3]);
    expect(shell.prompt?.()).toBeUndefined();
    expect(run('echo $?').stdout).toBe('3\n');
  });

  it("shows bash's prompt for bash and a plain # for Debian's sh", () => {
    const { run, shell } = running();
    run('kubectl exec -it web -- bash');
    expect(shell.prompt?.()).toBe('root@web:/# ');
    run('cd /usr/share/nginx/html');
    expect(shell.prompt?.()).toBe('root@web:/usr/share/nginx/html# ');
    run('exit');
    run('kubectl exec -ti web -- sh');
    expect(shell.prompt?.()).toBe('# ');
  });

  it('a page written from the shell is what nginx serves', () => {
    const { run } = running();
    run('kubectl exec -it web -- bash');
    run('echo "<h1>edited</h1>" > /usr/share/nginx/html/index.html');
    expect(run('curl -s localhost').stdout).toBe('<h1>edited</h1>\n');
  });

  it('runs the commands a button issues on the terminal\'s own shell', () => {
    const { run, shell } = running();
    run('kubectl exec -it bb -- sh');
    let out = '';
    shell.run('kubectl get pod web -o name', { stdout: (t) => (out += t), stderr: () => {} }, { source: 'ui' });
    expect(out).toBe('pod/web\n');
    expect(shell.prompt?.()).toBe('/ # ');
  });

  it('opens no session for a button\'s kubectl exec -it (nobody types into it)', () => {
    const { shell } = running();
    shell.run('kubectl exec -it bb -- sh', { stdout: () => {}, stderr: () => {} }, { source: 'ui' });
    expect(shell.prompt?.()).toBeUndefined();
  });

  it('ends when the container stops: the next line is the terminal\'s, after kubectl\'s status', () => {
    const { run, shell } = running();
    run('kubectl exec -it bb -- sh');
    shell.run('kubectl delete pod bb --grace-period=0 --force', { stdout: () => {}, stderr: () => {} }, { source: 'ui' });
    const t = run('kubectl get pod web -o name');
    expect(t.stderr).toBe('command terminated with exit code 137\n');
    expect(t.stdout).toBe('pod/web\n');
    expect(shell.prompt?.()).toBeUndefined();
  });

  it('says why not when the image has no such shell', () => {
    const { run, shell } = running();
    const t = run('kubectl exec -it bb -- bash');
    expect(t.stdout).toContain('executable file not found in $PATH');
    expect([t.stderr, t.exitCode]).toEqual(['command terminated with exit code 126\n', 126]);
    expect(shell.prompt?.()).toBeUndefined();
  });
});
