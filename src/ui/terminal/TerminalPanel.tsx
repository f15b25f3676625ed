import { lazy, Suspense } from 'react';
import { TerminalTranscript } from './TerminalTranscript';

const Terminal = lazy(() => import('./Terminal'));

/** The terminal panel: the (lazily loaded) terminal and its text transcript. */
export function TerminalPanel() {
  return (
    <div className="panel terminal">
      <Suspense fallback={<div className="terminal-loading">Starting the terminal…</div>}>
        <Terminal />
      </Suspense>
      <TerminalTranscript />
    </div>
  );
}
