import { useTranslation } from 'react-i18next';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { selectEvents, selectWarningCount, selectNow, selectSelection, type EventRecord, type SelectableKind } from '../../state/index';
import { filterEvents } from '../../viz/index';
import { useApp } from '../hooks/useApp';
import { EventsTable } from '../panels/EventsTable';
import { OrphanPodsNotice } from '../panels/OrphanPodsNotice';
import { Tabs } from '../panels/Tabs';
import { ControlPlaneLog } from './ControlPlaneLog';
import './events.css';

/** Rows drawn at most (the feed keeps 300 events; older ones are in `kubectl get events`). */
const SHOWN = 200;

type Tab = 'events' | 'controlPlane';

/**
 * The cluster's events as `kubectl get events -w` shows them, newest at the
 * bottom, filtered by object (text, the selected object, warnings only);
 * and the control plane's own log of what each component did.
 */
export function EventsFeed({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const events = useApp(selectEvents);
  const now = useApp(selectNow);
  const selection = useApp(selectSelection);
  const select = useApp((s) => s.select);
  const [tab, setTab] = useState<Tab>('events');
  const [text, setText] = useState('');
  const [warningsOnly, setWarningsOnly] = useState(false);
  const [onlySelected, setOnlySelected] = useState(false);
  const object = onlySelected && selection ? { kind: selection.kind, name: selection.name, namespace: selection.kind === 'Node' ? undefined : (selection.namespace ?? 'default') } : undefined;
  const shown = useMemo(() => filterEvents(events, { text, warningsOnly, object }).slice(-SHOWN), [events, text, warningsOnly, object?.kind, object?.name, object?.namespace]);
  const scroller = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  useLayoutEffect(() => {
    // Like `-w`: follow the newest line, unless the learner scrolled up to read.
    const el = scroller.current;
    if (el && stuck.current) el.scrollTop = el.scrollHeight;
  }, [shown, tab]);
  const pick = (e: EventRecord) => select({ kind: e.object.kind as SelectableKind, name: e.object.name, namespace: e.object.kind === 'Node' ? undefined : (e.object.namespace ?? e.namespace) });
  return (
    <section id="events-feed" className="events-feed" aria-labelledby="events-feed-title">
      <div className="events-feed-header">
        <h3 id="events-feed-title" className="sr-only">
          {t('feed.title')}
        </h3>
        <Tabs
          tabs={[
            { id: 'events', label: t('feed.events', { count: events.length }) },
            { id: 'controlPlane', label: t('feed.controlPlane') },
          ]}
          current={tab}
          onChange={setTab}
          idPrefix="feed"
          label={t('feed.title')}
        />
        {tab === 'events' && (
          <div className="events-filters">
            <input type="search" className="events-filter" placeholder={t('feed.filterPlaceholder')} aria-label={t('feed.filterLabel')} value={text} onChange={(e) => setText(e.target.value)} />
            <label>
              <input type="checkbox" checked={warningsOnly} onChange={(e) => setWarningsOnly(e.target.checked)} /> {t('feed.warningsOnly')}
            </label>
            <label title={selection ? t('feed.onlyAbout', { kind: selection.kind, name: selection.name }) : t('feed.selectFirst')}>
              <input type="checkbox" checked={onlySelected} disabled={!selection} onChange={(e) => setOnlySelected(e.target.checked)} /> {t('feed.selectedOnly')}
            </label>
          </div>
        )}
        <button type="button" className="icon-button" aria-label={t('feed.close')} onClick={onClose}>
          ×
        </button>
      </div>
      {/* Above the scroller, which follows the newest event: the notice stays in view. */}
      {tab === 'events' && <OrphanPodsNotice compact />}
      <div
        className="events-feed-body"
        ref={scroller}
        role="tabpanel"
        id={`feed-panel-${tab}`}
        aria-labelledby={`feed-tab-${tab}`}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          stuck.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {tab === 'events' ? (
          <EventsTable events={shown} now={now} onObject={pick} caption={t('feed.caption')} empty={events.length === 0 ? t('feed.noEvents') : t('feed.noMatch')} />
        ) : (
          <ControlPlaneLog />
        )}
      </div>
    </section>
  );
}

/** How many warnings the feed holds (the button's badge). */
export function useWarningCount(): number {
  return useApp(selectWarningCount);
}

