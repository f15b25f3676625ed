import type { FileDiagnostic } from '../../state/index';
import type { EditorStatus } from '../editor/CodeEditor';

interface EditorStatusBarProps {
  readonly active: string | undefined;
  readonly status: EditorStatus | undefined;
  /** kubectl's diagnostics for the active file. */
  readonly diagnostics: readonly FileDiagnostic[];
  readonly onReveal: (diagnostic: FileDiagnostic) => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Under the editor: where the cursor is, how many problems the file has,
 * kubectl's first error in this file (click to go there), and the shortcut.
 */
export function EditorStatusBar({ active, status, diagnostics, onReveal }: EditorStatusBarProps) {
  const first = diagnostics[0];
  const schema = status?.schema;
  return (
    <div className="editor-status">
      {first ? (
        <button type="button" className="editor-status-error" onClick={() => onReveal(first)} title="Go to the place kubectl pointed at">
          <span className="status-mark error" aria-hidden="true">
            ✕
          </span>
          <span>
            Line {first.line}, column {first.column}: {first.message.split('\n')[0]}
          </span>
        </button>
      ) : (
        <span className="editor-status-where">
          {status ? `Ln ${status.line}, Col ${status.column}` : ''}
          {status && (
            <span className="editor-status-problems" title="Problems found while you type (F8 goes to the next one)">
              <span className="status-mark error" aria-hidden="true">
                ✕
              </span>
              {plural(status.errors, 'error')}
              <span className="sr-only">, </span>
              <span className="status-mark warn" aria-hidden="true">
                ⚠
              </span>
              {plural(status.warnings, 'warning')}
            </span>
          )}
          {schema === 'loading' && <span className="muted">Loading the Kubernetes schema…</span>}
          {schema && typeof schema === 'object' && <span className="muted">No schema checks: {schema.error}</span>}
        </span>
      )}
      {active && !first && (
        <span className="editor-status-hint" title={`Apply runs kubectl apply -f ${active} in the terminal`}>
          <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd>+<kbd>Enter</kbd> applies
        </span>
      )}
    </div>
  );
}
