import { useTranslation } from 'react-i18next';
import { lazy, Suspense } from 'react';
import { SessionBar } from '../history/SessionBar';
import { TerminalTranscript } from './TerminalTranscript';

const Terminal = lazy(() => import('./Terminal'));

/** The terminal panel: the session bar (undo, timeline, scenarios), the (lazily loaded) terminal and its text transcript. */
export function TerminalPanel() {
  const { t } = useTranslation();
  return (
    <div className="panel terminal">
      <SessionBar />
      <Suspense fallback={<div className="terminal-loading">{t('app.terminalStarting')}</div>}>
        <Terminal />
      </Suspense>
      <TerminalTranscript />
    </div>
  );
}
