import { describe, expect, it } from 'vitest';
import { formatLessonError } from './index';
import { loadLessons } from './loadLessons';

const lesson = (opts: { id?: string; title?: string; check?: string; solution?: string; prerequisites?: string; stepId?: string; hints?: number } = {}) =>
  [
    '---',
    `id: ${opts.id ?? 'demo'}`,
    `title: ${opts.title ?? 'Demo'}`,
    'summary: S',
    'minutes: 3',
    `prerequisites: [${opts.prerequisites ?? ''}]`,
    '---',
    `## Step {#${opts.stepId ?? 'one'}}`,
    ...Array.from({ length: opts.hints ?? 1 }, () => '> Hint: h'),
    '```check',
    `$ ${opts.check ?? 'kubectl get ns shop -o name'}`,
    '= namespace/shop',
    '```',
    '```solution',
    opts.solution ?? 'kubectl create namespace shop',
    '```',
  ].join('\n');

const errors = (sources: Record<string, string>) => loadLessons(sources).errors.map(formatLessonError);

describe('loadLessons', () => {
  it('groups the languages of each numbered folder, in folder order, with the starting files beside them', () => {
    const { lessons, errors: errs } = loadLessons({
      'lessons/02-later/en.md': lesson({ id: 'later', prerequisites: 'demo' }),
      'lessons/02-later/zh-CN.md': lesson({ id: 'later', title: '之后', prerequisites: 'demo' }),
      'lessons/01-demo/en.md': lesson(),
      'lessons/01-demo/zh-CN.md': lesson({ title: '演示' }),
      'lessons/01-demo/web.yaml': 'kind: Deployment\n',
      'lessons/README.md': '# not a lesson',
    });
    expect(errs).toEqual([]);
    expect(lessons.map((l) => [l.folder, l.order, l.translations.en.title, l.translations['zh-CN'].title])).toEqual([
      ['01-demo', 1, 'Demo', '演示'],
      ['02-later', 2, 'Demo', '之后'],
    ]);
  });

  it('reports a missing translation, an id that does not match its folder and an unknown prerequisite', () => {
    expect(errors({ 'lessons/01-demo/en.md': lesson() })).toEqual(['lessons/01-demo/zh-CN.md:1: lesson "01-demo" has no zh-CN.md']);
    expect(errors({ 'lessons/01-demo/en.md': lesson({ id: 'other' }), 'lessons/01-demo/zh-CN.md': lesson({ id: 'other' }) })).toEqual([
      'lessons/01-demo/en.md:2: id "other" does not match the folder "01-demo" (expected "demo")',
      'lessons/01-demo/zh-CN.md:2: id "other" does not match the folder "01-demo" (expected "demo")',
    ]);
    expect(errors({ 'lessons/01-demo/en.md': lesson({ prerequisites: 'nope' }), 'lessons/01-demo/zh-CN.md': lesson({ prerequisites: 'nope' }) })).toEqual([
      'lessons/01-demo/en.md:1: prerequisite "nope" is not a lesson',
    ]);
  });

  it('reports translations whose steps, checks, solutions or hints differ from the English', () => {
    const en = { 'lessons/01-demo/en.md': lesson() };
    const vs = (zh: string) => errors({ ...en, 'lessons/01-demo/zh-CN.md': zh });
    const against = ' (compared with lessons/01-demo/en.md)';
    expect(vs(lesson({ stepId: 'two' }))).toEqual([`lessons/01-demo/zh-CN.md:1: steps differ: [two] instead of [one]${against}`]);
    expect(vs(lesson({ check: 'kubectl get ns shop' }))).toEqual([`lessons/01-demo/zh-CN.md:10: step "one": the check differs${against}`]);
    expect(vs(lesson({ solution: 'kubectl create ns shop' }))).toEqual([`lessons/01-demo/zh-CN.md:8: step "one": the solution differs${against}`]);
    expect(vs(lesson({ hints: 2 }))).toEqual([`lessons/01-demo/zh-CN.md:8: step "one": 2 hints instead of 1${against}`]);
    expect(vs(lesson({ stepId: 'one view=swarm' }))).toEqual([`lessons/01-demo/zh-CN.md:8: step "one": the view differs (swarm instead of none)${against}`]);
    expect(vs(lesson({ prerequisites: 'demo' }))).toContain(`lessons/01-demo/zh-CN.md:1: front matter "prerequisites" differs${against}`);
  });

  it('reports a translated quiz whose options or right answers differ from the English', () => {
    const quizLesson = (options: string[]) => ['---', 'id: demo', 'title: Demo', 'summary: S', 'minutes: 3', '---', '## Think {#think}', '```quiz', '? Q', ...options, '```'].join('\n');
    const en = { 'lessons/01-demo/en.md': quizLesson(['- a', '+ b', '- c']) };
    const vs = (zh: string[]) => errors({ ...en, 'lessons/01-demo/zh-CN.md': quizLesson(zh) });
    expect(vs(['- 甲', '+ 乙', '- 丙'])).toEqual([]);
    expect(vs(['+ 甲', '- 乙', '- 丙'])).toEqual(['lessons/01-demo/zh-CN.md:7: step "think": the quiz differs (options [+--] instead of [-+-]) (compared with lessons/01-demo/en.md)']);
    expect(vs(['- 甲', '+ 乙'])).toEqual(['lessons/01-demo/zh-CN.md:7: step "think": the quiz differs (options [-+] instead of [-+-]) (compared with lessons/01-demo/en.md)']);
  });
});
