import { describe, expect, it } from 'vitest';
import { applyTargets, DiagnosticReader, shellWords } from './fileDiagnostics';

describe('shellWords', () => {
  it('splits on spaces and honours quotes and escapes', () => {
    expect(shellWords(`kubectl apply -f 'my file.yaml'  -f "a\\"b" c\\ d`)).toEqual(['kubectl', 'apply', '-f', 'my file.yaml', '-f', 'a"b', 'c d']);
    expect(shellWords(`x ''`)).toEqual(['x', '']);
  });
});

describe('applyTargets', () => {
  const known = ['web.yaml', 'my file.yaml'];
  it('names the files an apply reads, in every -f spelling', () => {
    expect(applyTargets('kubectl apply -f web.yaml', known)).toEqual(['web.yaml']);
    expect(applyTargets(`kubectl apply --filename=./web.yaml -f='my file.yaml'`, known)).toEqual(['web.yaml', 'my file.yaml']);
    expect(applyTargets('kubectl apply -fweb.yaml', known)).toEqual(['web.yaml']);
  });
  it('is "all" for a directory or pattern, and undefined for other commands', () => {
    expect(applyTargets('kubectl apply -f .', known)).toBe('all');
    expect(applyTargets(`kubectl apply -f '*.yaml'`, known)).toBe('all');
    expect(applyTargets('kubectl get pods', known)).toBeUndefined();
    expect(applyTargets('echo kubectl apply', known)).toBeUndefined();
  });
});

describe('DiagnosticReader', () => {
  it('turns each --> line into a diagnostic with the lines before it as the message', () => {
    const r = new DiagnosticReader();
    const out = r.feed(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n  --> web.yaml:9:13 (spec.replicas)\nerror: error parsing b.yaml: bad\n  --> ./b.yaml:3:1\n',
    );
    expect(out).toEqual([
      { file: 'web.yaml', diagnostic: { line: 9, column: 13, field: 'spec.replicas', message: 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0' } },
      { file: 'b.yaml', diagnostic: { line: 3, column: 1, message: 'error: error parsing b.yaml: bad' } },
    ]);
  });

  it('reads output that arrives in pieces, ignores warnings and colors, and forgets on reset', () => {
    const r = new DiagnosticReader();
    expect(r.feed('Warning: resource x is missing\n\x1b[31merror: bo')).toEqual([]);
    expect(r.feed('om\n  --> a:b.yaml:2')).toEqual([]);
    expect(r.feed(':5\n')).toEqual([{ file: 'a:b.yaml', diagnostic: { line: 2, column: 5, message: 'error: boom' } }]);
    r.feed('dangling message\n');
    r.reset();
    expect(r.feed('  --> web.yaml:1:1\n')[0].diagnostic.message).toBe('kubectl reported an error here');
  });
});
