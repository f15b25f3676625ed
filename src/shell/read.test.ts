import { describe, expect, it } from 'vitest';
import { shellHarness } from './testing/shellHarness';

describe('read', () => {
  it('splits a line into its names as bash does: blanks trimmed, the last name takes the rest, REPLY without names', () => {
    const { run } = shellHarness();
    run('read a b <<< "  one two   three four  "');
    expect(run('echo "[$a][$b]"').stdout).toBe('[one][two   three four]\n');
    run('read <<< "  kept as is "');
    expect(run('echo "[$REPLY]"').stdout).toBe('[  kept as is ]\n');
    run('read a b c <<< "x"');
    expect(run('echo "[$a][$b][$c]"').stdout).toBe('[x][][]\n');
  });

  it('removes backslashes unless -r', () => {
    const { run } = shellHarness();
    run(String.raw`read x <<< 'a\tb\\c'`);
    expect(run('echo "$x"').stdout).toBe(String.raw`atb\c` + '\n');
    run(String.raw`read -r x <<< 'a\tb'`);
    expect(run('echo "$x"').stdout).toBe(String.raw`a\tb` + '\n');
  });

  it('fails (status 1) at the end of its input, and in a pipeline sets nothing: a subshell to bash', () => {
    const { run } = shellHarness();
    expect(run('read x < /dev/null').exitCode).toBe(1);
    expect(run('echo hi | read x; echo "[$x] $?"').stdout).toBe('[] 0\n');
  });

  it('says what it cannot do: read what is typed, an option it does not have, a bad name', () => {
    const { run } = shellHarness();
    expect(run('read x').stderr).toMatch(/^read: reading what is typed at the prompt is not simulated: give it input \(kubectl get pods -o name \| while read p; do …; done, or read X <<< "text"\)\n$/);
    expect([run('read -t 5 x <<< a').stderr, run('read -t 5 x <<< a').exitCode]).toEqual(['read: -t: not simulated (read takes -r, -p PROMPT and names)\n', 2]);
    expect(run('read 1x <<< a').stderr).toBe("read: `1x': not a valid identifier\n");
  });
});
