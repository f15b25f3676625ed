/**
 * A lesson as the tutor reads it from `lessons/<NN-id>/<language>.md`: front
 * matter, an introduction, and steps that each carry a check and a solution.
 * See `lessons/README.md` for the Markdown syntax.
 */

/** The interface languages a lesson is written in. */
export const LESSON_LANGUAGES = ['en', 'zh-CN'] as const;
export type LessonLanguage = (typeof LESSON_LANGUAGES)[number];

/** What a step shows in the cluster area (`{#id view=swarm}`): the Kubernetes cluster, the swarm, or both. */
export const LESSON_VIEWS = ['kubernetes', 'swarm', 'side-by-side'] as const;
export type LessonView = (typeof LESSON_VIEWS)[number];

/** Where something is in a lesson file (1-based line). */
export interface LessonPosition {
  file: string;
  line: number;
}

/** A malformed lesson: which file, which line, what is wrong. */
export interface LessonError extends LessonPosition {
  message: string;
}

/** The cluster a lesson starts on (the same names as `npm run play`'s flags). */
export interface LessonCluster {
  workers?: number;
  seed?: number;
  nodeCpu?: string;
  nodeMemory?: string;
}

/** A file shown in the editor: its name and contents. */
export interface LessonFile {
  name: string;
  content: string;
}

/** One thing a probe's output must satisfy (the syntax of each is in `checks/index.ts`). */
export type Expectation =
  | { type: 'equals'; text: string }
  | { type: 'contains'; text: string }
  | { type: 'notContains'; text: string }
  | { type: 'matches'; source: string; flags: string }
  | { type: 'number'; op: Comparison; value: number }
  | { type: 'lines'; op: Comparison; value: number }
  | { type: 'exit'; code: number };

export type Comparison = '==' | '!=' | '>' | '>=' | '<' | '<=';

/** A `? …` line of a check: a question asked of the simulated swarm (see `checks/swarm.ts`). */
export interface SwarmQuestion {
  /** As written (spaces collapsed), e.g. `service web has 3 running tasks`. */
  text: string;
  /** Index of its kind in `SWARM_QUESTIONS`. */
  kind: number;
  /** The words the kind read from it (names, numbers). */
  words: string[];
}

/**
 * One command of a check and what its output must be; or a question asked
 * of the swarm (`question`), whose `command` is the `docker` command that
 * shows the learner the same thing and whose `expectations` are empty.
 */
export interface Probe {
  command: string;
  line: number;
  expectations: Expectation[];
  question?: SwarmQuestion;
}

/** A step's check: every probe must pass. */
export interface Check {
  line: number;
  probes: Probe[];
}

/** One action of a solution, run in order. */
export type SolutionAction =
  /** A command typed into the terminal (`$NAME` expanded from earlier captures). */
  | { type: 'command'; line: string; sourceLine: number }
  /** `NAME=$(command)`: runs the command and keeps its trimmed output as `$NAME`. */
  | { type: 'capture'; variable: string; command: string; sourceLine: number }
  /** The file's new contents, written to the editor. */
  | { type: 'file'; name: string; content: string; sourceLine: number };

/** A multiple-choice question (a ```quiz block): passed by picking exactly the right options. */
export interface Quiz {
  question: string;
  /** In the order written; `correct` for `+` lines. At least one right and one wrong. */
  options: { text: string; correct: boolean }[];
}

/**
 * A step is checked against the cluster (`check`, made true by `solution`),
 * by a quiz, or both; a quiz-only step has no check and an empty solution.
 */
export interface Step {
  /** Stable id (`## Title {#id}`): the same in every language; progress is saved by it. */
  id: string;
  title: string;
  line: number;
  /**
   * The cluster the step shows when it begins (`## Title {#id view=swarm}`).
   * In a lesson where some step names a view, a step that names none shows
   * the Kubernetes cluster; a lesson that names none leaves the view alone.
   */
  view?: LessonView;
  /** The explanation as Markdown (check, solution, file blocks and hints taken out). */
  body: string;
  /** Files to open in the editor for this step, with the contents to show. */
  files: LessonFile[];
  check?: Check;
  /** A question the learner answers by picking options (see `evaluateQuiz`). */
  quiz?: Quiz;
  hints: string[];
  /** What makes the check true; empty for a quiz-only step (its answer is `quizAnswer`). */
  solution: SolutionAction[];
}

export interface Lesson {
  id: string;
  language: LessonLanguage;
  /** The file it was read from (for messages). */
  source: string;
  title: string;
  summary: string;
  minutes: number;
  /** Ids of lessons to take first. */
  prerequisites: string[];
  cluster: LessonCluster;
  /** Files in the editor when the lesson starts (read from the lesson's folder). */
  files: LessonFile[];
  /** Commands run before the first step (the lesson's starting state). */
  setup: string[];
  /** Markdown before the first step. */
  intro: string;
  steps: Step[];
}
