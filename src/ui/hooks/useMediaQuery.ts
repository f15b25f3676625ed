import { useCallback, useMemo, useSyncExternalStore } from 'react';

/**
 * Whether a CSS media query matches, kept live (e.g. `(prefers-reduced-motion: reduce)`).
 * One MediaQueryList per query, subscribed once: a new subscribe function on every
 * render would make React unsubscribe and subscribe again each time the cluster changes.
 */
export function useMediaQuery(query: string): boolean {
  const list = useMemo(() => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : undefined), [query]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    [list],
  );
  return useSyncExternalStore(
    subscribe,
    () => list?.matches ?? false,
    () => false,
  );
}
