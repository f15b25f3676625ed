import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { checkOf, findLesson, quizOf } from '../../state/index';
import { useApp, useAppStore } from '../hooks/useApp';
import { CheckStatus } from './CheckStatus';
import { KeptWorkNotice } from './KeptWorkNotice';
import { InlineMarkdown, Markdown } from './Markdown';
import { QuizView } from './QuizView';
import { StepNav } from './StepNav';
import { useLessonLanguage } from './useLessonLanguage';

/**
 * The open lesson: its introduction (with the first step), the current step's explanation (its
 * commands with Run buttons), the files it opens, hints on request, the live check, Show solution,
 * and Previous / Next.
 * Everything it changes goes through the store's lesson actions.
 */
export function LessonView() {
  const { t } = useTranslation();
  const store = useAppStore();
  const language = useLessonLanguage();
  const active = useApp((s) => s.lesson);
  const catalog = useApp((s) => s.lessonCatalog);
  const bodyRef = useRef<HTMLDivElement>(null);
  const completeRef = useRef<HTMLElement>(null);
  const stepIndex = active?.step;
  const found = active && findLesson(catalog, active.id);
  const complete = !!active && !!found && active.step === found.lesson.steps.length - 1 && active.satisfied;
  // A new step starts at its top; the end of the lesson shows itself.
  useEffect(() => {
    bodyRef.current?.scrollTo({ top: 0 });
  }, [stepIndex]);
  useEffect(() => {
    if (complete) completeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [complete]);
  if (!active || !found) return null;
  const lesson = found.entry.translations[language];
  const step = lesson.steps[active.step];
  const actions = store.getState();
  const quiz = quizOf(step);
  const hasCheck = checkOf(step) !== undefined;
  const last = active.step === lesson.steps.length - 1;
  return (
    <div className="lesson-view" lang={language}>
      <StepNav lesson={lesson} active={active} />
      <KeptWorkNotice />
      <div className="lesson-body" ref={bodyRef}>
        {active.step === 0 && lesson.intro && (
          <section className="lesson-intro" aria-label={t('lessons.intro')}>
            <Markdown text={lesson.intro} type={actions.typeInTerminal} />
          </section>
        )}
        <h3 className="lesson-step-title">
          <span className="lesson-step-count">
            {t('lessons.stepOf', {
              n: active.step + 1,
              total: lesson.steps.length,
            })}
          </span>
          {step.title}
        </h3>
        <Markdown text={step.body} headingBase={4} type={actions.typeInTerminal} />
        {step.files.length > 0 && (
          <p className="lesson-files">
            {t('lessons.files')}{' '}
            {step.files.map((f) => (
              <button key={f.name} type="button" className="link-button" aria-label={t('lessons.openFile', { name: f.name })} onClick={() => actions.openFile(f.name)}>
                <code>{f.name}</code>
              </button>
            ))}
          </p>
        )}
        {quiz && <QuizView quiz={quiz} picks={active.picks} locked={active.satisfied} onPick={(i, on) => store.getState().pickQuizOption(i, on)} />}
        {step.hints.slice(0, active.hints).map((h, i) => (
          <aside key={i} className="lesson-hint" aria-label={t('lessons.hint', { n: i + 1 })}>
            <p>
              <strong>{t('lessons.hint', { n: i + 1 })}:</strong> <InlineMarkdown text={h} />
            </p>
          </aside>
        ))}
        <CheckStatus active={active} hasCheck={hasCheck} hasQuiz={quiz !== undefined} />
        <div className="lesson-actions">
          {active.hints < step.hints.length && (
            <button type="button" className="button" onClick={() => store.getState().revealHint()}>
              {active.hints === 0 ? t('lessons.showHint') : t('lessons.showAnotherHint')}
            </button>
          )}
          {active.playing ? (
            <span className="lesson-playing" role="status">
              <span className="settle-spinner" aria-hidden="true" />
              {active.playing === 'setup' ? t('lessons.playingSetup') : t('lessons.playingSolution')}
              <button type="button" className="button" onClick={() => store.getState().stopSolution()}>
                {t('lessons.stop')}
              </button>
            </span>
          ) : (
            <button type="button" className="button" title={t('lessons.solutionTitle')} onClick={() => void store.getState().showSolution()}>
              {hasCheck ? t('lessons.showSolution') : t('lessons.showAnswer')}
            </button>
          )}
        </div>
        {active.playProblem && (
          <p className="lesson-note problem" role="alert">
            {t('lessons.solutionStopped', { reason: active.playProblem })}
          </p>
        )}
        {complete && (
          <section className="lesson-complete" aria-label={t('lessons.complete')} ref={completeRef}>
            <h3>{t('lessons.complete')}</h3>
            <p>{t('lessons.completeBody')}</p>
            <button type="button" className="button primary" onClick={() => store.getState().showLessonList()}>
              {t('lessons.allLessons')}
            </button>
          </section>
        )}
      </div>
      <div className="lesson-footer">
        <button type="button" className="button" disabled={active.step === 0} onClick={() => store.getState().goToStep(active.step - 1)}>
          ← {t('lessons.previous')}
        </button>
        <span className="lesson-footer-count" aria-hidden="true">
          {active.step + 1} / {lesson.steps.length}
        </span>
        <button type="button" className={`button${active.satisfied && !last ? ' primary' : ''}`} disabled={last} onClick={() => store.getState().goToStep(active.step + 1)}>
          {t('lessons.next')} →
        </button>
      </div>
    </div>
  );
}
