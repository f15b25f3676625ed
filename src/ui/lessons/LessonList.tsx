import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeNodes, markOf, selectStarted, stepsDone, type LessonMark } from '../../state/index';
import { useApp, useAppStore } from '../hooks/useApp';
import { StartLessonDialog, type DiscardQuestion } from './StartLessonDialog';
import { useLessonLanguage } from './useLessonLanguage';

const MARK_KEY: Record<LessonMark, 'lessons.markNotStarted' | 'lessons.markInProgress' | 'lessons.markDone'> = {
  'not-started': 'lessons.markNotStarted',
  'in-progress': 'lessons.markInProgress',
  done: 'lessons.markDone',
};

/** A mark's shape, so that it never relies on color alone. */
function MarkIcon({ mark }: { mark: LessonMark }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      {mark === 'done' ? (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M4.5 8.2l2.3 2.3 4.7-4.9" fill="none" stroke="var(--kp-surface)" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </>
      ) : mark === 'in-progress' ? (
        <>
          <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 1.8a6.2 6.2 0 0 1 0 12.4z" fill="currentColor" />
        </>
      ) : (
        <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeDasharray="2.4 2" />
      )}
    </svg>
  );
}

/** The lesson list: title, summary, time, prerequisites and a progress mark for each lesson. */
export function LessonList() {
  const { t } = useTranslation();
  const store = useAppStore();
  const language = useLessonLanguage();
  const catalog = useApp((s) => s.lessonCatalog);
  const progress = useApp((s) => s.lessonProgress);
  const active = useApp((s) => s.lesson?.id);
  const started = useApp(selectStarted);
  const [asking, setAsking] = useState<(DiscardQuestion & { id: string }) | undefined>();
  /** Starts a lesson, with its words in the interface's language; asks first when the learner's work cannot be kept. */
  const start = (id: string, discard = false) => {
    const entry = catalog.lessons.find((l) => l.id === id);
    if (!entry) return;
    const title = entry.translations[language].title;
    const nodes = describeNodes(entry.translations.en.cluster.workers ?? 3);
    const result = store.getState().startLesson(id, { notice: t('lessons.startNotice', { title, nodes }), scenarioName: t('lessons.scenarioName', { title }), discard });
    if (!result.ok && result.reason === 'unsaved-work') setAsking({ id, title, ...store.getState().learnerWork() });
  };
  if (catalog.status === 'loading' || catalog.status === 'idle') return <p className="lesson-note">{t('lessons.loading')}</p>;
  if (catalog.status === 'failed')
    return (
      <p className="lesson-note problem" role="alert">
        {t('lessons.failed', { reason: catalog.problems.join('; ') })}
      </p>
    );
  const titleOf = (id: string) => catalog.lessons.find((l) => l.id === id)?.translations[language].title ?? id;
  return (
    <div className="lesson-list">
      <p className="lesson-note">{t('lessons.listIntro')}</p>
      {catalog.problems.length > 0 && (
        <p className="lesson-note problem" title={catalog.problems.join('\n')}>
          {t('lessons.unreadable', { count: catalog.problems.length })}
        </p>
      )}
      <ol className="lesson-cards">
        {catalog.lessons.map((entry) => {
          const lesson = entry.translations[language];
          const mark = markOf(progress, entry);
          const ids = lesson.steps.map((s) => s.id);
          const done = stepsDone(progress[entry.id], ids);
          const isActive = active === entry.id;
          return (
            <li key={entry.id} className={`lesson-card mark-${mark}${isActive ? ' active' : ''}`} aria-labelledby={`lesson-title-${entry.id}`}>
              <div className="lesson-card-head">
                <span className="lesson-number" aria-hidden="true">
                  {entry.order}
                </span>
                <h3 id={`lesson-title-${entry.id}`} lang={language}>
                  {lesson.title}
                </h3>
                <span className={`lesson-mark mark-${mark}`}>
                  <MarkIcon mark={mark} />
                  {t(MARK_KEY[mark])}
                </span>
              </div>
              <p className="lesson-summary" lang={language}>
                {lesson.summary}
              </p>
              <p className="lesson-facts">
                <span>{t('lessons.minutes', { count: lesson.minutes })}</span>
                <span>
                  {lesson.prerequisites.length > 0
                    ? t('lessons.prerequisites', {
                        list: lesson.prerequisites.map(titleOf).join(', '),
                      })
                    : t('lessons.noPrerequisites')}
                </span>
                {mark !== 'not-started' && <span>{t('lessons.stepsDone', { done, total: ids.length })}</span>}
              </p>
              <div className="lesson-card-actions">
                {isActive && (
                  <button
                    type="button"
                    className="button primary"
                    aria-label={t('lessons.continueLabel', {
                      title: lesson.title,
                    })}
                    onClick={() => store.getState().showLesson()}
                  >
                    {t('lessons.continue')}
                  </button>
                )}
                <button
                  type="button"
                  className={`button${isActive ? '' : ' primary'}`}
                  disabled={!started}
                  aria-label={t(mark === 'not-started' && !isActive ? 'lessons.startLabel' : 'lessons.startAgainLabel', { title: lesson.title })}
                  title={started ? t('lessons.startTitle') : t('lessons.waitCluster')}
                  onClick={() => start(entry.id)}
                >
                  {mark === 'not-started' && !isActive ? t('lessons.start') : t('lessons.startAgain')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <StartLessonDialog
        question={asking}
        onCancel={() => setAsking(undefined)}
        onDiscard={() => {
          setAsking(undefined);
          if (asking) start(asking.id, true);
        }}
      />
    </div>
  );
}
