import { describe, expect, it } from 'vitest';
import { asLabelSelector, formatMatchExpressions, parseToLabelSelector } from './parseToLabelSelector';

// Expected texts are kubectl v1.32's (`kubectl set selector --local -f svc.yaml EXPR`).
describe('parseToLabelSelector', () => {
  it('turns = and == into matchLabels, the last value of a key winning', () => {
    expect(parseToLabelSelector('b=1, a==2,a=3')).toEqual({ matchLabels: { a: '3', b: '1' }, matchExpressions: [] });
    expect(parseToLabelSelector('')).toEqual({ matchLabels: {}, matchExpressions: [] });
    expect(parseToLabelSelector('app=')).toEqual({ matchLabels: { app: '' }, matchExpressions: [] });
  });

  it('turns set-based requirements into matchExpressions sorted by key, values sorted', () => {
    const s = parseToLabelSelector('tier notin (b,a),!legacy,app in (web),env');
    expect('error' in s ? s.error : formatMatchExpressions(s.matchExpressions)).toBe('[{app In [web]} {env Exists []} {legacy DoesNotExist []} {tier NotIn [a b]}]');
  });

  it('refuses != and gt/lt as label selector operators', () => {
    expect(parseToLabelSelector('app!=a')).toEqual({ error: '"!=" is not a valid label selector operator' });
    expect(parseToLabelSelector('x>1')).toEqual({ error: '"gt" isn\'t supported in label selectors' });
  });

  it('words syntax errors as the labels parser does', () => {
    const e = (s: string) => (parseToLabelSelector(s) as { error: string }).error;
    expect(e('a=b,')).toBe(`couldn't parse the selector string "a=b,": found '', expected: identifier after ','`);
    expect(e(',')).toBe(`couldn't parse the selector string ",": found ',', expected: !, identifier, or 'end of string'`);
    expect(e('a=(')).toBe(`couldn't parse the selector string "a=(": unable to parse requirement: found '(', expected: identifier`);
    expect(e('a=b=c')).toBe(`couldn't parse the selector string "a=b=c": found '=', expected: ',' or 'end of string'`);
    expect(e('a=b c')).toBe(`couldn't parse the selector string "a=b c": found 'c', expected: ',' or 'end of string'`);
  });

  it('validates keys and values', () => {
    const e = (s: string) => (parseToLabelSelector(s) as { error: string }).error;
    expect(e('a=-b')).toBe(
      `couldn't parse the selector string "a=-b": unable to parse requirement: values[0][a]: Invalid value: "-b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
    expect(e('A_b.c/d-e=x')).toBe(
      `couldn't parse the selector string "A_b.c/d-e=x": unable to parse requirement: <nil>: Invalid value: "A_b.c/d-e": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
  });
});

// Expected values and errors match kubectl v1.32's metav1.ParseToLabelSelector.
describe('parseToLabelSelector as kubectl create pdb uses it', () => {
  it.each([
    ['app=web,tier==front', { matchLabels: { app: 'web', tier: 'front' } }],
    ['a=b,a=c', { matchLabels: { a: 'c' } }],
    ['a=', { matchLabels: { a: '' } }],
    [' ', {}],
    ['z,!a,m in (c,b)', { matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }, { key: 'm', operator: 'In', values: ['b', 'c'] }, { key: 'z', operator: 'Exists' }] }],
    ['a notin (b,,c)', { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['', 'b', 'c'] }] }],
    ['a in ()', { matchExpressions: [{ key: 'a', operator: 'In', values: [''] }] }],
    ['in in (in,notin)', { matchExpressions: [{ key: 'in', operator: 'In', values: ['in', 'notin'] }] }],
  ])('turns %j into matchLabels and sorted matchExpressions', (text, selector) => {
    const parsed = parseToLabelSelector(text);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(asLabelSelector(parsed)).toEqual(selector);
  });

  it.each([
    ['a!=b', '"!=" is not a valid label selector operator'],
    ['a>1', `"gt" isn't supported in label selectors`],
    ['a in b', `couldn't parse the selector string "a in b": unable to parse requirement: found 'b' expected: '('`],
    ['a=b c', `couldn't parse the selector string "a=b c": found 'c', expected: ',' or 'end of string'`],
    ['=b', `couldn't parse the selector string "=b": found '=', expected: !, identifier, or 'end of string'`],
    ['a=b,,c', `couldn't parse the selector string "a=b,,c": found ',', expected: identifier after ','`],
    ['!', `couldn't parse the selector string "!": unable to parse requirement: found '', expected: identifier`],
    ['a in (b', `couldn't parse the selector string "a in (b": unable to parse requirement: found '', expected: ',' or ')'`],
    ['a foo b', `couldn't parse the selector string "a foo b": unable to parse requirement: found 'foo', expected: in, notin, =, ==, !=, gt, lt`],
    ['a>x', `couldn't parse the selector string "a>x": unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`],
    [
      'a=-b',
      `couldn't parse the selector string "a=-b": unable to parse requirement: values[0][a]: Invalid value: "-b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
    [
      '-a=b',
      `couldn't parse the selector string "-a=b": unable to parse requirement: <nil>: Invalid value: "-a": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ],
  ])('rejects %j with kubectl’s error', (text, error) => {
    expect(parseToLabelSelector(text)).toEqual({ error });
  });
});
