import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LONG_LINK_CHARS, SCENARIO_FILE_SUFFIX, selectStarted, type SharedText } from '../../state/index';
import { useApp, useAppStore } from '../hooks/useApp';
import { fixedName } from '../i18n/index';
import { downloadText } from './download';
import { OpenScenarioFile } from './OpenScenarioFile';
import { RealClusterDialog } from './RealClusterDialog';
import { embedSnippet, embedUrl, shareUrl } from './shareUrl';
import './share.css';

type Mode = 'current' | 'history';

/** Copies text; false when the browser refuses (no permission, not a secure page). */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * "Share": a dialog with the link (a textbox named "Share link", copied as it
 * opens) for the current state or with its history, its length (a warning
 * past ~8,000 characters, when a file travels better), the embed code, the
 * scenario as a file (download, open) and "Run on a real cluster".
 */
export function ShareButton() {
  const { t } = useTranslation();
  const store = useAppStore();
  const started = useApp(selectStarted);
  const dialog = useRef<HTMLDialogElement>(null);
  const linkBox = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>('current');
  // Read when a capture finishes (the copy follows the choice made meanwhile).
  const modeRef = useRef<Mode>('current');
  modeRef.current = mode;
  const [shared, setShared] = useState<Record<Mode, SharedText> | undefined>();
  const [copied, setCopied] = useState<boolean | undefined>();
  const [realOpen, setRealOpen] = useState(false);
  const id = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  // Each opening captures the session as it is now, both ways, and copies the chosen link.
  useEffect(() => {
    if (!open) return;
    let live = true;
    setShared(undefined);
    setCopied(undefined);
    const { shareFragment } = store.getState();
    void Promise.all([shareFragment(false), shareFragment(true)]).then(async ([current, history]) => {
      if (!live || !current || !history) return;
      setShared({ current, history });
      const ok = await copy(shareUrl((modeRef.current === 'current' ? current : history).fragment));
      if (live) setCopied(ok);
    });
    return () => {
      live = false;
    };
  }, [open, store]);

  const chosen = shared?.[mode];
  const url = chosen ? shareUrl(chosen.fragment) : '';

  const choose = (next: Mode) => {
    setMode(next);
    const text = shared?.[next];
    if (text) void copy(shareUrl(text.fragment)).then(setCopied);
  };
  const copyNow = () => {
    linkBox.current?.select();
    void copy(url).then(setCopied);
  };
  const download = () => {
    const text = store.getState().scenarioFileText(mode === 'history');
    if (text) downloadText(`kubeplay-scenario${SCENARIO_FILE_SUFFIX}`, text, 'application/json');
  };

  return (
    <>
      <button type="button" className="button share-button" onClick={() => setOpen(true)} disabled={!started} aria-label={fixedName('Share', t('share.button'))} aria-haspopup="dialog" title={t('share.buttonTitle')}>
        {t('share.button')}
      </button>
      <dialog ref={dialog} className="share-dialog" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        <h2 id={`${id}-title`} className="share-title">
          {t('share.dialogTitle')}
        </h2>
        <p className="share-hint">{t('share.dialogHint')}</p>
        <fieldset className="share-modes">
          <legend>{t('share.what')}</legend>
          {(['current', 'history'] as const).map((m) => (
            <label key={m} className="share-mode">
              <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => choose(m)} />
              <span>
                <strong>{t(`share.${m}`)}</strong>
                <span className="share-mode-hint">{shared ? t(`share.${m}Hint`, { count: shared[m].commands }) : ''}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="share-link-row">
          <input ref={linkBox} className="share-link" readOnly value={shared ? url : t('share.encoding')} aria-label={fixedName('Share link', t('share.linkLabel'))} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
          <button type="button" className="button primary" onClick={copyNow} disabled={!chosen}>
            {t('share.copy')}
          </button>
        </div>
        <p className="share-status" role="status">
          {chosen ? t('share.size', { n: url.length.toLocaleString() }) : ''}
          {copied === true ? ` · ${t('share.copied')}` : copied === false ? ` · ${t('share.copyFailed')}` : ''}
        </p>
        {chosen && url.length > LONG_LINK_CHARS ? (
          <p className="share-warning" role="alert">
            {t('share.long', { n: url.length.toLocaleString() })}{' '}
            <button type="button" className="button" onClick={download}>
              {t('share.download')}
            </button>
          </p>
        ) : null}
        {chosen ? (
          <details className="share-embed">
            <summary>{t('share.embedLabel')}</summary>
            <p className="share-hint">{t('share.embedHint')}</p>
            <textarea readOnly className="share-code" aria-label={t('share.embedLabel')} value={embedSnippet(embedUrl(chosen.fragment), t('share.embedTitle'))} rows={3} spellCheck={false} />
          </details>
        ) : null}
        <div className="share-actions">
          <button type="button" className="button" onClick={download} disabled={!chosen}>
            {t('share.download')}
          </button>
          <OpenScenarioFile onOpened={() => setOpen(false)} />
          <button type="button" className="button" onClick={() => setRealOpen(true)} aria-haspopup="dialog">
            {t('share.realCluster')}
          </button>
          <span className="share-spacer" />
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t('share.close')}
          </button>
        </div>
        <p className="share-hint">{t('share.openHint')}</p>
        <RealClusterDialog open={realOpen} onClose={() => setRealOpen(false)} />
      </dialog>
    </>
  );
}
