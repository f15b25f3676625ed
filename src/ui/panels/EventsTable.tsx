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
    <table className="events-table">
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('events.lastSeen')}</th>
          <th scope="col">{t('events.type')}</th>
          <th scope="col">{t('events.reason')}</th>
          {showObject && <th scope="col">{t('events.object')}</th>}
          <th scope="col">{t('events.message')}</th>
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
