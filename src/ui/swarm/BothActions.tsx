import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PAIRED_REPLICAS, selectPairedPlan, type PairedAction, type PairedPlan } from '../../state/index';
import { useApp } from '../hooks/useApp';
import './bothActions.css';

type Button = { action: PairedAction; label: string; short: string; title?: string };

/**
 * Side by side: the action bar that applies one action to both clusters
 * (Deploy, Stop a node, Start node, Roll out a new image, Scale, Roll back,
 * Send traffic),
 * each button issuing a command per cluster through the terminal, and below
 * it what differs while the two react. A button works when at least one side
 * can act; its tooltip says what it runs, or why a side cannot.
 */
export function BothActions() {
  const { t } = useTranslation();
  const snapshot = useApp((s) => s.snapshot);
  const swarm = useApp((s) => s.swarm);
  const last = useApp((s) => s.pairedLast);
  const runPaired = useApp((s) => s.runPaired);
  const dismiss = useApp((s) => s.dismissPaired);
  const [replicas, setReplicas] = useState(4);
  const [more, setMore] = useState(false);
  const state = useMemo(() => ({ snapshot, swarm }), [snapshot, swarm]);
  const buttons: Button[] = [
    { action: { type: 'deploy' }, label: t('both.deploy'), short: t('both.short.deploy'), title: t('both.deployTitle') },
    { action: { type: 'stopNode' }, label: t('both.stopNode'), short: t('both.short.stopNode') },
    { action: { type: 'startNode' }, label: t('both.startNode'), short: t('both.short.startNode') },
    { action: { type: 'rollOut' }, label: t('both.rollOut'), short: t('both.short.rollOut') },
    { action: { type: 'scale', replicas }, label: t('both.scale', { count: replicas }), short: t('both.short.scale') },
    { action: { type: 'rollBack' }, label: t('both.rollBack'), short: t('both.short.rollBack') },
    { action: { type: 'traffic' }, label: t('both.traffic'), short: t('both.short.traffic') },
  ];
  const explain = (plan: PairedPlan): { ok: boolean; text: string } => {
    const k = plan.kubernetes;
    const s = plan.swarm;
    if ('command' in k && 'command' in s) return { ok: true, text: t('both.runs', { commands: `${k.command} · ${s.command}` }) };
    if ('reason' in k && 'reason' in s) return { ok: false, text: t('both.cannot', { kubernetes: t(`both.reason.${k.reason}`), swarm: t(`both.reason.${s.reason}`) }) };
    const [side, other, command, reason] = 'command' in k ? [t('both.kubernetes'), t('both.swarm'), k.command, 'reason' in s ? s.reason : 'notDeployed'] : [t('both.swarm'), t('both.kubernetes'), 'command' in s ? s.command : '', 'reason' in k ? k.reason : 'notDeployed'];
    return { ok: true, text: `${t('both.runs', { commands: command })} (${t('both.canOnly', { side, other, reason: t(`both.reason.${reason}`) })})` };
  };
  return (
    <section className="both-actions" aria-label={t('both.label')}>
      <div className="both-actions-bar" role="group" aria-label={t('both.label')}>
        <span className="both-label" aria-hidden="true">
          {t('both.onBoth')}
        </span>
        {buttons.map((b) => {
          const e = explain(selectPairedPlan(state, b.action));
          const button = (
            <button key={b.action.type} type="button" className={b.action.type === 'deploy' ? 'button primary' : 'button'} disabled={!e.ok} aria-label={b.label} title={`${b.label}\n${b.title ? `${b.title}\n` : ''}${e.text}`} onClick={() => runPaired(b.action)}>
              {b.short}
            </button>
          );
          if (b.action.type !== 'scale') return button;
          return (
            <span key="scale" className="both-scale">
              {button}
              <input type="number" min={0} max={MAX_PAIRED_REPLICAS} step={1} value={replicas} aria-label={t('both.replicas')} onChange={(ev) => setReplicas(Math.max(0, Math.min(MAX_PAIRED_REPLICAS, Math.floor(Number(ev.target.value) || 0))))} />
            </span>
          );
        })}
      </div>
      {last && (
        <div className="both-captions" role="status">
          <p>
            <strong>{t('both.kubernetes')}</strong> {t(more ? `both.caption.${last.type}.kubernetes` : `both.brief.${last.type}.kubernetes`)}
          </p>
          <p>
            <strong>{t('both.swarm')}</strong> {t(more ? `both.caption.${last.type}.swarm` : `both.brief.${last.type}.swarm`)}
          </p>
          <span className="both-caption-tools">
            <button type="button" className="link-button" aria-expanded={more} onClick={() => setMore((m) => !m)}>
              {t(more ? 'both.less' : 'both.more')}
            </button>
            <button type="button" className="icon-button both-hide" onClick={dismiss} aria-label={t('both.hide')} title={t('both.hide')}>
              ×
            </button>
          </span>
        </div>
      )}
    </section>
  );
}
