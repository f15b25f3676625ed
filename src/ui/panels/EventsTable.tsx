import { humanDuration } from '../../lib/duration';
import type { EventRecord } from '../../state/index';

const SELECTABLE = new Set(['Pod', 'Node', 'Deployment', 'Service']);

export interface EventsTableProps {
  events: readonly EventRecord[];
  now: number;
  showObject?: boolean;
  empty?: string;
  /** Makes the object of a pod, node, Deployment or Service event a button. */
  onObject?: (event: EventRecord) => void;
  caption?: string;
}

/** Events as `kubectl get events` lists them: last seen, type, reason, object, message. */
export function EventsTable({ events, now, showObject = true, empty = 'No events.', onObject, caption }: EventsTableProps) {
  if (events.length === 0) return <p className="muted panel-empty">{empty}</p>;
  return (
    <table className="events-table">
      {caption && <caption className="sr-only">{caption}</caption>}
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
                {onObject && SELECTABLE.has(e.object.kind) ? (
                  <button type="button" className="link-button" onClick={() => onObject(e)}>
                    {e.object.kind.toLowerCase()}/{e.object.name}
                  </button>
                ) : (
                  `${e.object.kind.toLowerCase()}/${e.object.name}`
                )}
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
