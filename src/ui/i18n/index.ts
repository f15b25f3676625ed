/**
 * The interface's languages (English and 简体中文) with i18next. The choice is remembered in
 * localStorage; without one the browser's language decides (any `zh*` → 简体中文, else English).
 * English is bundled (it is also the fallback); Chinese is its own chunk, fetched when needed.
 * `<html lang>` follows the language.
 */
import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { setSwarmText, setVizText } from '../../viz/index';
import { en } from './en';
import { swarmTextOf } from './swarmVizText';
import { vizTextOf } from './vizText';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
/** localStorage key of the chosen language (a view preference, not part of the session). */
export const LANGUAGE_STORAGE_KEY = 'kubeplay.language';

/** Maps any BCP 47 tag the browser or storage offers onto one of ours. */
export function toLanguage(tag: string | null | undefined): Language {
  return tag && /^zh\b/i.test(tag.trim()) ? 'zh-CN' : 'en';
}

/** Resources by language; Chinese through a dynamic import so it stays out of the first chunk. */
const lazyResources: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (toLanguage(language) === 'en') {
      callback(null, en);
      return;
    }
    import('./zh-CN').then(
      ({ zhCN }) => callback(null, zhCN),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null),
    );
  },
};

function setDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = toLanguage(language);
}

/** The cluster drawing's words (viz/ cannot import ui/: it is handed them). */
function setDrawingLanguage(instance: I18n): void {
  setVizText(vizTextOf(instance.t));
  setSwarmText(swarmTextOf(instance.t));
}

/**
 * Creates and initialises the app's i18next instance; resolves once the detected language's
 * strings are loaded, so the first render is already in the right language.
 */
export async function initI18n(instance: I18n = i18next): Promise<I18n> {
  instance.use(lazyResources).use(LanguageDetector).use(initReactI18next);
  instance.on('languageChanged', (language: string) => {
    setDocumentLanguage(language);
    setDrawingLanguage(instance);
  });
  await instance.init({
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en',
    load: 'currentOnly',
    partialBundledLanguages: true,
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: (tag: string) => toLanguage(tag),
    },
    react: { useSuspense: false },
  });
  setDocumentLanguage(instance.language);
  setDrawingLanguage(instance);
  return instance;
}

/** Switches the interface language (remembered by the detector's cache). */
export function changeLanguage(language: Language, instance: I18n = i18next): Promise<unknown> {
  return instance.changeLanguage(language);
}

/**
 * The accessible name of a control whose English name DESIGN.md fixes ("Apply", "Kill pod",
 * "Stop node"): that name first, then the translated text the control shows, so the name still
 * starts with the fixed words and also contains what a voice-control user reads on screen
 * (WCAG 2.5.3, label in name).
 */
export function fixedName(english: string, shown: string): string {
  return shown === english ? english : `${english} ${shown}`;
}
