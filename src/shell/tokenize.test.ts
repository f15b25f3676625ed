import { describe, expect, it } from 'vitest';
import { quoteWord, tokenize } from './tokenize';

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
  it('quotes words that need it', () => {
    expect(quoteWord('a b')).toBe(`'a b'`);
    expect(quoteWord('app=web')).toBe('app=web');
    expect(tokenize(quoteWord(`it's`)).words).toEqual([`it's`]);
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
    expect(tokenize(`kubectl get pods > pods.txt`).error).toContain(`'>' is not simulated`);
    expect(tokenize(`kubectl get pods 2>&1`).error).toContain(`is not simulated`);
    expect(tokenize(`kubectl get pods && echo ok`).error).toContain(`'&&' is not simulated`);
    expect(tokenize(`kubectl get pods || echo failed`).error).toContain(`'||' is not simulated`);
    expect(tokenize(`kubectl get pods; echo done`).error).toContain(`';' is not simulated`);
    expect(tokenize(`echo 'a > b; c && d'`).error).toBeUndefined();
  });
});
