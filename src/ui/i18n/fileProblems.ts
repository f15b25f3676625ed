import type { TFunction } from 'i18next';

/**
 * The files slice (state/) explains a bad file name in English; this puts its sentences into
 * the interface language. A sentence it does not know is shown as it is.
 */
const PATTERNS: readonly [RegExp, (t: TFunction, name: string) => string][] = [
  [/^A file needs a name\.$/, (t) => t('fileName.empty')],
  [/^A name cannot start or end with a space\.$/, (t) => t('fileName.spaces')],
  [/^Keep names under 100 characters\.$/, (t) => t('fileName.long')],
  [/^Folders are separated by "\/"/, (t) => t('fileName.backslash')],
  [/^A path names folders and a file/, (t) => t('fileName.slash')],
  [/^A path cannot hold "\." or "\.\."/, (t) => t('fileName.dotFolder')],
  [/^There is already a folder named (.*)\.$/, (t, name) => t('fileName.folderExists', { name })],
  [/^(.*) is a file, not a folder\.$/, (t, name) => t('fileName.fileInPath', { name })],
  [/^Names cannot hold control characters\.$/, (t) => t('fileName.control')],
  [/^A name cannot start with "-"/, (t) => t('fileName.dash')],
  [/^"(.*)" is not a file name\.$/, (t, name) => t('fileName.dots', { name })],
  [/^There is already a file named (.*)\.$/, (t, name) => t('fileName.exists', { name })],
  [/^There is no file named (.*)\.$/, (t, name) => t('fileName.missing', { name })],
];

export function translateFileProblem(problem: string, t: TFunction): string {
  for (const [pattern, say] of PATTERNS) {
    const m = pattern.exec(problem);
    if (m) return say(t, m[1] ?? '');
  }
  return problem;
}
