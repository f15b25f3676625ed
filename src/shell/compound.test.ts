import { describe, expect, it } from 'vitest';
import { needsMoreLines, oneLine, scriptCommands } from './commandText';
import { parseCompound, reservedPrefix, type Node } from './compound';
import { tokenize } from './tokenize';

const parse = (line: string) => parseCompound(tokenize(line));
const nodes = (line: string): Node[] => {
  const r = parse(line);
  if (r === undefined || 'error' in r) throw new Error(`no compound: ${JSON.stringify(r)}`);
  return r.nodes;
};
const error = (line: string) => {
  const r = parse(line);
  return r !== undefined && 'error' in r ? r.error : undefined;
};

describe('compound commands: parsing', () => {
  it('reads a for loop typed on one line or over several into its name, words and body', () => {
    for (const line of ['for i in 1 2 3; do echo $i; done', 'for i in 1 2 3\ndo\n  echo $i\ndone', 'for i in 1 2 3; do\n  echo $i\ndone']) {
      const [loop] = nodes(line);
      expect(loop.kind).toBe('for');
      if (loop.kind !== 'for') return;
      expect(loop.name).toBe('i');
      expect(loop.words?.map((w) => w.map((p) => (p.kind === 'text' ? p.text : p.kind)).join(''))).toEqual(['1', '2', '3']);
      // A line break ends a pipeline as `;` does.
      expect(loop.body).toEqual([{ kind: 'simple', text: 'echo $i', negate: false, op: ';' }]);
    }
  });

  it('nests loops and ifs, and keeps the operator after a compound for the list around it', () => {
    const [outer, after] = nodes('for a in 1 2; do for b in x y; do echo $a$b; done; done && echo ok');
    expect(outer).toMatchObject({ kind: 'for', name: 'a', op: '&&', body: [{ kind: 'for', name: 'b', body: [{ kind: 'simple', text: 'echo $a$b' }] }] });
    expect(after).toMatchObject({ kind: 'simple', text: 'echo ok' });
    const [cond] = nodes('if kubectl get pod x; then echo yes; elif true; then echo maybe; else echo no; fi');
    expect(cond).toMatchObject({ kind: 'if', clauses: [{ cond: [{ text: 'kubectl get pod x' }], body: [{ text: 'echo yes' }] }, { cond: [{ text: 'true' }] }], otherwise: [{ text: 'echo no' }] });
  });

  it('reads while and until with a list as the condition, ! and break/continue with their count', () => {
    expect(nodes('while sleep 1; ! kubectl get pod x; do continue 2; break; done')[0]).toMatchObject({
      kind: 'while',
      until: false,
      cond: [{ kind: 'simple', text: 'sleep 1' }, { kind: 'simple', text: 'kubectl get pod x', negate: true }],
      body: [{ kind: 'jump', jump: 'continue', levels: 2 }, { kind: 'jump', jump: 'break', levels: 1 }],
    });
    expect(nodes('until false; do echo; done')[0]).toMatchObject({ kind: 'while', until: true });
  });

  it('keeps a pipe or redirections after done or fi for the whole compound', () => {
    expect(nodes('for i in 1; do echo $i; done | sort -r && echo ok')).toMatchObject([{ kind: 'for', tail: '| sort -r', op: '&&' }, { kind: 'simple', text: 'echo ok' }]);
    expect(nodes('if true; then echo; fi 2>&1 > out.txt')[0]).toMatchObject({ kind: 'if', tail: '2>&1 > out.txt' });
  });

  it('reads a pipeline that feeds a compound (… | while read p) as its head', () => {
    expect(nodes("kubectl get pods -o name | grep web | while read p; do echo $p; done | sort")[0]).toMatchObject({ kind: 'while', head: 'kubectl get pods -o name | grep web', tail: '| sort', cond: [{ text: 'read p' }] });
    expect(parse("echo 'a | while' | grep while")).toBeUndefined();
  });

  it('takes a reserved word only where a command starts, unquoted', () => {
    expect(parse('echo done for if')).toBeUndefined();
    expect(parse("'for' i in 1")).toBeUndefined();
    expect(parse('kubectl get pods | grep done')).toBeUndefined();
    expect(parse('fortune; iffy=1')).toBeUndefined();
  });

  it("words bash's syntax errors as bash does", () => {
    expect(error('done')).toBe("syntax error near unexpected token `done'");
    expect(error('for i in 1; do done')).toBe("syntax error near unexpected token `done'");
    expect(error('if true; then fi')).toBe("syntax error near unexpected token `fi'");
    expect(error('while do echo; done')).toBe("syntax error near unexpected token `do'");
    expect(error('for 1x in a; do echo; done')).toBe("`1x': not a valid identifier");
    expect(error('for i in 1; do echo; done echo')).toBe("syntax error near unexpected token `echo'");
    expect(error('for i in 1; do echo $i; done || done')).toBe("syntax error near unexpected token `done'");
  });

  it('asks for more lines while a loop or an if is open, as an interactive bash shows > for them', () => {
    for (const open of ['for i in 1 2 3', 'for i in 1 2 3; do', 'while true; do echo hi', 'if true; then', 'if true; then echo; else', 'for a in 1; do for b in 2; do echo; done']) {
      expect([open, needsMoreLines(open)]).toEqual([open, true]);
    }
    for (const whole of ['for i in 1 2 3; do echo $i; done', 'echo done', 'done', 'if true; then echo; fi']) expect([whole, needsMoreLines(whole)]).toEqual([whole, false]);
    expect(error('while true; do echo hi')).toBe('syntax error: unexpected end of file');
  });

  it('says case … esac and shell functions are not simulated as soon as a command starts with them, without asking for more lines', () => {
    const caseMsg = /^case … esac is not simulated in this terminal/;
    const fnMsg = /^shell functions are not simulated in this terminal/;
    for (const line of ['case $x in a) echo a;; esac', 'for p in a b; do case $p in a) echo;; esac; done', 'if true; then case x in *) ;; esac; fi', 'echo a; case']) {
      expect([line, tokenize(line).error]).toEqual([line, expect.stringMatching(caseMsg)]);
      expect([line, needsMoreLines(line)]).toEqual([line, false]);
    }
    for (const line of ['f() { echo hi; }', 'f () { echo hi; }', 'function f { echo; }', 'echo a && greet() { :; }']) expect([line, tokenize(line).error]).toEqual([line, expect.stringMatching(fnMsg)]);
    // Only where a command starts, and only unquoted: these are words, or a command named case.
    for (const line of ['echo case', "'case' x", 'grep case pods.txt', 'x=case', 'for i in case; do echo $i; done']) expect([line, tokenize(line).error]).toEqual([line, undefined]);
  });

  it('keeps a script\'s multi-line loop one command', () => {
    expect(scriptCommands('for i in 1 2\ndo\n  echo $i\ndone\nkubectl get pods\n')).toEqual(['for i in 1 2\ndo\n  echo $i\ndone', 'kubectl get pods']);
  });

  it('tells the tools that read a line\'s commands which words are reserved', () => {
    const t = tokenize('while true; do ! kubectl get pods; done; for p in a b; do kubectl delete $p; done');
    expect(t.stages.map((_, s) => reservedPrefix(t, s))).toEqual([
      { skip: 1, forHeader: false },
      { skip: 2, forHeader: false },
      { skip: 1, forHeader: false },
      { skip: 1, forHeader: true },
      { skip: 1, forHeader: false },
      { skip: 1, forHeader: false },
    ]);
  });
});

describe('oneLine: a multi-line command as history keeps it', () => {
  it('joins a loop typed over several lines, and gives up where no one line says the same', () => {
    expect(oneLine('for i in 1 2\ndo\n  echo $i\ndone')).toBe('for i in 1 2; do echo $i; done');
    expect(oneLine('if kubectl get pod web\nthen\n  echo yes\nelse\n  echo no\nfi')).toBe('if kubectl get pod web; then echo yes; else echo no; fi');
    expect(oneLine('kubectl get pods &&\nkubectl get svc')).toBe('kubectl get pods && kubectl get svc');
    expect(oneLine('kubectl get pods')).toBe('kubectl get pods');
    expect(oneLine('kubectl apply -f - <<EOF\nkind: Pod\nEOF')).toBeUndefined();
    expect(oneLine('echo "a\nb"')).toBeUndefined();
    expect(oneLine('for i in 1 2 # the nodes\ndo echo $i\ndone')).toBeUndefined();
  });
});
