import { useEffect, useMemo, useRef } from 'react';
import { humanDuration } from '../../lib/duration';
import { selectNow, selectSelectedPod, selectSnapshot } from '../../state/index';
import { buildClusterView, LOOK_DESCRIPTION } from '../../viz/index';
import { useApp } from '../hooks/useApp';
import { usePanelSide } from './usePanelSide';

/** The selected pod: a few facts and its actions. Each action is a command in the terminal. */
export function PodPanel() {
  const selected = useApp(selectSelectedPod);
  const snapshot = useApp(selectSnapshot);
  const now = useApp(selectNow);
  const selectPod = useApp((s) => s.selectPod);
  const killPod = useApp((s) => s.killPod);
  const crashContainer = useApp((s) => s.crashContainer);
  const closeRef = useRef<HTMLButtonElement>(null);
  const view = useMemo(() => buildClusterView(snapshot), [snapshot]);
  const key = selected ? `${selected.namespace}/${selected.name}` : '';
  const pod = useMemo(() => {
    for (const n of view.nodes) for (const p of n.pods) if (p.key === key) return p;
    return view.unscheduled.find((p) => p.key === key);
  }, [view, key]);
  const gone = selected !== undefined && pod === undefined;
  const side = usePanelSide('pod', selected ? key : undefined);

  useEffect(() => {
    // When the pod disappears under the learner's focus, keep focus in the panel.
    if (gone && document.activeElement?.closest('#pod-panel')) closeRef.current?.focus();
  }, [gone]);

  if (!selected) return null;
  return (
    <aside id="pod-panel" className={`pod-panel on-${side}`} aria-label={`Pod ${selected.name}`}>
      <div className="pod-panel-header">
        <h3 className="pod-panel-title">{selected.name}</h3>
        <button ref={closeRef} type="button" className="icon-button" aria-label="Close" onClick={() => selectPod(undefined)}>
          ×
        </button>
      </div>
      {pod ? (
        <>
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <span className={`status-dot look-${pod.look}`} aria-hidden="true" />
              {pod.status} <span className="muted">({LOOK_DESCRIPTION[pod.look]})</span>
            </dd>
            <dt>Ready</dt>
            <dd>{pod.ready}</dd>
            <dt>Node</dt>
            <dd>{pod.nodeName ?? <span className="muted">not scheduled</span>}</dd>
            <dt>IP</dt>
            <dd>{pod.podIP ?? <span className="muted">none yet</span>}</dd>
            <dt>Restarts</dt>
            <dd>{pod.restarts}</dd>
            <dt>Age</dt>
            <dd>{pod.createdAt !== undefined ? humanDuration(now - pod.createdAt) : '—'}</dd>
          </dl>
          <div className="pod-actions">
            <button type="button" className="button danger" onClick={() => killPod(selected)} title={`kubectl delete pod ${selected.name} --grace-period=0 --force`}>
              Kill pod
            </button>
            <button type="button" className="button" onClick={() => crashContainer(selected)} title={`kubeplay container crash ${selected.name}`}>
              Crash container
            </button>
          </div>
        </>
      ) : (
        <p className="muted pod-gone" role="status">
          This pod no longer exists.
        </p>
      )}
    </aside>
  );
}
