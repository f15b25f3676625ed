import { parseLesson } from './parseLesson';
import { LESSON_LANGUAGES, type Lesson, type LessonError, type LessonLanguage } from './types';

/** One lesson in every language, in the order of its folder's number. */
export interface LessonEntry {
  id: string;
  /** `04-self-healing`: the folder under `lessons/`. */
  folder: string;
  order: number;
  translations: Record<LessonLanguage, Lesson>;
}

const FOLDER = /^(?:.*\/)?lessons\/((\d+)-([a-z0-9-]+))\/([^/]+)$/;

/**
 * Reads every lesson from a map of file path → text (`lessons/NN-id/en.md`,
 * `zh-CN.md`, and the starting files beside them) — what the host found on
 * disk or through the bundler. Checks that each folder has every language,
 * that the id matches the folder, and that the translations agree
 * (`compareTranslations`). Errors name the file and line.
 */
export function loadLessons(sources: Readonly<Record<string, string>>): { lessons: LessonEntry[]; errors: LessonError[] } {
  interface Folder {
    order: number;
    name: string;
    docs: Map<string, string>;
    files: Record<string, string>;
    paths: Record<string, string>;
  }
  const folders = new Map<string, Folder>();
  for (const [path, text] of Object.entries(sources)) {
    const m = FOLDER.exec(path.replace(/\\/g, '/'));
    if (!m) continue;
    const entry: Folder = folders.get(m[1]) ?? { order: Number(m[2]), name: m[3], docs: new Map(), files: {}, paths: {} };
    folders.set(m[1], entry);
    if (m[4].endsWith('.md') && m[4] !== 'README.md') {
      entry.docs.set(m[4].slice(0, -3), text);
      entry.paths[m[4].slice(0, -3)] = path;
    } else entry.files[m[4]] = text;
  }
  const lessons: LessonEntry[] = [];
  const errors: LessonError[] = [];
  for (const [folder, f] of [...folders].sort((a, b) => a[1].order - b[1].order)) {
    const translations: Partial<Record<LessonLanguage, Lesson>> = {};
    for (const lang of f.docs.keys())
      if (!(LESSON_LANGUAGES as readonly string[]).includes(lang)) errors.push({ file: f.paths[lang], line: 1, message: `"${lang}.md" is not a lesson language (${LESSON_LANGUAGES.join(', ')})` });
    for (const lang of LESSON_LANGUAGES) {
      const text = f.docs.get(lang);
      const file = f.paths[lang] ?? `lessons/${folder}/${lang}.md`;
      if (text === undefined) {
        errors.push({ file, line: 1, message: `lesson "${folder}" has no ${lang}.md` });
        continue;
      }
      const r = parseLesson(text, { file, language: lang, files: f.files });
      if (!r.ok) {
        errors.push(...r.errors);
        continue;
      }
      if (r.lesson.id !== f.name) errors.push({ file, line: 2, message: `id "${r.lesson.id}" does not match the folder "${folder}" (expected "${f.name}")` });
      translations[lang] = r.lesson;
    }
    const en = translations.en;
    if (!en || LESSON_LANGUAGES.some((l) => !translations[l])) continue;
    for (const lang of LESSON_LANGUAGES) if (lang !== 'en') errors.push(...compareTranslations(en, translations[lang] as Lesson));
    lessons.push({ id: en.id, folder, order: f.order, translations: translations as Record<LessonLanguage, Lesson> });
  }
  const ids = new Set(lessons.map((l) => l.id));
  for (const l of lessons)
    for (const p of l.translations.en.prerequisites) if (!ids.has(p)) errors.push({ file: l.translations.en.source, line: 1, message: `prerequisite "${p}" is not a lesson` });
  return { lessons, errors };
}

/**
 * Where a translation differs from the original in anything but prose:
 * front matter facts, step ids and order, files, checks, solutions.
 */
export function compareTranslations(original: Lesson, translation: Lesson): LessonError[] {
  const errors: LessonError[] = [];
  const at = (line: number, message: string) => errors.push({ file: translation.source, line, message: `${message} (compared with ${original.source})` });
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const key of ['id', 'minutes', 'prerequisites', 'cluster', 'files', 'setup'] as const)
    if (!same(original[key], translation[key])) at(1, `front matter "${key}" differs`);
  const ids = (l: Lesson) => l.steps.map((s) => s.id).join(', ');
  if (ids(original) !== ids(translation)) {
    at(1, `steps differ: [${ids(translation)}] instead of [${ids(original)}]`);
    return errors;
  }
  original.steps.forEach((o, i) => {
    const t = translation.steps[i];
    const probes = (s: typeof o) => s.check?.probes.map((p) => ({ command: p.command, expectations: p.expectations, question: p.question?.text }));
    if (!same(probes(o), probes(t))) at(t.check?.line ?? t.line, `step "${t.id}": the check differs`);
    // A quiz's prose is translated; the number of options and which are right must not be.
    const answers = (s: typeof o) => s.quiz?.options.map((x) => x.correct);
    if (!same(answers(o), answers(t))) at(t.line, `step "${t.id}": the quiz differs (options [${answers(t)?.map((c) => (c ? '+' : '-')).join('') ?? 'none'}] instead of [${answers(o)?.map((c) => (c ? '+' : '-')).join('') ?? 'none'}])`);
    const actions = (s: typeof o) => s.solution.map(({ sourceLine: _l, ...a }) => a);
    if (!same(actions(o), actions(t))) at(t.line, `step "${t.id}": the solution differs`);
    if (!same(o.files, t.files)) at(t.line, `step "${t.id}": the files differ`);
    if (o.view !== t.view) at(t.line, `step "${t.id}": the view differs (${t.view ?? 'none'} instead of ${o.view ?? 'none'})`);
    if (o.hints.length !== t.hints.length) at(t.line, `step "${t.id}": ${t.hints.length} hints instead of ${o.hints.length}`);
  });
  return errors;
}
