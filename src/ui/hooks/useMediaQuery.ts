import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches, kept live (e.g. `(prefers-reduced-motion: reduce)`). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
