import type { FilesSlice } from './appState';
import type { GetState } from './storeKit';

/** Quotes a path for the shell when it holds anything but safe characters. */
function shellWord(text: string): string {
  return /^[\w./:=@-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export function createFilesSlice(get: GetState, files: Readonly<Record<string, string>>): FilesSlice {
  return {
    files,
    applyFile(path) {
      get().runCommand(`kubectl apply -f ${shellWord(path)}`, 'ui');
    },
  };
}
