import { describe, expect, it } from 'vitest';
import { describeExpectation, parseExpectation, testExpectation } from './index';

const holds = (line: string, output: string, exit = 0) => {
  const e = parseExpectation(line);
  if (typeof e === 'string') throw new Error(e);
  return testExpectation(e, output, exit);
};

describe('check expectations', () => {
  it.each([
    ['= 3', '3', true],
    ['= 3', '30', false],
    ['= nginx:1.27', 'nginx:1.27', true],
    ['~ Running', 'web-1   1/1   Running', true],
    ['~ Running', 'web-1   0/1   Pending', false],
    ['!~ ImagePull', 'web-1   1/1   Running', true],
    ['!~ ImagePull', 'web-1   0/1   ImagePullBackOff', false],
    ['/ErrImagePull|ImagePullBackOff/', 'web-1 0/1 ErrImagePull', true],
    ['/^web-[a-z0-9]+$/', 'web-abc12', true],
    ['/^web-[a-z0-9]+$/', 'db-abc12', false],
    ['>= 2', '3', true],
    ['>= 2', '1', false],
    ['== 4', '4', true],
    ['!= 4', '4', false],
    ['< 1', '0', true],
    ['> 0', '', false],
    ['> 0', 'three', false],
    ['lines == 2', 'a\nb', true],
    ['lines >= 4', 'a\n\nb\nc', false],
    ['lines == 0', '', true],
  ])('%s against %j → %s', (line, output, pass) => {
    expect(holds(line, output)).toBe(pass);
  });

  it('exit N compares the exit status, not the output', () => {
    expect(holds('exit 1', 'anything', 1)).toBe(true);
    expect(holds('exit 1', 'anything', 0)).toBe(false);
  });

  it('describes each expectation in the syntax it was written in', () => {
    for (const line of ['= 3', '~ Running', '!~ x', '/a|b/i', '>= 2', 'lines < 5', 'exit 1']) {
      const e = parseExpectation(line);
      if (typeof e === 'string') throw new Error(e);
      expect(describeExpectation(e)).toBe(line);
    }
  });

  it('explains what is wrong with a line that is not an expectation', () => {
    expect(parseExpectation('Running')).toMatch(/^not an expectation: "Running" \(one of: exit N, lines OP N, OP N/);
    expect(parseExpectation('lines many')).toBe('"lines" needs a comparison (==, !=, >, >=, <, <=) and a number, got "many"');
    expect(parseExpectation('exit -1')).toBe('"exit" needs a whole number, got "-1"');
    expect(parseExpectation('~')).toBe('"~" needs the text that must appear');
  });
});
