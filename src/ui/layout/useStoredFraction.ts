import { useCallback, useState } from 'react';

function read(key: string, fallback: number): number {
  try {
    const v = Number(window.localStorage.getItem(key));
    return v > 0 && v < 1 ? v : fallback;
  } catch {
    return fallback;
  }
}

/**
 * A split position (0..1) remembered in localStorage (a view preference, not part of the session).
 * Another key (another arrangement) reads its own position, without remounting what the split holds.
 */
export function useStoredFraction(key: string, fallback: number): [number, (v: number) => void] {
  const [stored, setStored] = useState(() => ({ key, value: read(key, fallback) }));
  let value = stored.value;
  if (stored.key !== key) {
    value = read(key, fallback);
    setStored({ key, value });
  }
  const update = useCallback(
    (v: number) => {
      setStored({ key, value: v });
      try {
        window.localStorage.setItem(key, v.toFixed(3));
      } catch {
        // storage may be unavailable (private mode); the split still works for this visit
      }
    },
    [key],
  );
  return [value, update];
}
