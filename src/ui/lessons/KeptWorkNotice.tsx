import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStore } from '../hooks/useApp';

/** Said when a lesson started over the learner's work: where that work is kept, and a way back to it. */
export function KeptWorkNotice() {
  const { t } = useTranslation();
  const store = useAppStore();
  const kept = useApp((s) => s.lessonKept);
  const [problem, setProblem] = useState<string | undefined>();
  if (!kept) return null;
  const back = async () => {
    const result = await store.getState().backToKeptWork();
    setProblem(result.ok ? undefined : result.error);
  };
  return (
    <div className="lesson-kept" role="status">
      <p className="lesson-kept-text">{t('lessons.keptNotice', { name: kept.name })}</p>
      <div className="lesson-kept-actions">
        <button type="button" className="button" title={t('lessons.keptBackTitle', { name: kept.name })} onClick={() => void back()}>
          {t('lessons.keptBack')}
        </button>
        <button type="button" className="icon-button" aria-label={t('common.dismiss')} title={t('common.dismiss')} onClick={() => store.getState().dismissLessonKept()}>
          ×
        </button>
      </div>
      {problem && (
        <p className="lesson-note problem" role="alert">
          {t('lessons.keptBackFailed', { reason: problem })}
        </p>
      )}
    </div>
  );
}
