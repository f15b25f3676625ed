import { beforeAll, describe, expect, it } from 'vitest';
import { createShell, preloadShellData } from './index';
import { clusterShell } from './testing/clusterShell';
import { shellHarness } from './testing/shellHarness';

beforeAll(preloadShellData);

const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  greeting: hello\n';

describe('redirections', () => {
  it('kubectl apply -f - reads a here-document, as the Kubernetes docs write it', () => {
    const { run } = clusterShell();
    const t = run(`kubectl apply -f - <<EOF\n${CONFIGMAP}EOF`);
    expect([t.stdout, t.stderr, t.exitCode]).toEqual(['configmap/demo created\n', '', 0]);
    expect(run('kubectl get configmap demo -o jsonpath={.data.greeting}').stdout).toBe('hello');
  });

  it('cat <<EOF | kubectl apply -f - pipes the here-document', () => {
    const { run } = clusterShell();
    expect(run(`cat <<EOF | kubectl apply -f -\n${CONFIGMAP}EOF`).stdout).toBe('configmap/demo created\n');
  });

  it('expands variables and command substitutions in the body unless the delimiter is quoted', () => {
    const { run } = shellHarness();
    run('NAME=web');
    expect(run('cat <<EOF\nname: $NAME\nsum: $(echo one)\ncost: \\$5\nEOF').stdout).toBe('name: web\nsum: one\ncost: $5\n');
    expect(run("cat <<'EOF'\nname: $NAME\nEOF").stdout).toBe('name: $NAME\n');
  });

  it('<<- strips the leading tabs of the body and of the delimiter line', () => {
    const { run } = shellHarness();
    expect(run('cat <<-EOF\n\tindented\n\tEOF').stdout).toBe('indented\n');
  });

  it('a here-string is the word and a line break', () => {
    const { run } = shellHarness();
    run('POD=web-1');
    expect(run('grep -c web <<< "$POD"').stdout).toBe('1\n');
  });

  it('< reads an editor file as standard input', () => {
    const { run } = clusterShell({ 'cm.yaml': CONFIGMAP });
    expect(run('kubectl apply -f - < cm.yaml').stdout).toBe('configmap/demo created\n');
    const missing = run('kubectl apply -f - < nope.yaml');
    expect([missing.stderr, missing.exitCode]).toEqual(['nope.yaml: No such file or directory\n', 1]);
  });

  it('>/dev/null and 2>/dev/null silence a stream; the status stays', () => {
    const { run } = shellHarness();
    const quiet = run('kubectl get pod nothere 2>/dev/null');
    expect([quiet.stdout, quiet.stderr, quiet.exitCode]).toEqual(['', '', 1]);
    expect(run('echo hidden >/dev/null').stdout).toBe('');
    expect(run('kubectl get pod nothere &>/dev/null || echo gone').stdout).toBe('gone\n');
  });

  it('2>&1 sends errors down the pipe; the order of redirections matters as in bash', () => {
    const { run } = shellHarness();
    expect(run('kubectl get pod nothere 2>&1 | wc -l').stdout).toBe('1\n');
    // Both silenced: 2 goes where 1 goes after 1 went to /dev/null.
    expect(run('kubectl get pod nothere >/dev/null 2>&1').stderr).toBe('');
    // Only the output silenced: 2 took the terminal before 1 moved.
    expect(run('kubectl get pod nothere 2>&1 >/dev/null').stdout).toBe('Error from server (NotFound): pods "nothere" not found\n');
    expect(run('echo to-stderr >&2').stderr).toBe('to-stderr\n');
  });

  it('> writes a file that later commands read; >> appends; the file is emptied before the command runs', () => {
    const files: Record<string, string> = {};
    const { run } = clusterShell(files);
    expect(run('kubectl create deployment web --image=nginx --dry-run=client -o yaml > web.yaml').stdout).toBe('');
    expect(files['web.yaml']).toContain('kind: Deployment');
    expect(run('kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web created\n');
    run('echo one > notes.txt');
    run('echo two >> notes.txt');
    expect(files['notes.txt']).toBe('one\ntwo\n');
    // As in bash, `>` empties the file before the command runs: it reads nothing back.
    run('kubectl get pod nothere > notes.txt');
    expect(files['notes.txt']).toBe('');
    expect(run('kubectl get pod nothere > err.txt 2>&1').stderr).toBe('');
    expect(files['err.txt']).toBe('Error from server (NotFound): pods "nothere" not found\n');
  });

  it('writing needs a host that keeps files, and says so', () => {
    const { cluster } = shellHarness();
    const shell = createShell({ cluster, files: { read: () => undefined } });
    let err = '';
    const exec = shell.run('kubectl get pods > pods.txt', { stdout: () => {}, stderr: (t) => (err += t) });
    expect([err, exec.exitCode]).toEqual(['pods.txt: writing files is not simulated here\n', 1]);
  });

  it('runs a here-document the text ends, with bash\'s warning', () => {
    const { run } = shellHarness();
    const t = run('cat <<EOF\npartial');
    expect(t.stdout).toBe('partial\n');
    expect(t.stderr).toBe("warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n");
  });

  it('runs the commands of several lines one after the other', () => {
    const { run } = shellHarness();
    expect(run('echo one\necho two').stdout).toBe('one\ntwo\n');
  });
});
