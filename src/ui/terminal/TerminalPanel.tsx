import { useTranslation } from 'react-i18next';
import { lazy, Suspense } from 'react';
import { TerminalTranscript } from './TerminalTranscript';

const Terminal = lazy(() => import('./Terminal'));

/** The terminal panel: the (lazily loaded) terminal and its text transcript. */
export function TerminalPanel() {
  const { t } = useTranslation();
  return (
    <div className="panel terminal">
      <Suspense fallback={<div className="terminal-loading">{t('app.terminalStarting')}</div>}>
        <Terminal />
      </Suspense>
      <TerminalTranscript />
    </div>
  );
}
