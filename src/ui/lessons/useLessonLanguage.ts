import { useTranslation } from 'react-i18next';
import type { LessonLanguage } from '../../tutor/index';
import { toLanguage } from '../i18n/index';

/** The language lesson text is shown in: the interface's. */
export function useLessonLanguage(): LessonLanguage {
  const { i18n } = useTranslation();
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}
