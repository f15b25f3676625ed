import { useTranslation } from 'react-i18next';
import type { ActiveLesson } from '../../state/index';
import type { Lesson } from '../../tutor/index';
import { useAppStore } from '../hooks/useApp';

/** The lesson's steps as numbered dots: the current one marked, passed ones checked; each jumps to its step. */
export function StepNav({ lesson, active }: { lesson: Lesson; active: ActiveLesson }) {
  const { t } = useTranslation();
  const store = useAppStore();
  return (
    <nav className="lesson-steps" aria-label={t('lessons.steps')}>
      <ol>
        {lesson.steps.map((s, i) => {
          const passed = active.passed.includes(s.id);
          const name = t('lessons.goToStep', {
            n: i + 1,
            title: passed ? t('lessons.stepPassed', { title: s.title }) : s.title,
          });
          return (
            <li key={s.id}>
              <button
                type="button"
                className={`lesson-step-dot${passed ? ' passed' : ''}${i === active.step ? ' current' : ''}`}
                aria-label={name}
                title={name}
                aria-current={i === active.step ? 'step' : undefined}
                onClick={() => store.getState().goToStep(i)}
              >
                {passed ? '✓' : i + 1}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
