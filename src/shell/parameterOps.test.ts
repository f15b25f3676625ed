import { describe, expect, it } from 'vitest';
import { shellHarness } from './testing/shellHarness';

describe('parameter operators, as bash', () => {
  const echo = (setup: string, expr: string) => {
    const { run } = shellHarness();
    run(setup);
    const t = run(`echo ${expr}`);
    return t.stderr === '' ? t.stdout.replace(/\n$/, '') : [t.stdout, t.stderr, t.exitCode];
  };

  it('removes a matching prefix or suffix, shortest or longest: the pod name out of kubectl -o name', () => {
    expect(echo('p=pod/web-7d4b9-x2k9q', '${p#pod/} ${p#*/} ${p##*-} ${p%-*} ${p%%-*} ${p#nothing}')).toBe('web-7d4b9-x2k9q web-7d4b9-x2k9q x2k9q pod/web-7d4b9 pod/web pod/web-7d4b9-x2k9q');
    expect(echo('f=web.yaml', '${f%.yaml}.json ${f#[a-z]} ${f#[!w]} "${f#"web"}" ${f#w?b}')).toBe('web.json eb.yaml web.yaml .yaml .yaml');
  });

  it('replaces the first match, every match, or one at the start or the end', () => {
    expect(echo('v=a-b-c', '${v/-/+} ${v//-/+} ${v/#a/A} ${v/%c/C} ${v/#b/B} ${v//[ac]} ${v/x/y}')).toBe('a+b-c a+b+c A-b-c a-b-C a-b-c -b- a-b-c');
    expect(echo('img=nginx:1.26', '${img/:*/:1.27}')).toBe('nginx:1.27');
  });

  it('takes substrings by offset and length, from the end with a negative one', () => {
    expect(echo('s=kubernetes', '${s:4} ${s:0:4} ${s: -3} ${s:1:-2} ${s:20} ${s:(-4):2}')).toBe('rnetes kube tes ubernet et');
    expect(echo('s=abc', '${s:1:-3}')).toEqual(['', '-3: substring expression < 0\n', 1]);
  });

  it('changes case', () => {
    expect(echo('n="hello World"', '${n^^} ${n,,} ${n^}')).toBe('HELLO WORLD hello world Hello World');
  });

  it('assigns a default with :=, and fails the command with :? when unset', () => {
    const { run } = shellHarness();
    expect(run('echo ${NS:=default} $NS').stdout).toBe('default default\n');
    expect(run('echo $NS').stdout).toBe('default\n');
    const t = run('echo ${MISSING:?set MISSING first}; echo after');
    expect([t.stdout, t.stderr]).toEqual(['after\n', 'MISSING: set MISSING first\n']);
    expect(run('echo ${EMPTY?}').stderr).toBe('EMPTY: parameter not set\n');
  });
});
