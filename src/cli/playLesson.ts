import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createCluster, type Cluster } from '../sim/k8s/index';
import { createShell, echoedCommand, memoryFiles, type Shell } from '../shell/index';
import { evaluateCheck, evaluateQuiz, formatCheckResult, playSolution, quizAnswer, quizWrongAnswers, type Lesson, type Step } from '../tutor/index';
import { driveUntilDone } from '../session/drive';

/** Every file under `root/lessons`, by its path relative to `root` (what `loadLessons` reads). */
export function readLessonSources(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(join(root, 'lessons'));
  return out;
}

/** What playing a lesson headlessly found: one line per problem, and a transcript of everything run. */
export interface LessonPlay {
  problems: string[];
  transcript: string;
}

/** Runs a line through the shell and keeps virtual time moving until it is done, as the CLI does. */
function runLine(shell: Shell, cluster: Cluster, line: string, log: (t: string) => void): { stdout: string; exitCode: number } {
  let stdout = '';
  log(`${echoedCommand(line, shell.prompt?.())}\n`);
  const exec = shell.run(line, {
    stdout: (t) => {
      stdout += t;
      log(t);
    },
    stderr: log,
  });
  driveUntilDone(cluster, exec, log);
  return { stdout, exitCode: exec.exitCode ?? 1 };
}

/**
 * Plays a lesson the way a learner who follows it would, on a fresh cluster
 * of the lesson's shape: setup, then for each step its files opened, its
 * check (which must FAIL), its solution, its check again (which must PASS);
 * the next step starts from there. A check that passes before its solution
 * is a problem: it could not tell the learner anything.
 */
export async function playLesson(lesson: Lesson): Promise<LessonPlay> {
  const cluster = createCluster(lesson.cluster);
  const files = new Map(lesson.files.map((f) => [f.name, f.content]));
  const shell = createShell({ cluster, files: memoryFiles(() => Object.fromEntries(files), (name, text) => (files.set(name, text), undefined), (name) => files.delete(name)) });
  const checkShell = createShell({ cluster, files: { read: () => undefined } });
  const problems: string[] = [];
  let transcript = '';
  const log = (t: string) => (transcript += t);
  for (const line of lesson.setup) runLine(shell, cluster, line, log);
  for (const step of lesson.steps) {
    const where = `${lesson.source}:${step.line} step "${step.id}"`;
    for (const f of step.files) files.set(f.name, f.content);
    if (step.quiz) problems.push(...playQuiz(step, where, log));
    const check = step.check;
    if (!check) continue;
    const before = evaluateCheck(check, checkShell);
    log(`# check before the solution of "${step.id}"\n${formatCheckResult(before)}`);
    if (before.pass) problems.push(`${where}: the check passes before the solution (it cannot fail):\n${formatCheckResult(before)}`);
    try {
      await playSolution(step.solution, {
        run: async (line) => runLine(shell, cluster, line, log),
        writeFile: (name, content) => void files.set(name, content),
      });
    } catch (e) {
      problems.push(`${where}: the solution stopped: ${e instanceof Error ? e.message : String(e)}`);
      break;
    }
    const after = evaluateCheck(check, checkShell);
    log(`# check after the solution of "${step.id}"\n${formatCheckResult(after)}`);
    if (!after.pass) {
      problems.push(`${where}: the check fails after the solution:\n${formatCheckResult(after)}`);
      break;
    }
  }
  return { problems, transcript };
}

/**
 * A quiz played as a learner would: before answering it is not satisfied
 * (nothing picked, everything picked, or any wrong option alone must fail),
 * and picking its right options — the quiz's solution — satisfies it.
 */
function playQuiz(step: Step, where: string, log: (t: string) => void): string[] {
  const quiz = step.quiz;
  if (!quiz) return [];
  const problems: string[] = [];
  log(`# quiz of "${step.id}": ${quiz.question}\n`);
  for (const w of quizWrongAnswers(quiz))
    if (evaluateQuiz(quiz, w.picked).pass) problems.push(`${where}: the quiz passes with ${w.label} (it cannot fail)`);
  const answer = quizAnswer(quiz);
  log(`# picked ${answer.map((i) => `"${quiz.options[i].text}"`).join(', ')}\n`);
  if (!evaluateQuiz(quiz, answer).pass) problems.push(`${where}: the quiz fails with its right options picked`);
  return problems;
}
