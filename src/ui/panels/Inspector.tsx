import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectInspector, selectNow, selectSelection, type ObjectRef } from '../../state/index';
import { useApp } from '../hooks/useApp';
import { DeploymentOverview } from './DeploymentOverview';
import { EventsTable } from './EventsTable';
import { NodeOverview } from './NodeOverview';
import { PodOverview } from './PodOverview';
import { SchedulingView } from './SchedulingView';
import { ServiceOverview } from './ServiceOverview';
import { Tabs, type TabSpec } from './Tabs';
import { useInspectorRefresh } from './useInspectorRefresh';
import './panels.css';

type Tab = 'overview' | 'describe' | 'events' | 'scheduling';

function tabsFor(ref: ObjectRef, events: number, t: TFunction): TabSpec<Tab>[] {
  const tabs: TabSpec<Tab>[] = [
    { id: 'overview', label: t('inspector.overview') },
    { id: 'describe', label: t('inspector.describe') },
    { id: 'events', label: events > 0 ? t('inspector.eventsCount', { count: events }) : t('inspector.events') },
  ];
  if (ref.kind === 'Pod') tabs.push({ id: 'scheduling', label: t('inspector.why') });
  return tabs;
}

/**
 * The panel for the selected pod, node, Deployment or Service: an overview
 * with its actions, `kubectl describe`, its events and, for a pod, the
 * scheduler's decision. It sits beside the drawing, which makes room for it.
 */
export function Inspector() {
  const { t } = useTranslation();
  const selection = useApp(selectSelection);
  const inspector = useApp(selectInspector);
  const now = useApp(selectNow);
  const select = useApp((s) => s.select);
  const [tab, setTab] = useState<Tab>('overview');
  const closeRef = useRef<HTMLButtonElement>(null);
  useInspectorRefresh();
  const kind = selection?.kind;
  useEffect(() => {
    // A pod has a tab the others lack: fall back to the overview when it goes.
    if (kind !== 'Pod') setTab((t) => (t === 'scheduling' ? 'overview' : t));
  }, [kind]);
  const gone = inspector !== undefined && !inspector.exists;
  useEffect(() => {
    // When the object disappears under the learner's focus (the button they pressed is gone), keep focus in the panel.
    if (!gone) return;
    const active = document.activeElement;
    if (!active || active === document.body || active.closest('#inspector')) closeRef.current?.focus();
  }, [gone]);
  if (!selection) return null;
  const details = inspector && sameRef(inspector.ref, selection) ? inspector : undefined;
  const tabs = tabsFor(selection, details?.events.length ?? 0, t);
  const current = tabs.some((t) => t.id === tab) ? tab : 'overview';
  const title = `${selection.kind} ${selection.name}`;
  return (
    <aside id="inspector" className="inspector" aria-label={title} onKeyDown={(e) => e.key === 'Escape' && select(undefined)}>
      <div className="inspector-header">
        <span className="inspector-kind">{selection.kind}</span>
        <h3 className="inspector-title">{selection.name}</h3>
        <button ref={closeRef} type="button" className="icon-button" aria-label={t('common.close')} onClick={() => select(undefined)}>
          ×
        </button>
      </div>
      <Tabs tabs={tabs} current={current} onChange={setTab} idPrefix="inspector" label={t('inspector.details', { kind: selection.kind, name: selection.name })} />
      <div className="inspector-body" role="tabpanel" id={`inspector-panel-${current}`} aria-labelledby={`inspector-tab-${current}`} tabIndex={0}>
        {current === 'overview' && <Overview target={selection} />}
        {current === 'describe' &&
          (details?.describe !== undefined ? <pre className="describe">{details.describe}</pre> : <p className="muted panel-empty">{details && !details.exists ? t('inspector.goneDescribe') : t('inspector.loading')}</p>)}
        {current === 'events' && <EventsTable events={details?.events ?? []} now={now} showObject={false} empty={t('inspector.noEvents', { name: selection.name })} />}
        {current === 'scheduling' && <SchedulingView decision={details?.decision} podName={selection.name} />}
      </div>
    </aside>
  );
}

function Overview({ target }: { target: ObjectRef }) {
  switch (target.kind) {
    case 'Pod':
      return <PodOverview target={target} />;
    case 'Node':
      return <NodeOverview target={target} />;
    case 'Deployment':
      return <DeploymentOverview target={target} />;
    case 'Service':
      return <ServiceOverview target={target} />;
  }
}

function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a.kind === b.kind && a.name === b.name && (a.namespace ?? 'default') === (b.namespace ?? 'default');
}
