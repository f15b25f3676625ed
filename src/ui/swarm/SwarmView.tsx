import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { selectSwarm } from '../../state/index';
import { useApp } from '../hooks/useApp';
import './swarm.css';

const TRY = 'docker service create --name web --replicas 3 -p 8080:80 nginx';

/**
 * The Docker Swarm beside the cluster: a region named "Swarm cluster" with a
 * small heading, its counts and the drawing. Reads the store's swarm
 * snapshot (showing this view makes the default swarm).
 */
export function SwarmView() {
  const { t } = useTranslation();
  const swarm = useApp(selectSwarm);
  const runCommand = useApp((s) => s.runCommand);
  const summary = useMemo(() => {
    if (!swarm) return '';
    const running = swarm.tasks.filter((task) => task.status.state === 'running').length;
    return t('swarm.summary', { count: swarm.nodes.length, services: swarm.services.length, tasks: running });
  }, [swarm, t]);
  return (
    <section className="panel swarm" aria-label="Swarm cluster">
      <div className="panel-header">
        <h2 className="panel-title">{t('swarm.heading')}</h2>
        <p className="cluster-summary swarm-summary">{summary}</p>
      </div>
      <div className="swarm-body">
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
      </div>
    </section>
  );
}
