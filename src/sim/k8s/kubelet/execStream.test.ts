import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';

const POD = `
apiVersion: v1
kind: Pod
metadata: {name: bb}
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: [sleep, '3600']
`;

/** A cluster with the pod `bb` running busybox. */
function running() {
  return world({ workers: 1 })
    .apply(POD)
    .until((w) => w.pods()[0]?.status?.phase === 'Running');
}

describe('kubectl exec runs its command over virtual time', () => {
  it('a sleep in the command takes the time it says, and output comes as it is written', () => {
    const w = running();
    const r = w.cluster.execInContainer('default', 'bb', undefined, ['sh', '-c', 'echo one; sleep 5; echo two']);
    if (!r.ok) throw new Error(r.message);
    const start = w.cluster.now();
    expect(r.stream.poll()).toEqual({ output: 'one\n', code: undefined });
    expect(r.stream.wakeAt).toBe(start + 5_000);
    w.cluster.advanceTo(start + 4_999);
    expect(r.stream.poll()).toEqual({ output: '', code: undefined });
    w.cluster.advanceTo(start + 5_000);
    expect(r.stream.poll()).toEqual({ output: 'two\n', code: 0 });
    expect(r.stream.wakeAt).toBeUndefined();
  });

  it("the command's clock is the cluster's: date two seconds apart", () => {
    const w = running();
    const out = w.exec('bb', undefined, ['sh', '-c', 'date; sleep 2; date']);
    if (!out.ok) throw new Error(out.message);
    const [a, b] = out.output.trim().split('\n').map((d) => Date.parse(d.replace(' UTC', 'Z')));
    expect(b - a).toBe(2_000);
  });

  it('a loop that never waits is paced (100 rounds a second) and Ctrl+C ends it with 130', () => {
    const w = running();
    const r = w.cluster.execInContainer('default', 'bb', undefined, ['sh', '-c', 'while true; do echo x; done']);
    if (!r.ok) throw new Error(r.message);
    const start = w.cluster.now();
    let lines = r.stream.poll().output.split('\n').length - 1;
    expect(lines).toBe(10);
    w.cluster.advanceTo(start + 1_000);
    lines += r.stream.poll().output.split('\n').length - 1;
    expect(lines).toBe(110);
    r.stream.cancel();
    expect(r.stream.poll()).toMatchObject({ code: 130 });
  });

  it('the command ends with 137 when its container stops under it', () => {
    const w = running();
    const r = w.cluster.execInContainer('default', 'bb', undefined, ['tail', '-f', '/etc/hosts']);
    if (!r.ok) throw new Error(r.message);
    expect(r.stream.poll().output).toContain('localhost');
    w.client.delete('pods', 'default', 'bb', { gracePeriodSeconds: 0 });
    w.advance('1s');
    expect(r.stream.poll()).toEqual({ output: '', code: 137, closed: true });
  });

  it('a line typed into an open shell runs over time too, and the shell keeps its state after it', () => {
    const w = running();
    const open = w.cluster.openShell('default', 'bb', undefined, ['sh']);
    if (!open.ok || !open.handle) throw new Error('no shell');
    const handle = open.handle;
    const line = (text: string) => {
      const r = w.cluster.runInShell(handle, text);
      if (!r.ok) throw new Error('closed');
      return r.stream;
    };
    const s = line('cd /etc; sleep 3; echo done');
    expect(s.poll()).toEqual({ output: '', code: undefined });
    w.advance('3s');
    expect(s.poll()).toEqual({ output: 'done\n', code: 0 });
    expect(handle.shell.cwd).toBe('/etc');
    const e = line('exit 4');
    expect(e.poll()).toMatchObject({ code: 4 });
    expect(handle.shell.exited).toBe(4);
  });

  it('what the command prints without a newline shows when it pauses, as on a terminal', () => {
    const w = running();
    const r = w.cluster.execInContainer('default', 'bb', undefined, ['sh', '-c', 'printf .; sleep 1; printf .; sleep 1; echo done']);
    if (!r.ok) throw new Error(r.message);
    expect(r.stream.poll().output).toBe('.');
    w.advance('1s');
    expect(r.stream.poll().output).toBe('.');
    w.advance('1s');
    expect(r.stream.poll()).toEqual({ output: 'done\n', code: 0 });
  });

  it("a container's log keeps a line written in pieces as pieces, each marked unfinished but the last", () => {
    const w = world({ workers: 1 }).apply(POD.replace("command: [sleep, '3600']", "command: [sh, -c, 'printf OK!; sleep 1; printf OK!; sleep 1; echo; sleep 3600']"));
    w.until((x) => x.pods()[0]?.status?.phase === 'Running').advance('3s');
    const r = w.cluster.containerLogs('default', 'bb');
    if (!r.ok) throw new Error(r.message);
    expect(r.lines.map((l) => [l.text, l.partial === true])).toEqual([
      ['OK!', true],
      ['OK!', true],
      ['', false],
    ]);
  });

  it('a pod whose command spins for ever lets the cluster move on: an hour of it passes', () => {
    const w = world({ workers: 1 }).apply(POD.replace("command: [sleep, '3600']", "command: [sh, -c, 'i=0; while true; do i=$((i+1)); done']"));
    w.advance('1h');
    expect(w.pods()[0].status?.phase).toBe('Running');
  });
});
