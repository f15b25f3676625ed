import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { preloadShellData } from '../shell/index';
import { formatLessonError, loadLessons, parseLesson } from '../tutor/index';
import { playLesson, readLessonSources } from './playLesson';

const ROOT = resolve(import.meta.dirname, '../..');
const { lessons, errors } = loadLessons(readLessonSources(ROOT));

beforeAll(preloadShellData);

describe('lessons/', () => {
  it('every lesson parses in every language and the translations have the same steps, checks and solutions', () => {
    expect(errors.map(formatLessonError)).toEqual([]);
    expect(lessons.map((l) => l.id)).toEqual(expect.arrayContaining(['self-healing', 'rolling-updates']));
  });

  for (const entry of lessons) {
    it(`${entry.folder}: every step's check fails before its solution and passes after it (headless play-through)`, async () => {
      const play = await playLesson(entry.translations.en);
      expect(play.problems, play.transcript).toEqual([]);
    });
  }

  it('a lesson whose check cannot fail is reported by the play-through', async () => {
    const text = [
      '---',
      'id: always-green',
      'title: Always green',
      'summary: A check that is true from the start.',
      'minutes: 1',
      '---',
      '## Look at the nodes {#nodes}',
      'The cluster has nodes already.',
      '```check',
      '$ kubectl get nodes -o name',
      'lines >= 1',
      '```',
      '```solution',
      'kubectl get nodes',
      '```',
    ].join('\n');
    const r = parseLesson(text, { file: 'lessons/99-always-green/en.md', language: 'en' });
    if (!r.ok) throw new Error(r.errors.map(formatLessonError).join('\n'));
    const play = await playLesson(r.lesson);
    expect(play.problems).toHaveLength(1);
    expect(play.problems[0]).toContain('step "nodes": the check passes before the solution (it cannot fail)');
  });

  it('a solution that does not satisfy its check is reported by the play-through', async () => {
    const text = [
      '---',
      'id: wrong-solution',
      'title: Wrong solution',
      'summary: The solution creates the wrong thing.',
      'minutes: 1',
      '---',
      '## Create a namespace {#ns}',
      '```check',
      '$ kubectl get namespace shop -o name',
      '= namespace/shop',
      '```',
      '```solution',
      'kubectl create namespace shopping',
      '```',
    ].join('\n');
    const r = parseLesson(text, { file: 'lessons/98-wrong-solution/en.md', language: 'en' });
    if (!r.ok) throw new Error(r.errors.map(formatLessonError).join('\n'));
    const play = await playLesson(r.lesson);
    expect(play.problems).toHaveLength(1);
    expect(play.problems[0]).toContain('the check fails after the solution');
    expect(play.problems[0]).toContain('Error from server (NotFound): namespaces "shop" not found');
  });

  it('a quiz step is played by picking its right options, after checking that wrong picks fail', async () => {
    const text = ['---', 'id: quiz-demo', 'title: Quiz', 'summary: One question.', 'minutes: 1', '---', '## Think {#think}', '```quiz', '? Does Kubernetes build images?', '- Yes', '+ No', '```'].join('\n');
    const r = parseLesson(text, { file: 'lessons/97-quiz-demo/en.md', language: 'en' });
    if (!r.ok) throw new Error(r.errors.map(formatLessonError).join('\n'));
    const play = await playLesson(r.lesson);
    expect(play.problems).toEqual([]);
    expect(play.transcript).toContain('# picked "No"');
  });
});
