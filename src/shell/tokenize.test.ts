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
