import { humanDuration } from '../../lib/duration';
import type { EventRecord } from '../../state/index';

/** Events as `kubectl get events` lists them: last seen, type, reason, object, message. */
export function EventsTable({ events, now, showObject = true, empty = 'No events.' }: { events: readonly EventRecord[]; now: number; showObject?: boolean; empty?: string }) {
  if (events.length === 0) return <p className="muted panel-empty">{empty}</p>;
  return (
    <table className="events-table">
      <thead>
        <tr>
          <th scope="col">Last seen</th>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          {showObject && <th scope="col">Object</th>}
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.key} className={e.type === 'Warning' ? 'is-warning' : undefined}>
            <td className="mono">{humanDuration(now - e.lastAt)}</td>
            <td>
              {e.type === 'Warning' ? <span aria-hidden="true">⚠ </span> : null}
              {e.type}
            </td>
            <td>{e.reason}</td>
            {showObject && (
              <td className="mono">
                {e.object.kind.toLowerCase()}/{e.object.name}
              </td>
            )}
            <td>
              {e.message}
              {e.count > 1 ? <span className="muted"> (×{e.count})</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
