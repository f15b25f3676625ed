import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SETTLE_COMMAND, STEP_COMMAND, selectSettling } from '../../state/index';
import { isTyping } from '../hooks/isTyping';
import { useApp } from '../hooks/useApp';

/**
 * Step (one virtual second, `kubeplay clock step`; also the "." key, as a
 * video player steps a frame) and Fast-forward until nothing changes
 * (`kubeplay clock settle`), which turns into Stop while it runs. Both are
 * issued through the terminal like every other action.
 */
export function TimeControls() {
  const { t } = useTranslation();
  const settling = useApp(selectSettling);
  const step = useApp((s) => s.step);
  const settle = useApp((s) => s.settle);
  const stopSettle = useApp((s) => s.stopSettle);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '.' || e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) return;
      e.preventDefault();
      step();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  return (
    <div className="time-controls">
      <button type="button" className="icon-button" onClick={step} aria-label={t('clock.step')} aria-keyshortcuts="." title={t('clock.stepTitle', { command: STEP_COMMAND })}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M3 2.5v11l7-5.5z M11 2.5h2.5v11H11z" fill="currentColor" />
        </svg>
      </button>
      {settling ? (
        <button type="button" className="button settle-button settling" onClick={stopSettle} title={t('clock.stopSettleTitle')}>
          <span className="settle-spinner" aria-hidden="true" />
          {t('clock.stopSettle')}
        </button>
      ) : (
        <button type="button" className="button settle-button" onClick={settle} aria-label={t('clock.settle')} title={t('clock.settleTitle', { command: SETTLE_COMMAND })}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M1.5 2.5v11l6.5-5.5z M8 2.5v11l6.5-5.5z" fill="currentColor" />
          </svg>
          <span className="button-caption">{t('clock.settleShort')}</span>
        </button>
      )}
    </div>
  );
}
