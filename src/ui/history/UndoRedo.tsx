import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { selectRedoLine, selectUndoLine } from '../../state/index';
import { isTyping } from '../hooks/isTyping';
import { useApp } from '../hooks/useApp';

/** Whether this platform names its main modifier Cmd (⌘) rather than Ctrl. */
const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const UNDO_KEYS = MAC ? '⌘Z' : 'Ctrl+Z';
const REDO_KEYS = MAC ? '⇧⌘Z' : 'Ctrl+Shift+Z / Ctrl+Y';

/**
 * Undo and Redo of the last command, by replay. Shortcuts: Ctrl/Cmd+Z and
 * Ctrl/Cmd+Shift+Z (or Ctrl+Y) when focus is not in a text field, the editor
 * or the terminal — those keep their own undo.
 */
export function UndoRedo() {
  const { t } = useTranslation();
  const undoLine = useApp(selectUndoLine);
  const redoLine = useApp(selectRedoLine);
  const fork = useApp((s) => s.fork);
  const blocked = useApp((s) => s.replaying || s.past !== undefined || s.booting);
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  const canUndo = !blocked && (undoLine !== undefined || fork !== undefined);
  const canRedo = !blocked && redoLine !== undefined;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      const isRedo = (key === 'z' && e.shiftKey) || (key === 'y' && e.ctrlKey && !e.shiftKey);
      const isUndo = key === 'z' && !e.shiftKey;
      if (!isUndo && !isRedo) return;
      e.preventDefault();
      if (isUndo && canUndo) void undo();
      if (isRedo && canRedo) void redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, canUndo, canRedo]);

  const undoTitle = fork ? t('session.undoForkTitle', { keys: UNDO_KEYS }) : undoLine ? t('session.undoTitle', { command: undoLine, keys: UNDO_KEYS }) : t('session.undoNothing');
  const redoTitle = redoLine ? t('session.redoTitle', { command: redoLine, keys: REDO_KEYS }) : t('session.redoNothing');
  return (
    <div className="undo-redo">
      <button type="button" className="icon-button" onClick={() => void undo()} disabled={!canUndo} aria-label={t('session.undo')} aria-keyshortcuts="Control+Z Meta+Z" title={undoTitle}>
        <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
          <path d="M6 3.5 2.5 7 6 10.5M3 7h6.5a4 4 0 0 1 0 8H7" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button type="button" className="icon-button" onClick={() => void redo()} disabled={!canRedo} aria-label={t('session.redo')} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y" title={redoTitle}>
        <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
          <path d="M10 3.5 13.5 7 10 10.5M13 7H6.5a4 4 0 0 0 0 8H9" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
    </div>
  );
}
