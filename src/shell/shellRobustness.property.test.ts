import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellHarness } from './testing/shellHarness';
import { tokenize } from './tokenize';

/** Lines made of what shells treat specially (quotes, expansions, lists, redirections, here-documents, line breaks, loops and conditions), and a few words the playground knows. */
const line = fc
  .array(fc.oneof(fc.constantFrom('$', '(', ')', '{', '}', '"', "'", '`', '\\', '|', '&', ';', '#', ' ', '=', ':', '-', '+', '?', 'a', 'X', '1', '\n', '\t', '<', '>', '2'), fc.constantFrom('echo ', 'kubectl get pods ', 'POD=', '$POD', '${#A}', '${A:-b}', '$(echo x)', '`echo y`', ' && ', ' || ', '; ', ' | grep a', 'export ', 'unset ', '<<EOF', '<<-EOF', "<<'EOF'", '\nEOF', '\n\tEOF', '<<< ', ' > f.txt', ' >> f.txt', ' < f.txt', ' 2>&1', ' >&2', ' &>/dev/null', ' 2>/dev/null', '\\\n', '$((1+2))', '$((', '))', ' $((A / 0))', 'for i in a b', 'while ', 'until ', 'if ', '; do ', '; then ', '; else ', '; elif ', 'done', 'fi', '! ', 'break', 'continue 2', 'read x', ' | while read p', 'true', 'false', '[ a = a ]', 'seq 3', "printf '%s\\n' ", '${A#*/}', '${A//a/b}', '${A:1:2}', '${A:=x}', '${A:?}', '${A^^}')), { maxLength: 24 })
  .map((parts) => parts.join(''));

describe('the shell on any line', () => {
  it('tokenizes without throwing, and every list item stays inside the stages', () => {
    fc.assert(
      fc.property(line, (l) => {
        const t = tokenize(l);
        if (t.error === undefined) for (const item of t.list) expect(item.start <= item.end && item.end <= t.stages.length).toBe(true);
        if (t.error === undefined) expect(t.redirects.length).toBe(t.stages.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('runs it without throwing: bad input gets an error and a status, never an exception', () => {
    const { run } = shellHarness();
    fc.assert(
      fc.property(line, (l) => {
        const t = run(l, 2000);
        if (t.execution.done) expect(typeof t.exitCode).toBe('number');
        else t.execution.cancel();
        expect(t.stderr).not.toContain('internal error');
      }),
      { numRuns: 500 },
    );
  });
});
