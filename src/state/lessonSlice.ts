import type { Check, CheckResult, Lesson, LessonEntry, LessonError, Quiz, Step } from '../tutor/index';
import { resetWorld } from './clusterSlice';
import { describeNodes } from './clusterShape';
import { lessonMark, withStepDone, type LessonMark, type LessonProgress } from './lessonProgress';
import type { WorkBaseline } from './learnerWork';
import { LessonRunner, PlayStopped } from './lessonRunner';
import type { OpenResult } from './scenariosSlice';
import { selectStarted } from './selectors';
import type { GetState, SetState, StoreKit } from './storeKit';

type Tutor = typeof import('../tutor/index');

/** The lessons as loaded from `lessons/` (lazily, when first asked for). */
export interface LessonCatalog {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly lessons: readonly LessonEntry[];
  /** Lessons that could not be read (`file:line: message`), or why nothing could be loaded. */
  readonly problems: readonly string[];
}

/** A step's quiz, as the tutor parses a ```quiz block. */
export interface QuizView {
  readonly question: string;
  readonly options: readonly {
    readonly text: string;
    readonly correct: boolean;
  }[];
}

/** Where the learner is in the open lesson. */
export interface ActiveLesson {
  readonly id: string;
  /** Index of the current step (the same in every language). */
  readonly step: number;
  /** Hints of this step revealed so far. */
  readonly hints: number;
  /** Quiz options picked in this step (indices). */
  readonly picks: readonly number[];
  /** The check's last evaluation in this step (undefined before the first). */
  readonly check: CheckResult | undefined;
  /** The step's check (and quiz) has passed since the step began: it stays green. */
  readonly satisfied: boolean;
  /** Steps satisfied in this run of the lesson (on this cluster). */
  readonly passed: readonly string[];
  /** Steps shown in this run (their files were opened when they were first shown). */
  readonly visited: readonly string[];
  /** The solution (or the lesson's setup) being played through the terminal. */
  readonly playing: 'setup' | 'solution' | undefined;
  /** Why the last solution stopped early, if it did. */
  readonly playProblem: string | undefined;
}

export interface LessonSlice {
  lessonCatalog: LessonCatalog;
  /** What the lesson column shows: nothing, the list, or the open lesson. */
  lessonPanel: 'closed' | 'list' | 'lesson';
  lesson: ActiveLesson | undefined;
  /** Progress by lesson id (saved by the page across reloads). */
  lessonProgress: Readonly<Record<string, LessonProgress>>;
  /** Opens the lesson list (loading the lessons the first time). */
  showLessonList(): void;
  /** Opens a lesson at a step on the cluster as it is (a shared scenario's lesson step): nothing is reset. */
  openLessonAt(id: string, step: number): void;
  /** Back to the open lesson from the list. */
  showLesson(): void;
  closeLessonPanel(): void;
  /**
   * Starts a lesson (again): a fresh cluster of its shape, its starting files in place of the
   * editor's, its setup commands, step 1, its progress cleared. The learner's work, if any, is
   * first kept as a scenario of its own (`lessonKept` says which); when this browser cannot keep
   * it, nothing happens unless `discard` says to go on without it.
   */
  startLesson(id: string, options?: LessonStartOptions): LessonStartResult;
  /** The scenario the learner's work was kept as when the open lesson started. */
  lessonKept: { readonly id: string; readonly name: string } | undefined;
  dismissLessonKept(): void;
  /** Leaves the lesson (itself kept as a scenario) for the work kept when it started. */
  backToKeptWork(): Promise<OpenResult>;
  goToStep(index: number): void;
  revealHint(): void;
  /** Picks (or, for a multiple-answer quiz, unpicks) an option of the step's quiz. */
  pickQuizOption(index: number, picked: boolean): void;
  /** Plays the step's solution through the terminal (commands typed visibly, files written). */
  showSolution(): Promise<void>;
  /** Stops the solution being played (as Ctrl+C would). */
  stopSolution(): void;
  /** Evaluates the step's check now (the clock loop calls it when the cluster changed). */
  checkLessonStep(): void;
  /** Progress read back from storage. */
  restoreLessonProgress(progress: Readonly<Record<string, LessonProgress>>): void;
}

export interface LessonStartOptions {
  /** The terminal's line about the fresh cluster (in the interface's language). */
  readonly notice?: string;
  /** The name of the scenario the lesson becomes when earlier work is kept aside. */
  readonly scenarioName?: string;
  /** Go on even though the learner's work cannot be kept. */
  readonly discard?: boolean;
}

/** `unsaved-work`: the learner has work this browser cannot keep (ask, then pass `discard`); `not-ready`: the cluster is starting or the lesson is unknown. */
export type LessonStartResult = { ok: true; kept: { id: string; name: string } | undefined } | { ok: false; reason: 'unsaved-work' | 'not-ready' };

/** A step's check, if it has one (a quiz-only step has none). */
export const checkOf = (step: Step): Check | undefined => step.check;
/** A step's quiz, if it has one. */
export const quizOf = (step: Step): Quiz | undefined => step.quiz;
/** Whether `picks` are exactly the quiz's right options (the tutor's `evaluateQuiz`, without loading the tutor). */
export function quizAnswered(quiz: QuizView, picks: readonly number[]): boolean {
  const chosen = new Set(picks);
  return quiz.options.every((o, i) => o.correct === chosen.has(i));
}

/** The entry and its English text (checks, solutions and files are the same in every language). */
export function findLesson(catalog: LessonCatalog, id: string): { entry: LessonEntry; lesson: Lesson } | undefined {
  const entry = catalog.lessons.find((l) => l.id === id);
  return entry && { entry, lesson: entry.translations.en };
}

/** The list's mark for a lesson. */
export function markOf(progress: Readonly<Record<string, LessonProgress>>, entry: LessonEntry): LessonMark {
  return lessonMark(
    progress[entry.id],
    entry.translations.en.steps.map((s) => s.id),
  );
}

export interface LessonSources {
  /** The files under `lessons/` by path (`lessons/04-self-healing/en.md` → text). */
  load(): Promise<Readonly<Record<string, string>>>;
}

export function createLessonSlice(set: SetState, get: GetState, kit: () => StoreKit, runner: LessonRunner, sources: LessonSources | undefined, baseline: WorkBaseline): LessonSlice {
  let tutor: Tutor | undefined;
  /** A step's state as it begins; what belongs to the run (passed, visited, a play going on) carries over from `run`. */
  const fresh = (id: string, step: number, run?: ActiveLesson): ActiveLesson => ({
    id,
    step,
    hints: 0,
    picks: [],
    check: undefined,
    satisfied: false,
    passed: run?.passed ?? [],
    visited: run?.visited ?? [],
    playing: run?.playing,
    playProblem: undefined,
  });
  const current = () => {
    const a = get().lesson;
    const found = a && findLesson(get().lessonCatalog, a.id);
    const step = a && found?.lesson.steps[a.step];
    return a && found && step ? { a, lesson: found.lesson, step } : undefined;
  };
  const patch = (change: Partial<ActiveLesson>) => {
    const a = get().lesson;
    if (a) set({ lesson: { ...a, ...change } });
  };
  /** Writes a file into the editor (a new tab, or new contents) and shows it. */
  const writeFile = (name: string, content: string) => {
    baseline.wrote(name, content);
    const { files, fileOrder } = get();
    if (name in files) get().editFile(name, content);
    else
      set({
        files: { ...files, [name]: content },
        fileOrder: [...fileOrder, name],
      });
    get().openFile(name);
  };
  const setProgress = (id: string, change: (p: LessonProgress | undefined) => LessonProgress) => {
    const all = get().lessonProgress;
    const next = change(all[id]);
    if (next !== all[id]) set({ lessonProgress: { ...all, [id]: next } });
  };
  /** Runs commands through the terminal one after the other; a failing capture or Stop ends it. */
  async function play(kind: 'setup' | 'solution', actions: Parameters<Tutor['playSolution']>[0]): Promise<void> {
    if (!tutor) return;
    const generation = runner.begin();
    const id = get().lesson?.id;
    patch({ playing: kind, playProblem: undefined });
    let problem: string | undefined;
    try {
      await tutor.playSolution(actions, {
        run: (line) => {
          const running = runner.run(line, generation);
          // runCommand logged the line before the first wait: it is the lesson's, not the learner's.
          const log = get().commandLog;
          baseline.playedBy(log[log.length - 1]);
          return running;
        },
        writeFile,
      });
    } catch (e) {
      if (!(e instanceof PlayStopped)) problem = e instanceof Error ? e.message : String(e);
    }
    if (get().lesson?.id === id) patch({ playing: undefined, playProblem: problem });
    runner.invalidate();
  }

  let catalogLoad: Promise<void> | undefined;
  /** Loads the lessons once (again after a failure). */
  function loadCatalog(): Promise<void> {
    if (catalogLoad && get().lessonCatalog.status !== 'failed') return catalogLoad;
    if (!sources) {
      set({ lessonCatalog: { status: 'failed', lessons: [], problems: ['this page was built without lessons'] } });
      return Promise.resolve();
    }
    set({ lessonCatalog: { status: 'loading', lessons: [], problems: [] } });
    catalogLoad = Promise.all([sources.load(), import('../tutor/index')]).then(
      ([files, t]) => {
        tutor = t;
        const { lessons, errors } = t.loadLessons(files);
        set({ lessonCatalog: { status: 'ready', lessons, problems: errors.map((e: LessonError) => t.formatLessonError(e)) } });
      },
      (err: unknown) => set({ lessonCatalog: { status: 'failed', lessons: [], problems: [err instanceof Error ? err.message : String(err)] } }),
    );
    return catalogLoad;
  }

  return {
    lessonCatalog: { status: 'idle', lessons: [], problems: [] },
    lessonPanel: 'closed',
    lesson: undefined,
    lessonProgress: {},
    lessonKept: undefined,

    showLessonList() {
      set({ lessonPanel: 'list' });
      void loadCatalog();
    },

    openLessonAt(id, step) {
      void loadCatalog().then(() => {
        const found = findLesson(get().lessonCatalog, id);
        if (!found || step < 0 || step >= found.lesson.steps.length) return;
        // The cluster and the files are the scenario's: nothing is reset or rewritten.
        runner.stop();
        const visited = found.lesson.steps.slice(0, step + 1).map((s) => s.id);
        set({ lesson: { ...fresh(id, step), visited }, lessonPanel: 'lesson', lessonKept: undefined });
        get().setLessonStep({ id, step });
        runner.invalidate();
      });
    },

    showLesson() {
      if (get().lesson) set({ lessonPanel: 'lesson' });
    },

    closeLessonPanel() {
      set({ lessonPanel: 'closed' });
    },

    startLesson(id, options = {}) {
      const found = findLesson(get().lessonCatalog, id);
      if (!found || !selectStarted(get())) return { ok: false, reason: 'not-ready' };
      const { lesson } = found;
      runner.stop();
      const keep = get().keepWorkAside(options.scenarioName ?? `Lesson: ${lesson.title}`);
      if (keep.type === 'cannot' && !options.discard) return { ok: false, reason: 'unsaved-work' };
      const kept = keep.type === 'kept' ? { id: keep.id, name: keep.name } : undefined;
      const workers = lesson.cluster.workers ?? 3;
      const ready = resetWorld(set, kit, { workers, ...lesson.cluster }, () => options.notice ?? `Lesson "${lesson.title}": a fresh cluster (${describeNodes(workers)}).`);
      if (!ready) return { ok: false, reason: 'not-ready' };
      // The editor holds the lesson's files (or the starter files), not what was there before: that is kept or was nothing.
      const files = lesson.files.length > 0 ? Object.fromEntries(lesson.files.map((f) => [f.name, f.content])) : baseline.starterFiles;
      get().restoreFiles(files);
      baseline.wroteAll(get().files);
      set({ lesson: fresh(id, 0), lessonPanel: 'lesson', lessonKept: kept });
      get().setLessonStep({ id, step: 0 });
      // Starting again starts over: the steps done before are no longer marked.
      setProgress(id, () => ({ step: lesson.steps[0].id, done: [] }));
      enterStep(0);
      if (lesson.setup.length > 0)
        void play(
          'setup',
          lesson.setup.map((line, i) => ({
            type: 'command' as const,
            line,
            sourceLine: i + 1,
          })),
        );
      return { ok: true, kept };
    },

    dismissLessonKept() {
      set({ lessonKept: undefined });
    },

    async backToKeptWork() {
      const kept = get().lessonKept;
      if (!kept) return { ok: false, error: 'no work was kept' };
      runner.stop();
      const result = await get().openScenario(kept.id);
      if (result.ok) set({ lesson: undefined, lessonPanel: 'closed', lessonKept: undefined });
      return result;
    },

    goToStep(index) {
      const c = current();
      if (!c || index < 0 || index >= c.lesson.steps.length || index === c.a.step) return;
      set({ lesson: fresh(c.a.id, index, c.a) });
      get().setLessonStep({ id: c.a.id, step: index });
      setProgress(c.a.id, (p) => ({
        step: c.lesson.steps[index].id,
        done: p?.done ?? [],
      }));
      enterStep(index);
    },

    revealHint() {
      const c = current();
      if (c && c.a.hints < c.step.hints.length) patch({ hints: c.a.hints + 1 });
    },

    pickQuizOption(index, picked) {
      const c = current();
      const quiz = c && quizOf(c.step);
      if (!c || !quiz || index < 0 || index >= quiz.options.length || c.a.satisfied) return;
      const single = quiz.options.filter((o) => o.correct).length === 1;
      const picks = single ? (picked ? [index] : []) : picked ? [...new Set([...c.a.picks, index])].sort((x, y) => x - y) : c.a.picks.filter((i) => i !== index);
      patch({ picks });
      get().checkLessonStep();
    },

    async showSolution() {
      const c = current();
      if (!c || c.a.playing) return;
      const quiz = quizOf(c.step);
      if (quiz)
        patch({
          picks: quiz.options.flatMap((o, i) => (o.correct ? [i] : [])),
        });
      if (c.step.solution.length > 0) await play('solution', c.step.solution);
      get().checkLessonStep();
    },

    stopSolution() {
      runner.stop();
      patch({ playing: undefined });
    },

    checkLessonStep() {
      const c = current();
      if (!c || c.a.satisfied || !tutor) return;
      const check = checkOf(c.step);
      const quiz = quizOf(c.step);
      let result: CheckResult | undefined;
      if (check) {
        const shell = kit().runtime.probeShell();
        if (!shell) return;
        result = tutor.evaluateCheck(check, shell);
      }
      const pass = (result?.pass ?? true) && (!quiz || quizAnswered(quiz, c.a.picks));
      const same = JSON.stringify(result) === JSON.stringify(c.a.check);
      if (!pass && same) return;
      const stepId = c.step.id;
      patch({
        check: result,
        satisfied: pass,
        ...(pass ? { passed: [...c.a.passed.filter((s) => s !== stepId), stepId] } : {}),
      });
      if (pass) setProgress(c.a.id, (p) => withStepDone(p, stepId));
    },

    restoreLessonProgress(progress) {
      set({ lessonProgress: { ...progress, ...get().lessonProgress } });
    },
  };

  /** A step begins: its files open in the editor, the cluster area shows what it is about, and its check is evaluated at the next frame. */
  function enterStep(index: number): void {
    const c = current();
    if (!c) return;
    const step = c.lesson.steps[index];
    // Shown for the first time in this run (or closed since): the step's files open with its contents;
    // coming back to a step keeps what the learner wrote.
    for (const f of step.files) if (get().files[f.name] === undefined || !c.a.visited.includes(step.id)) writeFile(f.name, f.content);
    if (!c.a.visited.includes(step.id)) patch({ visited: [...c.a.visited, step.id] });
    const view = step.view ?? (c.lesson.steps.some((s) => s.view) ? 'kubernetes' : undefined);
    if (view) get().setViewMode(view);
    runner.invalidate();
  }
}
