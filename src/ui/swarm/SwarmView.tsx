import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { selectSwarm, selectSwarmSelection } from '../../state/index';
import { swarmText } from '../../viz/index';
import { useApp } from '../hooks/useApp';
import { SplitPane } from '../layout/SplitPane';
import { SwarmDrawing, useSwarmView } from './SwarmDrawing';
import { SwarmPanel } from './SwarmPanel';
import './swarm.css';

const TRY = 'docker service create --name web --replicas 3 -p 8080:80 nginx';

/**
 * The Docker Swarm beside the cluster: a region named "Swarm cluster" with a
 * small heading, its counts, a banner when the managers lost quorum, the
 * drawing, and the panel of the selected node, task or service beside it.
 * Reads the store's swarm snapshot (showing this view makes the default swarm).
 */
export function SwarmView({ sideBySide = false }: { sideBySide?: boolean } = {}) {
  const { t } = useTranslation();
  const swarm = useApp(selectSwarm);
  const selection = useApp(selectSwarmSelection);
  const runCommand = useApp((s) => s.runCommand);
  const view = useSwarmView();
  const summary = useMemo(() => {
    if (!view) return '';
    const running = view.services.reduce((n, s) => n + s.running, 0);
    return [t('swarm.nodes', { count: view.nodes.length }), t('swarm.services', { count: view.services.length }), t('swarm.runningTasks', { count: running })].join(' · ');
  }, [view, t]);
  const quorum = view?.quorum;
  return (
    <section className="panel cluster swarm" aria-label="Swarm cluster">
      <div className="panel-header">
        <h2 className="panel-title">{t('swarm.heading')}</h2>
        <p className="cluster-summary swarm-summary">{summary}</p>
      </div>
      <div className="cluster-body">
        <SplitPane
          direction="row"
          storageKey="kubeplay.split.swarmInspector"
          initial={0.55}
          min={0.3}
          max={0.8}
          label={t('app.resizeInspector')}
          className="cluster-split"
          collapsed={!selection || !view}
          first={
            <div className="cluster-main">
              {quorum && !quorum.hasLeader && (
                <div className="swarm-quorum" role="alert">
                  <strong>{swarmText().quorumLost(quorum.reachable, quorum.managers, quorum.needed)}</strong> {swarmText().quorumHint}
                </div>
              )}
              {!swarm ? (
                <div className="boot-state" role="status">
                  <span className="boot-spinner" aria-hidden="true" />
                  <p>{t('swarm.starting')}</p>
                </div>
              ) : (
                swarm.services.length === 0 && (
                  <div className="empty-state">
                    <p>
                      {t('swarm.empty')} <code>{TRY}</code>
                    </p>
                    <button type="button" className="button" onClick={() => runCommand(TRY, 'ui')}>
                      {t('cluster.runIt')}
                    </button>
                  </div>
                )
              )}
              {view && <SwarmDrawing view={view} sideBySide={sideBySide} />}
            </div>
          }
          second={view ? <SwarmPanel view={view} /> : null}
        />
      </div>
    </section>
  );
}
