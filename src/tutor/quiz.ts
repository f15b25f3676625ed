import type { Quiz } from './types';

/**
 * Reads a ```quiz block: one `? question` line, then options, `- wrong` or
 * `+ right` (one or more right). Blank lines are skipped. The quiz must be
 * answerable wrongly: at least one right and one wrong option, no option
 * written twice. Errors carry the block's line numbers.
 * @example readQuiz(['? Does Kubernetes build your image?', '- Yes', '+ No'], 12, err)
 */
export function readQuiz(lines: readonly string[], firstLine: number, err: (line: number, message: string) => void): Quiz | undefined {
  let question: string | undefined;
  const options: Quiz['options'] = [];
  let ok = true;
  const bad = (line: number, message: string) => {
    err(line, message);
    ok = false;
  };
  lines.forEach((raw, k) => {
    const line = raw.trim();
    const lineNo = firstLine + k;
    if (line === '') return;
    const m = /^([?+-])\s+(\S.*)$/.exec(line);
    if (!m) return bad(lineNo, `not a quiz line: "${line}" (write "? question", "- wrong option" or "+ right option")`);
    const text = m[2].trim();
    if (m[1] === '?') {
      if (question !== undefined) return bad(lineNo, 'a quiz has one question ("? …" line); write another step for another question');
      question = text;
      if (options.length) bad(lineNo, 'the question ("? …") comes before the options');
      return;
    }
    if (options.some((o) => o.text === text)) return bad(lineNo, `option "${text}" is written twice`);
    options.push({ text, correct: m[1] === '+' });
  });
  const at = firstLine - 1;
  if (question === undefined) bad(at, 'a `quiz` block needs a question: "? …"');
  if (options.length < 2) bad(at, 'a quiz needs at least two options ("- wrong", "+ right")');
  else if (!options.some((o) => o.correct)) bad(at, 'a quiz needs at least one right option ("+ …")');
  else if (options.every((o) => o.correct)) bad(at, 'a quiz needs at least one wrong option ("- …"), or ticking everything would pass it');
  return ok && question !== undefined ? { question, options } : undefined;
}

/** Whether a set of picked options answers a quiz, and which picks were wrong or missing. */
export interface QuizResult {
  pass: boolean;
  /** Picked options that are wrong (indices; an index that is no option counts as wrong). */
  wrong: number[];
  /** Right options not picked (indices). */
  missed: number[];
}

/**
 * Judges the learner's picks (option indices, 0-based): the quiz passes when
 * exactly the right options are picked — no wrong one, none missing.
 * @example evaluateQuiz(quiz, [1]).pass
 */
export function evaluateQuiz(quiz: Quiz, picked: readonly number[]): QuizResult {
  const chosen = new Set(picked);
  const wrong = [...chosen].filter((i) => !quiz.options[i]?.correct).sort((a, b) => a - b);
  const missed = quiz.options.flatMap((o, i) => (o.correct && !chosen.has(i) ? [i] : []));
  return { pass: wrong.length === 0 && missed.length === 0, wrong, missed };
}

/** The right options' indices: a quiz's solution ("Show solution" picks them). */
export function quizAnswer(quiz: Quiz): number[] {
  return quiz.options.flatMap((o, i) => (o.correct ? [i] : []));
}

/**
 * Picks that must NOT pass a quiz, for the headless play-through: nothing
 * picked, everything picked, and each wrong option alone. A quiz that passes
 * any of them could be answered without knowing the answer.
 */
export function quizWrongAnswers(quiz: Quiz): { label: string; picked: number[] }[] {
  const all = quiz.options.map((_o, i) => i);
  return [
    { label: 'nothing picked', picked: [] },
    { label: 'every option picked', picked: all },
    ...all.filter((i) => !quiz.options[i].correct).map((i) => ({ label: `only "${quiz.options[i].text}" picked`, picked: [i] })),
  ];
}
