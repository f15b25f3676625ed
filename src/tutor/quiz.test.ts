import { describe, expect, it } from 'vitest';
import { evaluateQuiz, quizAnswer, quizWrongAnswers, readQuiz } from './quiz';

const read = (lines: string[]) => {
  const errors: string[] = [];
  const quiz = readQuiz(lines, 10, (line, message) => errors.push(`${line}: ${message}`));
  return { quiz, errors };
};

const QUIZ = ['? Which of these does Kubernetes do for you?', '', '- Build your container image', '+ Restart a crashed container', '- Choose your logging stack', '+ Replace a Pod lost with its node'];

describe('readQuiz', () => {
  it('reads the question and the options in order, + marking the right ones', () => {
    const { quiz, errors } = read(QUIZ);
    expect(errors).toEqual([]);
    expect(quiz).toEqual({
      question: 'Which of these does Kubernetes do for you?',
      options: [
        { text: 'Build your container image', correct: false },
        { text: 'Restart a crashed container', correct: true },
        { text: 'Choose your logging stack', correct: false },
        { text: 'Replace a Pod lost with its node', correct: true },
      ],
    });
  });

  it('rejects a quiz that cannot be answered wrongly: no wrong option, no right option, a single option', () => {
    expect(read(['? Q', '+ a', '+ b']).errors).toEqual(['9: a quiz needs at least one wrong option ("- …"), or ticking everything would pass it']);
    expect(read(['? Q', '- a', '- b']).errors).toEqual(['9: a quiz needs at least one right option ("+ …")']);
    expect(read(['? Q', '+ a']).errors).toEqual(['9: a quiz needs at least two options ("- wrong", "+ right")']);
  });

  it('reports a missing or second question, a line of no kind and an option written twice, with their lines', () => {
    expect(read(['- a', '+ b']).errors).toEqual(['9: a `quiz` block needs a question: "? …"']);
    expect(read(['? Q', '- a', '? R', '+ b']).errors).toEqual(['12: a quiz has one question ("? …" line); write another step for another question']);
    expect(read(['- a', '? Q', '+ b']).errors).toEqual(['11: the question ("? …") comes before the options']);
    expect(read(['? Q', '* a', '+ b', '- c']).errors).toEqual(['11: not a quiz line: "* a" (write "? question", "- wrong option" or "+ right option")']);
    expect(read(['? Q', '- a', '+ b', '+ a']).errors).toEqual(['13: option "a" is written twice']);
  });
});

describe('evaluateQuiz', () => {
  const quiz = read(QUIZ).quiz!;

  it('passes exactly when every right option and no wrong one is picked, in any order', () => {
    expect(evaluateQuiz(quiz, [3, 1])).toEqual({ pass: true, wrong: [], missed: [] });
    expect(evaluateQuiz(quiz, [1])).toEqual({ pass: false, wrong: [], missed: [3] });
    expect(evaluateQuiz(quiz, [0, 1, 3])).toEqual({ pass: false, wrong: [0], missed: [] });
    expect(evaluateQuiz(quiz, [])).toEqual({ pass: false, wrong: [], missed: [1, 3] });
  });

  it('counts a pick that is no option as wrong instead of failing', () => {
    expect(evaluateQuiz(quiz, [1, 3, 9])).toEqual({ pass: false, wrong: [9], missed: [] });
  });

  it('gives the right options as the answer and the picks that must fail', () => {
    expect(quizAnswer(quiz)).toEqual([1, 3]);
    const wrong = quizWrongAnswers(quiz);
    expect(wrong.map((w) => w.label)).toEqual(['nothing picked', 'every option picked', 'only "Build your container image" picked', 'only "Choose your logging stack" picked']);
    for (const w of wrong) expect(evaluateQuiz(quiz, w.picked).pass).toBe(false);
  });
});
