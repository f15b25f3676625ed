import { useTranslation } from 'react-i18next';
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

/**
 * Under the editor: where the cursor is, how many problems the file has,
 * kubectl's first error in this file (click to go there), and the shortcut.
 */
export function EditorStatusBar({ active, status, diagnostics, onReveal }: EditorStatusBarProps) {
  const { t } = useTranslation();
  const first = diagnostics[0];
  const schema = status?.schema;
  return (
    <div className="editor-status">
      {first ? (
        <button type="button" className="editor-status-error" onClick={() => onReveal(first)} title={t('status.goToError')}>
          <span className="status-mark error" aria-hidden="true">
            ✕
          </span>
          <span>
            {t('status.errorAt', { line: first.line, column: first.column, message: first.message.split('\n')[0] })}
          </span>
        </button>
      ) : (
        <span className="editor-status-where">
          {status ? t('status.cursor', { line: status.line, column: status.column }) : ''}
          {status && (
            <span className="editor-status-problems" title={t('status.problemsTitle')}>
              <span className="status-mark error" aria-hidden="true">
                ✕
              </span>
              {t('status.errors', { count: status.errors })}
              <span className="sr-only">, </span>
              <span className="status-mark warn" aria-hidden="true">
                ⚠
              </span>
              {t('status.warnings', { count: status.warnings })}
            </span>
          )}
          {schema === 'loading' && <span className="muted">{t('status.schemaLoading')}</span>}
          {schema && typeof schema === 'object' && <span className="muted">{t('status.noSchema', { error: schema.error })}</span>}
        </span>
      )}
      {active && !first && (
        <span className="editor-status-hint" title={t('status.applyHintTitle', { file: active })}>
          <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd>+<kbd>Enter</kbd> {t('status.applies')}
        </span>
      )}
    </div>
  );
}
