import { useEffect } from 'react';
import { STARTER_FILES } from '../../state/index';
import { useAppStore } from '../hooks/useApp';

const KEY = 'kubeplay.files.v1';

interface Saved {
  readonly files: Record<string, string>;
  readonly order: readonly string[];
  readonly active?: string;
}

function read(): Saved | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return undefined;
    const saved = JSON.parse(raw) as Partial<Saved>;
    if (!saved || typeof saved.files !== 'object' || !Array.isArray(saved.order)) return undefined;
    return saved as Saved;
  } catch {
    return undefined;
  }
}

/** Whether the files are still the starter files, untouched (nothing else was loaded, e.g. a shared scenario). */
function pristine(files: Readonly<Record<string, string>>): boolean {
  const names = Object.keys(files);
  return names.length === Object.keys(STARTER_FILES).length && names.every((n) => files[n] === STARTER_FILES[n]);
}

let restored = false;

/**
 * Keeps the files in this browser (localStorage) as they are typed, and
 * brings them back when the page opens again: a reload never loses work.
 * Saved files come back once per page, and only over the untouched starter
 * files (never over files something else loaded). If storage is unavailable
 * or full, the files simply live in the page.
 */
export function useSavedFiles(): void {
  const store = useAppStore();
  useEffect(() => {
    if (!restored) {
      restored = true;
      const saved = read();
      if (saved && pristine(store.getState().files)) store.getState().restoreFiles(saved.files, saved.order, saved.active);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      timer = undefined;
      const { files, fileOrder, activeFile } = store.getState();
      try {
        localStorage.setItem(KEY, JSON.stringify({ files, order: fileOrder, active: activeFile } satisfies Saved));
      } catch {
        // Private mode or a full quota: nothing to do but keep working.
      }
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.files === previous.files && state.fileOrder === previous.fileOrder && state.activeFile === previous.activeFile) return;
      timer ??= setTimeout(save, 250);
    });
    const flush = () => {
      if (timer !== undefined) {
        clearTimeout(timer);
        save();
      }
    };
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [store]);
}
