import { useEffect, useRef } from 'react';
import { selectSelection, selectSnapshot } from '../../state/index';
import { useApp } from '../hooks/useApp';

/** At most this often (real time) the inspector reads describe, events and the scheduling decision again. */
const REFRESH_MS = 400;

/** Keeps the inspector's details fresh while the cluster changes, without re-describing on every frame. */
export function useInspectorRefresh(): void {
  const selection = useApp(selectSelection);
  const version = useApp(selectSnapshot).version;
  const refresh = useApp((s) => s.refreshInspector);
  const last = useRef(0);
  useEffect(() => {
    if (!selection) return;
    const run = () => {
      last.current = performance.now();
      refresh();
    };
    const wait = REFRESH_MS - (performance.now() - last.current);
    if (wait <= 0) {
      run();
      return;
    }
    const timer = setTimeout(run, wait);
    return () => clearTimeout(timer);
  }, [selection, version, refresh]);
}
