import { describe, expect, it } from 'vitest';
import { codeLines } from './codeLines';

describe('a lesson code block’s lines', () => {
  it('lets commands wrap, and keeps a table of output whole', () => {
    const lines = codeLines('$ docker service ls\nID            NAME      MODE\nkubectl get pods -l app=web -o jsonpath=\'{.items[*].spec.containers[0].image}\'', 'sh');
    expect(lines.map((l) => l.wraps)).toEqual([true, false, true]);
  });

  it('wraps prose in a plain block, keeps a progress bar whole, and never wraps YAML', () => {
    expect(codeLines('desired = ceil(current replicas × current utilization / target utilization)', '')[0].wraps).toBe(true);
    expect(codeLines('1/3: running   [=====>]', '')[0].wraps).toBe(false);
    expect(codeLines('spec:\n  replicas: 3', 'yaml').every((l) => !l.wraps)).toBe(true);
  });

  it('keeps a continuation line’s leading spaces (they are not columns)', () => {
    expect(codeLines('  busybox:1.36 sh -c "sleep 30"', 'sh')).toEqual([{ text: '  busybox:1.36 sh -c "sleep 30"', wraps: true }]);
  });
});
