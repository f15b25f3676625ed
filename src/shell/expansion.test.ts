import { describe, expect, it } from 'vitest';
import { assignmentOf, fields, joined, parameter, type Part, type ValueOf } from './expansion';
import { tokenize } from './tokenize';

/** The parts of the only word of `text`. */
function word(text: string): Part[] {
  const t = tokenize(text);
  expect(t.error).toBeUndefined();
  expect(t.parts[0]).toHaveLength(1);
  return t.parts[0][0];
}

/** Values from a table: variables by name, substitutions by their command line. */
function valuesFrom(vars: Record<string, string>, outputs: Record<string, string> = {}): ValueOf {
  const valueOf: ValueOf = (p) => (p.kind === 'subst' ? (outputs[p.line] ?? '') : p.kind === 'var' ? parameter(p, { get: (n) => vars[n] }, valueOf) : `arith:${p.expr}`);
  return valueOf;
}

describe('word expansion', () => {
  it('splits an unquoted expansion on blanks and newlines into fields, and keeps a quoted one whole', () => {
    const v = valuesFrom({}, { 'kubectl get pods -o name': 'pod/a\npod/b' });
    expect(fields(word('$(kubectl get pods -o name)'), v)).toEqual(['pod/a', 'pod/b']);
    expect(fields(word('"$(kubectl get pods -o name)"'), v)).toEqual(['pod/a\npod/b']);
  });

  it('joins text around a split expansion to its first and last fields', () => {
    const v = valuesFrom({ X: ' a  b ', Y: 'a b' });
    expect(fields(word('pre$Y-post'), v)).toEqual(['prea', 'b-post']);
    expect(fields(word('pre${X}post'), v)).toEqual(['pre', 'a', 'b', 'post']);
  });

  it('drops an unquoted expansion that is empty, and keeps a quoted empty one as an empty field', () => {
    const v = valuesFrom({ EMPTY: '' });
    expect(fields(word('$EMPTY'), v)).toEqual([]);
    expect(fields(word('$UNSET'), v)).toEqual([]);
    expect(fields(word('"$EMPTY"'), v)).toEqual(['']);
    expect(fields(word("''"), v)).toEqual(['']);
  });

  it('gives ${NAME:-word} the word when NAME is unset or empty, ${NAME-word} only when unset, ${NAME:+word} when set', () => {
    const v = valuesFrom({ EMPTY: '', SET: 'x' });
    expect(joined(word('${UNSET:-d}/${EMPTY:-d}/${SET:-d}'), v)).toBe('d/d/x');
    expect(joined(word('${UNSET-d}/${EMPTY-d}/${SET-d}'), v)).toBe('d//x');
    expect(joined(word('${UNSET:+w}/${EMPTY:+w}/${SET:+w}/${EMPTY+w}'), v)).toBe('//w/w');
    expect(joined(word('${#SET}${#UNSET}'), v)).toBe('10');
  });

  it('expands a default word in turn ($OTHER inside ${NAME:-…})', () => {
    expect(joined(word('${NS:-$FALLBACK}'), valuesFrom({ FALLBACK: 'kube-system' }))).toBe('kube-system');
  });

  it('reads NAME=value as an assignment only with an unquoted name and =', () => {
    expect(assignmentOf(word('POD=$(kubectl get pods)'))?.name).toBe('POD');
    expect(assignmentOf(word('A="x y"'))?.value).toEqual([{ kind: 'text', text: 'x y', quoted: true }]);
    expect(assignmentOf(word('A='))?.value).toEqual([]);
    expect(assignmentOf(word('"A"=1'))).toBeUndefined();
    expect(assignmentOf(word('--replicas=3'))).toBeUndefined();
    expect(assignmentOf(word('1A=3'))).toBeUndefined();
  });
});
