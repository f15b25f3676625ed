import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectStarted } from '../../state/index';
import { useApp } from '../hooks/useApp';
import './history.css';

/** Reset, which asks first when the scenario has commands to discard. */
export function ResetButton() {
  const { t } = useTranslation();
  const reset = useApp((s) => s.reset);
  // Nothing to reset while the first cluster is starting (or if it could not).
  const started = useApp(selectStarted);
  const commands = useApp((s) => s.commandLog.filter((c) => 'line' in c).length);
  const dialog = useRef<HTMLDialogElement>(null);
  const [asking, setAsking] = useState(false);
  const id = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (asking && !d.open) d.showModal();
    if (!asking && d.open) d.close();
  }, [asking]);

  const confirm = () => {
    setAsking(false);
    reset();
  };
  return (
    <>
      <button type="button" className="button reset-button" onClick={() => (commands > 0 ? setAsking(true) : reset())} disabled={!started} title={t('topbar.resetTitle')} aria-haspopup={commands > 0 ? 'dialog' : undefined}>
        {t('topbar.reset')}
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={() => setAsking(false)}>
        <h2 id={`${id}-title`} className="scenarios-title">
          {t('session.resetTitle')}
        </h2>
        <p id={`${id}-text`} className="scenarios-hint">
          {t('session.resetConfirm', { count: commands })}
        </p>
        <div className="scenarios-buttons">
          <button type="button" className="button" autoFocus onClick={() => setAsking(false)}>
            {t('session.cancel')}
          </button>
          <button type="button" className="button danger" onClick={confirm}>
            {t('session.resetYes')}
          </button>
        </div>
      </dialog>
    </>
  );
}
