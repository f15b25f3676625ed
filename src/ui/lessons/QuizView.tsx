import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizView as Quiz } from '../../state/index';
import { InlineMarkdown } from './Markdown';

/**
 * A quiz step's question as a group of radio buttons (one right answer) or check boxes (several):
 * the group is named by the question; the check follows the picks.
 */
export function QuizView({ quiz, picks, locked, onPick }: { quiz: Quiz; picks: readonly number[]; locked: boolean; onPick: (index: number, picked: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const single = quiz.options.filter((o) => o.correct).length === 1;
  return (
    <fieldset className="lesson-quiz" aria-describedby={`${id}-how`}>
      <legend id={`${id}-q`}>
        <InlineMarkdown text={quiz.question} />
      </legend>
      <p id={`${id}-how`} className="lesson-quiz-how">
        {single ? t('lessons.pickOne') : t('lessons.pickAll')}
      </p>
      {quiz.options.map((o, i) => {
        const picked = picks.includes(i);
        return (
          <label key={i} className={`lesson-quiz-option${picked ? ' picked' : ''}${locked && o.correct ? ' right' : ''}`}>
            <input type={single ? 'radio' : 'checkbox'} name={`${id}-options`} checked={picked} disabled={locked && !picked} onChange={(e) => onPick(i, e.currentTarget.checked)} />
            <span>
              <InlineMarkdown text={o.text} />
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
