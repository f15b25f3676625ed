import { useTranslation } from 'react-i18next';
import { selectViewMode } from '../../state/index';
import { useApp } from '../hooks/useApp';
import { BothActions } from '../swarm/BothActions';
import { SwarmView } from '../swarm/SwarmView';
import { ClusterPanel } from './ClusterPanel';

/**
 * The cluster area as the mode says: the Kubernetes view (region "Cluster"),
 * the Swarm view (region "Swarm cluster"), or both next to each other
 * (stacked when the area is narrow), each under its own heading, below the
 * bar of actions applied to both (`BothActions`).
 */
export function ClusterArea() {
  const { t } = useTranslation();
  const mode = useApp(selectViewMode);
  if (mode === 'kubernetes') return <ClusterPanel />;
  if (mode === 'swarm') return <SwarmView />;
  return (
    <div className="cluster-area">
      <BothActions />
      <div className="cluster-pair">
        <ClusterPanel title={t('viewMode.kubernetes')} sideBySide />
        <SwarmView sideBySide />
      </div>
    </div>
  );
}
