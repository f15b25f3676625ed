import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectSwarm, selectSwarmInspector, selectSwarmSelection, type SwarmNodeAction } from '../../state/index';
import type { SwarmView } from '../../viz/index';
import { useApp } from '../hooks/useApp';
import { fixedName } from '../i18n/index';
import '../panels/panels.css';

const KIND_WORD = { node: 'Node', task: 'Task', service: 'Service' } as const;

/** At most this often (real time) the panel reads docker's output again while the swarm changes. */
const REFRESH_MS = 400;

function useSwarmInspectorRefresh(): void {
  const selection = useApp(selectSwarmSelection);
  const version = useApp(selectSwarm)?.version;
  const refresh = useApp((s) => s.refreshSwarmInspector);
  const last = useRef(0);
  useEffect(() => {
    if (!selection) return;
    const run = () => {
      last.current = performance.now();
      refresh();
    };
    const wait = REFRESH_MS - (performance.now() - last.current);
    if (wait <= 0) return run();
    const timer = setTimeout(run, wait);
    return () => clearTimeout(timer);
  }, [selection, version, refresh]);
}

/**
 * The panel of the selected swarm node, task or service: its state, its
 * actions (each a command in the terminal) and what docker prints about it
 * (`docker node inspect --pretty`, `docker service ps`…).
 */
export function SwarmPanel({ view }: { view: SwarmView }) {
  const { t } = useTranslation();
  const selection = useApp(selectSwarmSelection);
  const inspector = useApp(selectSwarmInspector);
  const selectSwarm = useApp((s) => s.selectSwarm);
  const nodeAction = useApp((s) => s.swarmNodeAction);
  const scale = useApp((s) => s.scaleSwarmService);
  const rollback = useApp((s) => s.rollbackSwarmService);
  const [replicas, setReplicas] = useState('');
  useSwarmInspectorRefresh();
  if (!selection) return null;
  const details = inspector && inspector.ref.id === selection.id ? inspector : undefined;
  const node = selection.kind === 'node' ? view.nodes.find((n) => n.key === selection.id) : undefined;
  const service = selection.kind === 'service' ? view.services.find((s) => s.key === selection.id) : undefined;
  const task = selection.kind === 'task' ? [...view.nodes.flatMap((n) => n.tasks), ...view.pending].find((x) => x.key === selection.id) : undefined;
  const name = details?.name ?? node?.hostname ?? service?.name ?? task?.name ?? '';
  const act = (action: SwarmNodeAction) => node && nodeAction(node.key, action);
  const nodeButton = (action: SwarmNodeAction, english: string, shown: string, command: string, danger = false) => (
    <button type="button" className={danger ? 'button danger' : 'button'} onClick={() => act(action)} aria-label={fixedName(english, shown)} title={`${command} ${name}`}>
      {shown}
    </button>
  );
  return (
    <aside id="swarm-inspector" className="inspector swarm-inspector" aria-label={`${KIND_WORD[selection.kind]} ${name}`} onKeyDown={(e) => e.key === 'Escape' && selectSwarm(undefined)}>
      <div className="inspector-header">
        <span className="inspector-kind">{KIND_WORD[selection.kind]}</span>
        <h3 className="inspector-title">{name}</h3>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => selectSwarm(undefined)}>
          ×
        </button>
      </div>
      <div className="inspector-body" tabIndex={0}>
        {details && !details.exists && <p className="muted panel-empty">{t('swarm.gone')}</p>}
        {node && (
          <div className="panel-actions">
            {node.stopped ? nodeButton('start', 'Start node', t('node.startNode'), 'kubeplay node start') : nodeButton('stop', 'Stop node', t('visible.stopNode'), 'kubeplay node stop', true)}
            {node.availability === 'Drain'
              ? nodeButton('activate', 'Activate', t('swarm.activate'), 'docker node update --availability active')
              : nodeButton('drain', 'Drain', t('swarm.drain'), 'docker node update --availability drain')}
            {node.role === 'worker' ? nodeButton('promote', 'Promote', t('swarm.promote'), 'docker node promote') : nodeButton('demote', 'Demote', t('swarm.demote'), 'docker node demote')}
          </div>
        )}
        {service && (
          <form
            className="panel-actions"
            onSubmit={(e) => {
              e.preventDefault();
              const n = Number(replicas);
              if (replicas.trim() !== '' && Number.isInteger(n) && n >= 0) scale(service.key, n);
            }}
          >
            {service.mode === 'replicated' && (
              <>
                <input className="swarm-replicas" type="number" min={0} max={1000} aria-label={t('swarm.replicas')} placeholder={String(service.desired)} value={replicas} onChange={(e) => setReplicas(e.target.value)} />
                <button type="submit" className="button" aria-label={fixedName('Scale…', t('swarm.scale'))} title={`docker service scale ${service.name}=N`}>
                  {t('swarm.scale')}
                </button>
              </>
            )}
            {service.update !== undefined && (
              <button type="button" className="button" onClick={() => rollback(service.key)} aria-label={fixedName('Roll back', t('swarm.rollback'))} title={`docker service rollback ${service.name}`}>
                {t('swarm.rollback')}
              </button>
            )}
          </form>
        )}
        {task && (
          <dl className="facts">
            <dt>{t('swarm.state')}</dt>
            <dd>{task.state}</dd>
            <dt>{t('swarm.desired')}</dt>
            <dd>{task.desired}</dd>
            {task.error && (
              <>
                <dt>{t('swarm.error')}</dt>
                <dd>{task.error}</dd>
              </>
            )}
          </dl>
        )}
        {details?.readings.map((r) => (
          <section key={r.command} className="swarm-reading">
            <h4 className="panel-subhead">
              <code>$ {r.command}</code>
            </h4>
            <pre className="describe">{r.output ?? t('inspector.loading')}</pre>
          </section>
        ))}
      </div>
    </aside>
  );
}
