import { describe, expect, it } from 'vitest';
import { shellHarness } from '../testing/shellHarness';
import { CLEAR_SCREEN } from './index';

describe('builtins', () => {
  it('sleep finishes when virtual time has passed', () => {
    const { run, cluster } = shellHarness();
    const t = run('sleep 90s');
    expect(t.execution.done).toBe(false);
    expect(t.execution.deadline).toBe(cluster.now() + 90_000);
    cluster.advance(89_000);
    expect(t.execution.poll()).toBe(false);
    cluster.advance(1_000);
    expect(t.execution.poll()).toBe(true);
    expect(run('sleep 2m').execution.deadline).toBe(cluster.now() + 120_000);
  });

  it('sleep rejects what GNU sleep rejects', () => {
    const { run } = shellHarness();
    expect(run('sleep').stderr).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    expect(run('sleep soon').stderr).toBe("sleep: invalid time interval 'soon'\nTry 'sleep --help' for more information.\n");
  });

  it('echo, clear, help and unknown commands', () => {
    const { run } = shellHarness();
    expect(run('echo "hello  world" again').stdout).toBe('hello  world again\n');
    expect(run('clear').stdout).toBe(CLEAR_SCREEN);
    expect(run('help').stdout).toContain('sleep DURATION');
    const t = run('tree');
    expect(t.stderr).toBe('tree: command not found\n');
    expect(t.exitCode).toBe(127);
  });

  it('kubeplay lists its commands and is honest about what is not simulated', () => {
    const { run } = shellHarness();
    expect(run('kubeplay help').stdout).toContain('kubeplay node stop NAME');
    const t = run('kubeplay node stop worker-1');
    expect(t.exitCode).toBe(1);
    expect(t.stderr).toContain('not simulated');
  });
});
