import { describe, expect, it } from 'vitest';
import { shellHarness } from '../testing/shellHarness';

const status = (run: ReturnType<typeof shellHarness>['run'], line: string) => {
  const t = run(line);
  return t.stderr === '' ? t.exitCode : [t.exitCode, t.stderr];
};

describe('test and [', () => {
  it('compares strings and integers as bash does (0 true, 1 false)', () => {
    const { run } = shellHarness();
    const cases: [string, number][] = [
      ['[ a = a ]', 0], ['[ a == b ]', 1], ['[ a != b ]', 0], ['[ -z "" ]', 0], ['[ -n "" ]', 1], ['[ x ]', 0], ['[ "" ]', 1], ['[ ]', 1],
      ['[ 10 -gt 9 ]', 0], ['[ 10 -lt 9 ]', 1], ['[ -3 -le -3 ]', 0], ['[ 2 -ge 3 ]', 1], ['[ " 7" -eq 7 ]', 0], ['[ 1 -ne 1 ]', 1],
      ['[ ! a = a ]', 1], ['[ a = a -a b = c ]', 1], ['[ a = a -o b = c ]', 0], ['[ ( a = b ) -o ( 1 -eq 1 ) ]', 0], ['[ ! -z x ]', 0],
      ['test b \\> a', 0], ['test', 1],
    ];
    for (const [line, code] of cases) expect([line, status(run, line)]).toEqual([line, code]);
  });

  it('looks at the editor\'s files: -f, -e, -s', () => {
    const { run } = shellHarness({ 'web.yaml': 'kind: Pod\n', 'empty.yaml': '' });
    expect(['[ -f web.yaml ]', '[ -e web.yaml ]', '[ -s web.yaml ]', '[ -f empty.yaml ]', '[ -s empty.yaml ]', '[ -f nope.yaml ]'].map((l) => status(run, l))).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it("says bash's errors with status 2", () => {
    const { run } = shellHarness();
    expect(status(run, '[ 1 -lt x ]')).toEqual([2, '[: x: integer expression expected\n']);
    expect(status(run, '[ a = b')).toEqual([2, "[: missing `]'\n"]);
    expect(status(run, '[ -q x ]')).toEqual([2, '[: -q: unary operator expected\n']);
    expect(status(run, 'test a b c')).toEqual([2, 'test: b: binary operator expected\n']);
  });

  it('true and false', () => {
    const { run } = shellHarness();
    expect([status(run, 'true'), status(run, 'false')]).toEqual([0, 1]);
  });
});

describe('seq', () => {
  it('prints what GNU seq prints', () => {
    const { run } = shellHarness();
    expect(run('seq 3').stdout).toBe('1\n2\n3\n');
    expect(run('seq 2 4').stdout).toBe('2\n3\n4\n');
    expect(run('seq 10 -3 1').stdout).toBe('10\n7\n4\n1\n');
    expect(run('seq 0 0.5 2').stdout).toBe('0.0\n0.5\n1.0\n1.5\n2.0\n');
    expect(run('seq 1 2.5').stdout).toBe('1\n2\n');
    expect(run('seq -w 8 10').stdout).toBe('08\n09\n10\n');
    expect(run('seq -s, 1 4').stdout).toBe('1,2,3,4\n');
    expect(run('seq 5 1').stdout).toBe('');
  });

  it("rejects what GNU seq rejects, and a count the page cannot hold", () => {
    const { run } = shellHarness();
    expect(run('seq').stderr).toBe("seq: missing operand\nTry 'seq --help' for more information.\n");
    expect(run('seq x').stderr).toBe("seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n");
    expect(run('seq 1 0 5').stderr).toBe("seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n");
    expect(run('seq 1 2 3 4').stderr).toBe("seq: extra operand '4'\nTry 'seq --help' for more information.\n");
    const big = run('seq 1000000');
    expect([big.stdout, big.exitCode]).toEqual(['', 1]);
    expect(big.stderr).toMatch(/^seq: more than 100000 numbers is not simulated in this terminal\n$/);
  });
});
