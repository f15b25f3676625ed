import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits on blanks and keeps quoted words whole', () => {
    expect(tokenize(`kubectl  label pod x 'a=b c' "d e"`).words).toEqual(['kubectl', 'label', 'pod', 'x', 'a=b c', 'd e']);
  });
  it('honours backslash escapes outside and inside double quotes', () => {
    expect(tokenize(String.raw`echo a\ b "x\"y" 'p\q'`).words).toEqual(['echo', 'a b', 'x"y', 'p\\q']);
  });
  it('joins adjacent quoted parts into one word', () => {
    expect(tokenize(`--from-literal=key='hello world'`).words).toEqual(['--from-literal=key=hello world']);
  });
  it('treats # at the start of a word as a comment', () => {
    expect(tokenize('kubectl get pods # list them').words).toEqual(['kubectl', 'get', 'pods']);
    expect(tokenize('echo a#b').words).toEqual(['echo', 'a#b']);
    expect(tokenize('# only a comment').words).toEqual([]);
  });
  it('reports an unterminated quote', () => {
    expect(tokenize(`echo 'abc`).error).toContain('unexpected EOF');
  });
  it('keeps empty quoted words', () => {
    expect(tokenize(`echo '' x`).words).toEqual(['echo', '', 'x']);
  });
  it('records where each stage starts', () => {
    const line = `kubectl get pods |  grep web && 2>/dev/null echo ok`;
    expect(tokenize(line).starts.map((at) => line.slice(at, at + 4))).toEqual(['kube', 'grep', '2>/d']);
  });
});

describe('tokenize: pipelines', () => {
  it('splits a line into pipeline stages at an unquoted |', () => {
    expect(tokenize(`kubectl get pods | grep web`).stages).toEqual([
      ['kubectl', 'get', 'pods'],
      ['grep', 'web'],
    ]);
  });
  it('takes | as an operator even without blanks around it', () => {
    expect(tokenize(`kubectl get pods -o name|wc -l`).stages).toEqual([
      ['kubectl', 'get', 'pods', '-o', 'name'],
      ['wc', '-l'],
    ]);
  });
  it('keeps a quoted or escaped | inside its word', () => {
    expect(tokenize(`grep -E 'web|db' "a|b" c\\|d`).stages).toEqual([['grep', '-E', 'web|db', 'a|b', 'c|d']]);
  });
  it('keeps a jsonpath with quotes whole before a pipe', () => {
    expect(tokenize(`kubectl get secret db -o jsonpath='{.data.password}' | base64 -d`).stages).toEqual([
      ['kubectl', 'get', 'secret', 'db', '-o', 'jsonpath={.data.password}'],
      ['base64', '-d'],
    ]);
  });
  it('words are the first stage', () => {
    expect(tokenize(`kubectl get pods | head -3`).words).toEqual(['kubectl', 'get', 'pods']);
  });
  it('refuses a pipe with no command before it, as bash does', () => {
    expect(tokenize(`| grep web`).error).toBe("syntax error near unexpected token `|'");
    expect(tokenize(`kubectl get pods | | grep web`).error).toBe("syntax error near unexpected token `|'");
  });
  it('refuses a pipe with no command after it', () => {
    expect(tokenize(`kubectl get pods |`).error).toBe('syntax error: unexpected end of file');
  });
  it('says which shell operators this terminal does not run', () => {
    expect(tokenize(`kubectl get pods & kubectl get svc`).error).toContain(`'&' is simulated at the end of a line only`);
    expect(tokenize(`cat <&3`).error).toContain(`'<&' is not simulated`);
    expect(tokenize(`echo 'a > b; c && d'`).error).toBeUndefined();
  });
  it('reads a list: pipelines joined by &&, || and ;, every command in stages', () => {
    const t = tokenize(`kubectl apply -f web.yaml && kubectl get pods | grep web || echo none; echo done;`);
    expect(t.error).toBeUndefined();
    expect(t.stages).toEqual([['kubectl', 'apply', '-f', 'web.yaml'], ['kubectl', 'get', 'pods'], ['grep', 'web'], ['echo', 'none'], ['echo', 'done']]);
    expect(t.list).toEqual([
      { start: 0, end: 1, text: 'kubectl apply -f web.yaml', op: '&&' },
      { start: 1, end: 3, text: 'kubectl get pods | grep web', op: '||' },
      { start: 3, end: 4, text: 'echo none', op: ';' },
      { start: 4, end: 5, text: 'echo done' },
    ]);
    expect(tokenize('kubectl get pods').list).toEqual([{ start: 0, end: 1, text: 'kubectl get pods' }]);
  });
  it('refuses a list operator with no command before it, or && and || with none after', () => {
    expect(tokenize(`; echo a`).error).toBe("syntax error near unexpected token `;'");
    expect(tokenize(`echo a;; echo b`).error).toBe("syntax error near unexpected token `;'");
    expect(tokenize(`echo a && && echo b`).error).toBe("syntax error near unexpected token `&&'");
    expect(tokenize(`echo a &&`).error).toBe('syntax error: unexpected end of file');
    expect(tokenize(`echo a ||`).error).toBe('syntax error: unexpected end of file');
    expect(tokenize(`echo "a && b" '; c'`).list).toHaveLength(1);
  });
});

describe('tokenize: expansions', () => {
  it('keeps a command substitution one word, pipes and blanks inside it included', () => {
    const t = tokenize(`kubectl delete pod $(kubectl get pods -o name | head -1) --wait=false`);
    expect(t.stages).toEqual([['kubectl', 'delete', 'pod', '$(kubectl get pods -o name | head -1)', '--wait=false']]);
    expect(t.expands).toBe(true);
    expect(t.parts[0][3]).toEqual([{ kind: 'subst', line: 'kubectl get pods -o name | head -1', quoted: false }]);
  });

  it('matches the closing parenthesis past quotes and nested substitutions', () => {
    const t = tokenize(`echo "$(echo ')' "$(echo a)")"x`);
    expect(t.parts[0][1]).toEqual([
      { kind: 'text', text: '', quoted: true },
      { kind: 'subst', line: `echo ')' "$(echo a)"`, quoted: true },
      { kind: 'text', text: 'x', quoted: false },
    ]);
  });

  it('reads $NAME, ${NAME}, $? and backquotes, and leaves $ alone where nothing follows', () => {
    const t = tokenize('echo $POD ${NS}x $? `kubectl version` $ a$');
    expect(t.parts[0].slice(1).map((w) => w.map((p) => (p.kind === 'text' ? p.text : p.kind === 'var' ? `var:${p.name}` : p.kind === 'subst' ? `subst:${p.line}` : `arith:${p.expr}`)))).toEqual([['var:POD'], ['var:NS', 'x'], ['var:?'], ['subst:kubectl version'], ['$'], ['a$']]);
  });

  it('expands nothing inside single quotes or after a backslash', () => {
    const t = tokenize(`awk '{print $1}' \\$HOME "\\$HOME"`);
    expect(t.expands).toBe(false);
    expect(t.words).toEqual(['awk', '{print $1}', '$HOME', '$HOME']);
  });

  it('reports an unclosed substitution and refuses arithmetic', () => {
    expect(tokenize('echo $(kubectl get pods').error).toBe("unexpected EOF while looking for matching `)'");
    expect(tokenize('echo `date').error).toContain('unexpected EOF');
    expect(tokenize('echo $((1+2))').parts[0][1]).toEqual([{ kind: 'arith', expr: '1+2', quoted: false }]);
    expect(tokenize('echo $(( $(date) ))').error).toContain('not simulated');
    expect(tokenize('echo $((1+2').incomplete).toBe('quote');
    expect(tokenize('echo ${A:=x}').parts[0][1]).toMatchObject([{ kind: 'var', name: 'A', fallback: { assign: true } }]);
    expect(tokenize('echo ${A B}').error).toBe('${A B}: bad substitution');
    expect(tokenize('echo ${A@Q}').error).toBe('${A@Q}: bad substitution');
  });

  it('keeps each word as typed for the export', () => {
    expect(tokenize(`POD=$(kubectl get pods -o name) | grep "$X"`).raw).toEqual([['POD=$(kubectl get pods -o name)'], ['grep', '"$X"']]);
  });
});

describe('tokenize: redirections and here-documents', () => {
  const kinds = (line: string) => tokenize(line).redirects.map((rs) => rs.map((r) => (r.kind === 'dup' || r.kind === 'write' ? `${r.kind} ${r.op}` : r.kind)));
  it('keeps redirections apart from the words, in the order written', () => {
    const t = tokenize('kubectl get pods >/dev/null 2>&1');
    expect(t.error).toBeUndefined();
    expect(t.stages).toEqual([['kubectl', 'get', 'pods']]);
    expect(kinds('kubectl get pods >/dev/null 2>&1')).toEqual([['write >', 'dup 2>&1']]);
    expect(kinds('kubectl get pods 2> /dev/null | grep web')).toEqual([['write 2>'], []]);
    expect(kinds('kubectl get pods &>/dev/null')).toEqual([['write &>']]);
    expect(kinds('echo a>&2')).toEqual([['dup >&2']]);
  });
  it('takes a digit as a stream number only right before the operator', () => {
    expect(tokenize('echo 2 >/dev/null').stages).toEqual([['echo', '2']]);
    expect(tokenize('echo a2>/dev/null').stages).toEqual([['echo', 'a2']]);
    expect(tokenize("echo '2'>/dev/null").stages).toEqual([['echo', '2']]);
  });
  it('reads a here-document from the lines after its line, up to its delimiter', () => {
    const t = tokenize('kubectl apply -f - <<EOF\nkind: Pod\nmetadata:\n  name: a\nEOF');
    expect(t.error).toBeUndefined();
    expect(t.incomplete).toBeUndefined();
    expect(t.stages).toEqual([['kubectl', 'apply', '-f', '-']]);
    const doc = t.redirects[0][0];
    expect(doc.kind === 'heredoc' && doc.text).toBe('kind: Pod\nmetadata:\n  name: a\n');
  });
  it('strips leading tabs with <<- and expands nothing in a quoted delimiter\'s body', () => {
    const stripped = tokenize('cat <<-END\n\tone\n\t\ttwo\n\tEND').redirects[0][0];
    expect(stripped.kind === 'heredoc' && stripped.text).toBe('one\ntwo\n');
    const quoted = tokenize("cat <<'END'\n$HOME $(date)\nEND").redirects[0][0];
    expect(quoted.kind === 'heredoc' && quoted.quoted).toBe(true);
    expect(tokenize("cat <<'END'\n$HOME\nEND").expands).toBe(false);
    expect(tokenize('cat <<END\n$HOME\nEND').expands).toBe(true);
  });
  it('keeps each list item\'s here-document with its text, for the item to run alone', () => {
    const t = tokenize('cat <<A && cat <<B\none\nA\ntwo\nB\necho done');
    expect(t.list.map((item) => item.text)).toEqual(['cat <<A\none\nA', 'cat <<B\ntwo\nB', 'echo done']);
    expect(tokenize(t.list[1].text).redirects[0][0]).toMatchObject({ kind: 'heredoc', text: 'two\n' });
  });
  it('ends a pipeline at a line break, except after |, && or ||', () => {
    expect(tokenize('echo a\necho b').list.map((i) => i.text)).toEqual(['echo a', 'echo b']);
    expect(tokenize('kubectl get pods |\ngrep web').stages).toEqual([['kubectl', 'get', 'pods'], ['grep', 'web']]);
    expect(tokenize('echo a &&\necho b').list.map((i) => i.op)).toEqual(['&&', undefined]);
    expect(tokenize('kubectl get \\\npods').stages).toEqual([['kubectl', 'get', 'pods']]);
  });
  it('says when more lines would complete the command, as bash prompts with >', () => {
    expect(tokenize('kubectl apply -f - <<EOF').incomplete).toBe('heredoc');
    expect(tokenize('kubectl apply -f - <<EOF\nkind: Pod').incomplete).toBe('heredoc');
    expect(tokenize("echo 'abc").incomplete).toBe('quote');
    expect(tokenize('echo "$(kubectl get pods').incomplete).toBe('quote');
    expect(tokenize('kubectl get pods |').incomplete).toBe('operator');
    expect(tokenize('echo a &&').incomplete).toBe('operator');
    expect(tokenize('kubectl get \\').incomplete).toBe('backslash');
    expect(tokenize('kubectl get pods').incomplete).toBeUndefined();
  });
  it('warns, as bash does, when the text ends a here-document', () => {
    expect(tokenize('cat <<EOF\nonly').warning).toBe("warning: here-document at line 1 delimited by end-of-file (wanted `EOF')");
  });
  it('refuses a redirection without its word', () => {
    expect(tokenize('kubectl get pods >').error).toBe("syntax error near unexpected token `newline'");
    expect(tokenize('kubectl get pods > | grep x').error).toBe("syntax error near unexpected token `|'");
  });
});
