import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../tutor/index';
import { readLessonSources } from './playLesson';

const ROOT = resolve(import.meta.dirname, '../..');
const COVERAGE = readFileSync(resolve(ROOT, 'lessons/COVERAGE.md'), 'utf8');

/** A lesson as the coverage map sees it: its id, its step ids, whether it has an introduction. */
interface LessonOutline {
  id: string;
  steps: readonly string[];
  hasIntro: boolean;
}

/**
 * What is wrong with a coverage map (`lessons/COVERAGE.md`): table rows
 * `| ID | idea | references |` whose references (`lesson#step`, or
 * `lesson#intro` for the introduction) name no lesson or step, rows without
 * a reference, and lessons that no row names. One line per problem.
 */
function coverageProblems(markdown: string, lessons: readonly LessonOutline[]): string[] {
  const problems: string[] = [];
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const named = new Set<string>();
  let rows = 0;
  for (const [index, line] of markdown.split('\n').entries()) {
    const row = /^\|\s*([A-Z]\d+)\s*\|(.*)\|(.*)\|\s*$/.exec(line);
    if (!row) continue;
    rows++;
    const where = `COVERAGE.md:${index + 1} (${row[1]})`;
    const refs = [...row[3].matchAll(/`([a-z0-9-]+)#([a-z0-9-]+)`/g)];
    if (refs.length === 0) problems.push(`${where}: the idea names no lesson step`);
    for (const [, lessonId, stepId] of refs) {
      const lesson = byId.get(lessonId);
      named.add(lessonId);
      if (!lesson) problems.push(`${where}: no lesson "${lessonId}"`);
      else if (stepId === 'intro' ? !lesson.hasIntro : !lesson.steps.includes(stepId)) problems.push(`${where}: lesson "${lessonId}" has no step "${stepId}"`);
    }
  }
  if (rows === 0) problems.push('COVERAGE.md: no idea rows (| A1 | idea | `lesson#step` |)');
  for (const l of lessons) if (!named.has(l.id)) problems.push(`COVERAGE.md: lesson "${l.id}" is not named by any idea`);
  return problems;
}

describe('lessons/COVERAGE.md', () => {
  const { lessons } = loadLessons(readLessonSources(ROOT));
  const outlines: LessonOutline[] = lessons.map((entry) => {
    const en = entry.translations.en;
    return { id: entry.id, steps: en.steps.map((s) => s.id), hasIntro: en.intro.trim() !== '' };
  });

  it('names only lessons and steps that exist, gives every idea a step, and names every lesson', () => {
    expect(outlines.length).toBeGreaterThan(0);
    expect(coverageProblems(COVERAGE, outlines)).toEqual([]);
  });

  it('every prerequisite is a lesson that comes earlier in the curriculum, so 01 → 17 can be taken in order', () => {
    const late = lessons.flatMap((l) =>
      l.translations.en.prerequisites.filter((p) => !lessons.some((e) => e.id === p && e.order < l.order)).map((p) => `${l.folder}: prerequisite "${p}" does not come before it`),
    );
    expect(lessons.length).toBeGreaterThan(1);
    expect(late).toEqual([]);
  });

  it('reports a renamed step, a lesson that is gone, an idea without a step and a lesson nobody names', () => {
    const lessonsNow: LessonOutline[] = [
      { id: 'self-healing', steps: ['deploy', 'crash'], hasIntro: true },
      { id: 'scaling', steps: ['scale'], hasIntro: false },
      { id: 'storage', steps: ['claim'], hasIntro: true },
    ];
    const map = [
      '| # | Idea | Taught in |',
      '|---|---|---|',
      '| B8 | Failed containers are restarted | `self-healing#crash`, `self-healing#intro` |',
      '| B9 | Lost Pods are replaced | `self-healing#delete-pod` |',
      '| C7 | Scaling | `scaling#intro`, `autoscaling#load` |',
      '| C8 | Nodes | *(prose)* |',
    ].join('\n');
    expect(coverageProblems(map, lessonsNow)).toEqual([
      'COVERAGE.md:4 (B9): lesson "self-healing" has no step "delete-pod"',
      'COVERAGE.md:5 (C7): lesson "scaling" has no step "intro"',
      'COVERAGE.md:5 (C7): no lesson "autoscaling"',
      'COVERAGE.md:6 (C8): the idea names no lesson step',
      'COVERAGE.md: lesson "storage" is not named by any idea',
    ]);
  });
});
