/**
 * The tutor: lessons as data (`lessons/NN-id/en.md`, `zh-CN.md`), their
 * parser and loader, checks evaluated through the terminal's shell, and
 * solutions played through a host. Pure TypeScript: no DOM, no Node.
 */
export type { Check, Comparison, Expectation, Lesson, LessonCluster, LessonError, LessonFile, LessonLanguage, LessonPosition, Probe, Quiz, SolutionAction, Step, SwarmQuestion, LessonView } from './types';
export { LESSON_LANGUAGES, LESSON_VIEWS } from './types';
export { parseLesson, type ParseResult } from './parseLesson';
export { loadLessons, compareTranslations, type LessonEntry } from './loadLessons';
export { EXPECTATIONS, parseExpectation, testExpectation, describeExpectation, type ExpectationKind } from './checks/index';
export { evaluateCheck, evaluateProbe, formatCheckResult, type CheckResult, type ProbeResult, type ExpectationResult } from './evaluateCheck';
export { readQuiz, evaluateQuiz, quizAnswer, quizWrongAnswers, type QuizResult } from './quiz';
export { playSolution, expandVariables, SolutionError, type SolutionHost } from './playSolution';

/** `file:line: message`, as compilers print it. */
export function formatLessonError(e: { file: string; line: number; message: string }): string {
  return `${e.file}:${e.line}: ${e.message}`;
}
export { SWARM_QUESTIONS, parseSwarmQuestion, answerSwarmQuestion, swarmQuestionCommand, type SwarmQuestionKind } from './checks/swarm';
