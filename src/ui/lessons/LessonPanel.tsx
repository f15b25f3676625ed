import { useTranslation } from 'react-i18next';
import { findLesson } from '../../state/index';
import { useApp, useAppStore } from '../hooks/useApp';
import { LessonList } from './LessonList';
import { LessonView } from './LessonView';
import { useLessonLanguage } from './useLessonLanguage';
import './lessons.css';

/** The lesson column beside the playground: the lesson list, or the open lesson. */
export function LessonPanel() {
  const { t } = useTranslation();
  const store = useAppStore();
  const language = useLessonLanguage();
  const panel = useApp((s) => s.lessonPanel);
  const title = useApp((s) => {
    const found = s.lesson && findLesson(s.lessonCatalog, s.lesson.id);
    return found?.entry.translations[language].title;
  });
  const showing = panel === 'lesson' && title !== undefined;
  return (
    <section id="lesson-panel" className="panel lesson-panel" aria-labelledby="lesson-panel-title">
      <div className="panel-header lesson-header">
        {showing && (
          // Only the arrow shows: the column is narrow and the lesson's title needs the room.
          <button type="button" className="button lesson-back" aria-label={t('lessons.allLessons')} title={t('lessons.allLessons')} onClick={() => store.getState().showLessonList()}>
            <span aria-hidden="true">←</span>
          </button>
        )}
        <h2 id="lesson-panel-title" className={showing ? 'lesson-title' : 'panel-title'} aria-label={showing ? t('lessons.region', { title }) : undefined} title={showing ? title : undefined}>
          {showing ? title : t('lessons.heading')}
        </h2>
        <button type="button" className="icon-button lesson-close" aria-label={t('lessons.close')} title={t('lessons.close')} onClick={() => store.getState().closeLessonPanel()}>
          ×
        </button>
      </div>
      {showing ? <LessonView /> : <LessonList />}
    </section>
  );
}
