import { useTranslation } from 'react-i18next';
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
export function EventsTable({ events, now, showObject = true, empty, onObject, caption }: EventsTableProps) {
  const { t } = useTranslation();
  if (events.length === 0) return <p className="muted panel-empty">{empty ?? t('events.none')}</p>;
  return (
    <table className="events-table" role="table">
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader" className="ev-age">
            {t('events.lastSeen')}
          </th>
          <th scope="col" role="columnheader" className="ev-type">
            {t('events.type')}
          </th>
          <th scope="col" role="columnheader" className="ev-reason">
            {t('events.reason')}
          </th>
          {showObject && (
            <th scope="col" role="columnheader" className="ev-object">
              {t('events.object')}
            </th>
          )}
          <th scope="col" role="columnheader" className="ev-message">
            {t('events.message')}
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {events.map((e) => {
          const object = `${e.object.kind.toLowerCase()}/${e.object.name}`;
          return (
            <tr role="row" key={e.key} className={e.type === 'Warning' ? 'is-warning' : undefined}>
              <td role="cell" className="mono ev-age">{humanDuration(now - e.lastAt)}</td>
              <td role="cell" className="ev-type">
                {e.type === 'Warning' ? <span aria-hidden="true">⚠ </span> : null}
                {e.type}
              </td>
              <td role="cell" className="ev-reason" title={e.reason}>
                {e.reason}
              </td>
              {showObject && (
                // Clipped to its column; the whole name shows on hover (title) and while focused.
                <td role="cell" className="mono ev-object" title={object}>
                  {onObject && SELECTABLE.has(e.object.kind) ? (
                    <button type="button" className="link-button" onClick={() => onObject(e)}>
                      {object}
                    </button>
                  ) : (
                    <span>{object}</span>
                  )}
                </td>
              )}
              <td role="cell" className="ev-message">
                {e.message}
                {e.count > 1 ? <span className="muted"> (×{e.count})</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
