import { beforeAll, describe, expect, it } from 'vitest';
import { preloadShellData } from './index';
import { clusterShell } from './testing/clusterShell';
import { shellHarness } from './testing/shellHarness';
import { highlightChanges, WATCH_SCREEN, watchTitle } from './watch';

beforeAll(preloadShellData);

describe('watch', () => {
  it('runs its command every interval of virtual time, each time a cleared screen with its title, until Ctrl+C', () => {
    const { shell, cluster, run } = clusterShell();
    run('kubectl create deployment web --image=nginx');
    let out = '';
    const start = cluster.now();
    const exec = shell.run('watch -n 5 kubectl get deploy --no-headers', { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect([exec.done, exec.deadline, exec.wakeAt]).toEqual([false, undefined, start + 5000]);
    for (let t = 0; t < 120; t++) {
      cluster.advanceTo(cluster.now() + 100);
      exec.poll();
    }
    expect(out.startsWith(WATCH_SCREEN.enter)).toBe(true);
    const screens = out.split(WATCH_SCREEN.redraw).slice(1);
    // Rounds at 0, 5 and 10 s.
    expect(screens).toHaveLength(3);
    expect(screens[0]).toMatch(new RegExp(`^${watchTitle(5, 'kubectl get deploy --no-headers', start)}\n\nweb +0/1 .* 0s\n$`));
    expect(screens[2]).toMatch(/^Every 5\.0s: kubectl get deploy --no-headers +kubeplay: Sat Mar {2}1 09:00:10 2025\n\nweb +1\/1 .* 10s\n$/);
    exec.cancel();
    // The screen from before watch comes back.
    expect([exec.done, exec.exitCode, out.endsWith(WATCH_SCREEN.leave)]).toEqual([true, 130, true]);
  });

  it('pads its title to 80 columns, and cuts a long command', () => {
    expect(watchTitle(2, 'kubectl get pods', Date.UTC(2025, 2, 1, 9, 0, 0))).toBe(`Every 2.0s: kubectl get pods${' '.repeat(18)}kubeplay: Sat Mar  1 09:00:00 2025`);
    expect(watchTitle(2, 'kubectl get pods -o wide --all-namespaces --show-labels', Date.UTC(2025, 2, 1))).toBe('Every 2.0s: kubectl get pods -o wide --all... kubeplay: Sat Mar  1 00:00:00 2025');
  });

  it('runs a pipeline given as one word, leaves out the title with -t, and ends when the output changes with -g', () => {
    const { shell, cluster, run } = clusterShell();
    run('kubectl create deployment web --image=nginx --replicas=2');
    let out = '';
    const exec = shell.run(`watch -t -g -n 1 'kubectl get pods --no-headers | grep -c Running'`, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    for (let t = 0; t < 300 && !exec.done; t++) {
      cluster.advanceTo(cluster.now() + 100);
      exec.poll();
    }
    expect(exec.exitCode).toBe(0);
    const screens = out.split(WATCH_SCREEN.redraw).slice(1);
    expect(screens[0]).toBe('0\n');
    expect(['1\n', '2\n'].map((n) => `${n}${WATCH_SCREEN.leave}`)).toContain(screens.at(-1));
  });

  it('with -d shows in reverse video the characters that changed since the last round, and with -d=permanent those that ever did', () => {
    expect(highlightChanges('web   0/1\nx', 'web   1/1\nx')).toBe('web   \x1b[7m1\x1b[27m/1\nx');
    // A longer line's new characters are changes; what a shorter one no longer covers is cleared, not marked.
    expect(highlightChanges('ab', 'abcd\n')).toBe('ab\x1b[7mcd\x1b[27m\n');
    expect(highlightChanges('abcd', 'ab')).toBe('ab');
    const ever = new Set<string>();
    expect(highlightChanges('0s', '1s', ever)).toBe('\x1b[7m1\x1b[27ms');
    expect(highlightChanges('1s', '1s', ever)).toBe('\x1b[7m1\x1b[27ms');
    expect(highlightChanges('1s', '1s')).toBe('1s');

    const { shell, cluster, run } = clusterShell();
    run('kubectl create deployment web --image=nginx');
    let out = '';
    const exec = shell.run('watch -d -t -n 1 kubectl get deploy --no-headers', { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    for (let t = 0; t < 60; t++) {
      cluster.advanceTo(cluster.now() + 100);
      exec.poll();
    }
    exec.cancel();
    const screens = out.split(WATCH_SCREEN.redraw).slice(1);
    // The first screen has nothing to compare with; later ones mark the age that ticked.
    expect(screens[0]).not.toContain('\x1b[7m');
    expect(screens.slice(1).every((s) => s.includes('\x1b[7m'))).toBe(true);
    expect(run('watch -d=permanent -n 1 true').stderr).toBe('');
  });

  it('says its usage without a command, and refuses what procps watch refuses', () => {
    const { run } = shellHarness();
    expect(run('watch').stderr).toMatch(/^Usage:\n watch \[options\] command\n/);
    expect(run('watch -z ls').stderr).toMatch(/^watch: invalid option -- 'z'\n/);
    expect(run('watch -n abc ls').stderr).toBe("watch: failed to parse argument: 'abc'\n");
  });
});
