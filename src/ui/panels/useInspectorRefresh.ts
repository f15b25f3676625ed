import { useEffect, useRef } from 'react';
import { selectInspectedVersion, selectSelection } from '../../state/index';
import { useApp } from '../hooks/useApp';

/** At most this often (real time) the inspector reads describe, events and the scheduling decision again. */
const REFRESH_MS = 400;

/** Keeps the inspector's details fresh while the cluster changes, without re-describing on every frame. */
export function useInspectorRefresh(): void {
  const selection = useApp(selectSelection);
  // The version only while something is selected: a closed inspector does not re-render on every snapshot.
  const version = useApp(selectInspectedVersion);
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
