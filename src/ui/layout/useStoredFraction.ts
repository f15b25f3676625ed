import { useCallback, useState } from 'react';

function read(key: string, fallback: number): number {
  try {
    const v = Number(window.localStorage.getItem(key));
    return v > 0 && v < 1 ? v : fallback;
  } catch {
    return fallback;
  }
}

/** A split position (0..1) remembered in localStorage (a view preference, not part of the session). */
export function useStoredFraction(key: string, fallback: number): [number, (v: number) => void] {
  const [value, setValue] = useState(() => read(key, fallback));
  const update = useCallback(
    (v: number) => {
      setValue(v);
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
