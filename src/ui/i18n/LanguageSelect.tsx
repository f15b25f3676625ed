import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, toLanguage, type Language } from './index';

/**
 * The top bar's language picker. Each language is named in itself, and the control's name
 * keeps the English word beside the translation, so it can be found whatever is showing.
 */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const current = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const label = current === 'en' ? t('language.label') : `${t('language.label')} (Language)`;
  return (
    <label className="language" title={label}>
      <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true" className="language-icon">
        <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.2" />
        <path d="M1.5 8h13M8 1.5c-2.2 2.3-2.2 10.7 0 13M8 1.5c2.2 2.3 2.2 10.7 0 13" fill="none" stroke="currentColor" strokeWidth="1.2" />
      </svg>
      <select aria-label={label} value={current} onChange={(e) => void changeLanguage(e.target.value as Language)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
