import { useTranslation } from 'react-i18next';
import { lazy, Suspense } from 'react';
import { SessionBar } from '../history/SessionBar';
import { TerminalTranscript } from './TerminalTranscript';

const Terminal = lazy(() => import('./Terminal'));

/**
 * The terminal panel: the session bar (undo, timeline, scenarios), the (lazily loaded) terminal and
 * its text transcript. `minimal` (the embedded view) leaves the session bar out: nothing is kept there.
 */
export function TerminalPanel({ minimal = false }: { minimal?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="panel terminal">
      {minimal ? null : <SessionBar />}
      <Suspense fallback={<div className="terminal-loading">{t('app.terminalStarting')}</div>}>
        <Terminal />
      </Suspense>
      <TerminalTranscript />
    </div>
  );
}
