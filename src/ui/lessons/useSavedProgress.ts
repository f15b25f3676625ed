import { useEffect } from 'react';
import { readSavedProgress } from '../../state/index';
import { useAppStore } from '../hooks/useApp';

/** localStorage key of lesson progress (by lesson id and step id). */
export const PROGRESS_KEY = 'kubeplay.lessons.v1';

/**
 * Keeps lesson progress in this browser: read back once when the page opens
 * (so the lesson list shows it after a reload) and saved whenever a step is
 * reached or passes. Storage that is unavailable or full is simply skipped.
 */
export function useSavedProgress(): void {
  const store = useAppStore();
  useEffect(() => {
    try {
      const raw = localStorage.getItem(PROGRESS_KEY);
      if (raw) store.getState().restoreLessonProgress(readSavedProgress(JSON.parse(raw)));
    } catch {
      // Unreadable or unavailable: start without saved progress.
    }
    return store.subscribe((state, previous) => {
      if (state.lessonProgress === previous.lessonProgress) return;
      try {
        localStorage.setItem(PROGRESS_KEY, JSON.stringify(state.lessonProgress));
      } catch {
        // Private mode or a full quota: progress lives in the page only.
      }
    });
  }, [store]);
}
