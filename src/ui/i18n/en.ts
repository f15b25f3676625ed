/**
 * English interface strings: the source of truth for the keys. `zh-CN.ts` must have exactly
 * the same keys (the type checker and `i18n.test.ts` both hold it to that). Kubernetes terms and
 * everything kubectl prints stay as they are; DESIGN.md's accessible names ("Terminal",
 * "Apply", "Speed", "Kill pod", …) are not keys here: they are the same in every language.
 * Interpolation is i18next's `{{name}}`; plurals use the `_one` / `_other` suffixes.
 */
export const en = {
  app: {
    tagline: 'Kubernetes {{version}}, simulated in your browser',
    resizeTerminal: 'Resize the terminal',
    resizeEditor: 'Resize the editor',
    resizeInspector: 'Resize the details panel',
  },
  language: {
    label: 'Language',
    en: 'English',
    'zh-CN': '简体中文',
  },
  topbar: {
    reset: 'Reset',
    resetTitle: 'Start again from a fresh default cluster',
    speedCaption: 'Speed',
    paused: 'Paused',
    pause: 'Pause',
    resume: 'Resume',
    pauseTitle: 'Pause time',
    resumeTitle: 'Resume time',
    clockCaption: 'Virtual time',
    clockTitle: 'Virtual time {{iso}}',
    clockLabel: 'Virtual time {{elapsed}} since the cluster started',
  },
} as const;

/** The shape every language provides: the same keys as English, each a string. */
export type Messages = { readonly [K in keyof typeof en]: Strings<(typeof en)[K]> };
type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
