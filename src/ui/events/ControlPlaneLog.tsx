import { humanDuration } from '../../lib/duration';
import { selectNotes, selectNow } from '../../state/index';
import { noteLines } from '../../viz/index';
import { useApp } from '../hooks/useApp';

/** What each component said it did, oldest first: the control loops at work. */
export function ControlPlaneLog() {
  const notes = useApp(selectNotes);
  const now = useApp(selectNow);
  const lines = noteLines(notes);
  if (lines.length === 0) return <p className="muted panel-empty">Nothing yet: create a Deployment and watch the controllers take turns.</p>;
  return (
    <ol className="cp-log" aria-label="Control plane log">
      {lines.map((l) => (
        <li key={l.seq}>
          <span className="cp-log-age mono">{humanDuration(now - l.at)}</span> <span className="cp-log-actor">{l.actor}</span> <span className="cp-log-text">{l.text}</span>
        </li>
      ))}
    </ol>
  );
}
