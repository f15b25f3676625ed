import { useTranslation } from 'react-i18next';
import { useApp, useAppStore } from '../hooks/useApp';

/** The top bar's "Lessons": opens the lesson column (the open lesson, or the list), or closes it. */
export function LessonsButton() {
  const { t } = useTranslation();
  const store = useAppStore();
  const open = useApp((s) => s.lessonPanel !== 'closed');
  const toggle = () => {
    const s = store.getState();
    if (s.lessonPanel !== 'closed') s.closeLessonPanel();
    else if (s.lesson) s.showLesson();
    else s.showLessonList();
  };
  return (
    <button type="button" className={`button lessons-button${open ? ' active' : ''}`} aria-expanded={open} aria-controls="lesson-panel" title={t('lessons.openTitle')} onClick={toggle}>
      <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
        <path d="M2 3.5c2-.9 4-.9 6 .5 2-1.4 4-1.4 6-.5v9c-2-.9-4-.9-6 .5-2-1.4-4-1.4-6-.5z M8 4v9" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
      </svg>
      <span className="button-caption">{t('lessons.open')}</span>
    </button>
  );
}
