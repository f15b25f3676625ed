import { describe, expect, it } from 'vitest';
import { formatLessonError } from './index';
import { parseLesson } from './parseLesson';

const FRONT = ['---', 'id: demo', 'title: Demo', 'summary: A demo lesson.', 'minutes: 5', 'prerequisites: [basics]', 'cluster:', '  workers: 2', 'files: [web.yaml]', '---'];
const STEP = [
  '## Apply it {#apply}',
  'Apply **web.yaml**.',
  '```yaml',
  'kind: Ignored',
  '```',
  '> Hint: use the Apply button',
  '> or kubectl apply.',
  '```file name=extra.yaml',
  'kind: ConfigMap',
  '```',
  '```check',
  '$ kubectl get deployment web -o jsonpath={.status.readyReplicas}',
  '= 3',
  '# a comment',
  '$ kubectl get pods -o name',
  'lines >= 3',
  '/web-/',
  '```',
  '```solution',
  'kubectl apply -f web.yaml',
  'POD=$(kubectl get pods -o name)',
  '```',
  '```solution file=web.yaml',
  'kind: Deployment',
  '```',
];
const parse = (lines: string[], files: Record<string, string> = { 'web.yaml': 'kind: Deployment\n' }) => parseLesson(lines.join('\n'), { file: 'lessons/01-demo/en.md', language: 'en', files });
const errorsOf = (lines: string[]) => {
  const r = parse(lines);
  return r.ok ? [] : r.errors.map(formatLessonError);
};

describe('parseLesson', () => {
  it('reads front matter, intro, steps with their checks, solutions, files and hints', () => {
    const r = parse([...FRONT, 'Intro text.', '', ...STEP]);
    if (!r.ok) throw new Error(r.errors.map(formatLessonError).join('\n'));
    const l = r.lesson;
    expect(l).toMatchObject({ id: 'demo', title: 'Demo', minutes: 5, prerequisites: ['basics'], cluster: { workers: 2 }, intro: 'Intro text.', setup: [] });
    expect(l.files).toEqual([{ name: 'web.yaml', content: 'kind: Deployment\n' }]);
    const s = l.steps[0];
    expect(s).toMatchObject({ id: 'apply', title: 'Apply it', line: 13 });
    expect(s.body).toBe('Apply **web.yaml**.\n```yaml\nkind: Ignored\n```');
    expect(s.hints).toEqual(['use the Apply button or kubectl apply.']);
    expect(s.files).toEqual([{ name: 'extra.yaml', content: 'kind: ConfigMap\n' }]);
    expect(s.check?.probes).toEqual([
      { command: 'kubectl get deployment web -o jsonpath={.status.readyReplicas}', line: 24, expectations: [{ type: 'equals', text: '3' }] },
      { command: 'kubectl get pods -o name', line: 27, expectations: [{ type: 'lines', op: '>=', value: 3 }, { type: 'matches', source: 'web-', flags: '' }] },
    ]);
    expect(s.solution).toEqual([
      { type: 'command', line: 'kubectl apply -f web.yaml', sourceLine: 32 },
      { type: 'capture', variable: 'POD', command: 'kubectl get pods -o name', sourceLine: 33 },
      { type: 'file', name: 'web.yaml', content: 'kind: Deployment\n', sourceLine: 35 },
    ]);
  });

  it('reads the view a step shows ({#id view=swarm}) and reports one it does not know', () => {
    const r = parse([...FRONT, ...STEP.map((l) => (l === '## Apply it {#apply}' ? '## Apply it {#apply view=side-by-side}' : l))]);
    if (!r.ok) throw new Error(r.errors.map(formatLessonError).join('\n'));
    expect(r.lesson.steps[0]).toMatchObject({ id: 'apply', title: 'Apply it', view: 'side-by-side' });
    const plain = parse([...FRONT, ...STEP]);
    expect(plain.ok && plain.lesson.steps[0].view).toBeUndefined();
    expect(errorsOf([...FRONT, ...STEP.map((l) => (l === '## Apply it {#apply}' ? '## Apply it {#apply view=docker}' : l))])).toEqual(['lessons/01-demo/en.md:11: a step\'s view is one of kubernetes, swarm, side-by-side, got "docker"']);
  });

  it('reads Chinese hints (提示：)', () => {
    const r = parse([...FRONT, ...STEP.map((l) => (l.startsWith('> Hint:') ? '> 提示：点击 Apply 按钮' : l))]);
    expect(r.ok && r.lesson.steps[0].hints[0]).toBe('点击 Apply 按钮 or kubectl apply.');
  });

  it('reports a missing front matter, unknown fields and bad values with their lines', () => {
    expect(errorsOf(['## Step {#a}'])).toEqual(['lessons/01-demo/en.md:1: a lesson starts with front matter between two "---" lines']);
    expect(errorsOf(['---', 'id: Demo', 'title: T', 'summary: S', 'minutes: 0', 'colour: red', 'cluster:', '  workers: 0', '---', ...STEP])).toEqual([
      'lessons/01-demo/en.md:6: unknown front matter field "colour" (known: id, title, summary, minutes, prerequisites, cluster, files, setup)',
      'lessons/01-demo/en.md:2: id "Demo" must be lowercase words joined by "-"',
      'lessons/01-demo/en.md:5: "minutes" (the estimated time) must be a whole number from 1 to 240',
      'lessons/01-demo/en.md:7: cluster.workers must be a whole number from 1 to 50',
    ]);
  });

  it('reports a starting file that is not in the folder', () => {
    const r = parse([...FRONT, ...STEP], {});
    expect(r.ok ? [] : r.errors.map(formatLessonError)).toEqual(['lessons/01-demo/en.md:1: starting file "web.yaml" is not in the lesson folder']);
  });

  it('reports a step without an id, without a check or without a solution', () => {
    expect(errorsOf([...FRONT, '## No id', 'text'])).toEqual(['lessons/01-demo/en.md:11: a step heading needs an id: "## Title {#step-id}" (lowercase words joined by "-"), optionally a view: "{#step-id view=swarm}"']);
    expect(errorsOf([...FRONT, '## Empty {#empty}', 'text'])).toEqual([
      'lessons/01-demo/en.md:11: step "empty" has no `check` block (nor a `quiz`)',
      'lessons/01-demo/en.md:11: step "empty" has no `solution` block',
    ]);
  });

  it('reports malformed checks: no command, no expectation, an unknown expectation, a bad regex', () => {
    const step = (check: string[]) => [...FRONT, '## S {#s}', '```check', ...check, '```', '```solution', 'kubectl get pods', '```'];
    expect(errorsOf(step(['= 3']))).toEqual(['lessons/01-demo/en.md:13: a check starts with a command line ("$ kubectl …") or a swarm question ("? service web has 3 running tasks")', 'lessons/01-demo/en.md:12: a `check` block needs at least one "$ command" line']);
    expect(errorsOf(step(['$ kubectl get pods']))).toEqual(['lessons/01-demo/en.md:13: "kubectl get pods" has no expectation under it (e.g. "= 3", "~ Running", "lines >= 1", "exit 1")']);
    expect(errorsOf(step(['$ kubectl get pods', 'Running'])).join()).toContain('en.md:14: not an expectation: "Running" (one of: exit N, lines OP N');
    expect(errorsOf(step(['$ kubectl get pods', '/(/'])).join()).toContain('en.md:14: invalid regular expression');
    expect(errorsOf(step(['$ kubectl get pods', '>= many']))).toEqual(['lessons/01-demo/en.md:14: ">=" needs a number after it, got "many"']);
  });

  it('reports an unclosed code block, a check outside a step, a duplicate step id and substitution inside a line', () => {
    expect(errorsOf([...FRONT, '## S {#s}', '```check', '$ kubectl get pods'])).toContain('lessons/01-demo/en.md:12: code block opened here is never closed (```)');
    expect(errorsOf([...FRONT, '```check', '$ kubectl get pods', '= x', '```', ...STEP])).toContain('lessons/01-demo/en.md:11: a `check` block must be inside a step (a "## Title {#id}" section)');
    expect(errorsOf([...FRONT, ...STEP, ...STEP])).toContain('lessons/01-demo/en.md:36: step id "apply" is used twice');
    const sub = [...FRONT, '## S {#s}', '```check', '$ kubectl get pods', 'exit 0', '```', '```solution', 'kubectl delete pod $(kubectl get pods -o name)', '```'];
    expect(errorsOf(sub)).toEqual(['lessons/01-demo/en.md:17: command substitution works only as a whole line: NAME=$(command)']);
  });

  it('reads a quiz step (no check, no solution) and a step with both a check and a quiz', () => {
    const quiz = ['```quiz', '? Does Kubernetes build images?', '- Yes', '+ No', '```'];
    const r = parse([...FRONT, '## Think {#think}', 'Text.', ...quiz, '## Both {#both}', ...quiz, '```check', '$ kubectl get ns', 'lines >= 1', '```', '```solution', 'kubectl get ns', '```']);
    if (!r.ok) throw new Error(r.errors.map(formatLessonError).join('\n'));
    const [think, both] = r.lesson.steps;
    expect(think).toEqual({ id: 'think', title: 'Think', line: 11, body: 'Text.', files: [], quiz: { question: 'Does Kubernetes build images?', options: [{ text: 'Yes', correct: false }, { text: 'No', correct: true }] }, hints: [], solution: [] });
    expect(both.check?.probes).toHaveLength(1);
    expect(both.quiz?.options).toHaveLength(2);
  });

  it('reports a quiz step with a solution block, a malformed quiz and a second quiz, with their lines', () => {
    const quiz = ['```quiz', '? Q', '- a', '+ b', '```'];
    expect(errorsOf([...FRONT, '## Q {#q}', ...quiz, '```solution', 'kubectl get ns', '```'])).toEqual([
      'lessons/01-demo/en.md:11: step "q": a quiz\'s solution is its "+" options; a `solution` block belongs to a `check`',
    ]);
    expect(errorsOf([...FRONT, '## Q {#q}', '```quiz', '? Q', '+ a', '+ b', '```'])).toEqual(['lessons/01-demo/en.md:12: a quiz needs at least one wrong option ("- …"), or ticking everything would pass it']);
    expect(errorsOf([...FRONT, '## Q {#q}', ...quiz, ...quiz])).toEqual(['lessons/01-demo/en.md:17: step "q" has a second `quiz` block (one question per step)']);
  });
});
