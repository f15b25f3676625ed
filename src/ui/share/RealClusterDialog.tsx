import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RealClusterExport } from '../../state/index';
import { useAppStore } from '../hooks/useApp';
import { downloadText } from './download';

const KIND_FILE = 'kind.yaml';
const SCRIPT_FILE = 'kubeplay.sh';

/** One file of the export: its name, a download button and its text (read-only, selectable). */
function ExportFile({ name, caption, text }: { name: string; caption: string; text: string }) {
  const { t } = useTranslation();
  return (
    <section className="real-file" aria-label={`${caption}: ${name}`}>
      <div className="real-file-head">
        <span>
          {caption} <code>{name}</code>
        </span>
        <button type="button" className="button" onClick={() => downloadText(name, text, name.endsWith('.sh') ? 'text/x-shellscript' : 'application/yaml')}>
          {t('realCluster.downloadFile', { name })}
        </button>
      </div>
      <textarea readOnly className="share-code real-file-text" aria-label={name} value={text} rows={Math.min(12, text.split('\n').length)} spellCheck={false} />
    </section>
  );
}

/**
 * "Run on a real cluster": the kind config (same workers, labels, taints),
 * the command log as a kubectl script and the manifests, each shown and
 * downloadable, with the two commands that use them.
 */
export function RealClusterDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const dialog = useRef<HTMLDialogElement>(null);
  const [data, setData] = useState<RealClusterExport | undefined>();
  const id = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
    if (!open) return;
    let live = true;
    setData(undefined);
    void store.getState().exportRealCluster().then((x) => live && setData(x));
    return () => {
      live = false;
    };
  }, [open, store]);

  return (
    <dialog ref={dialog} className="share-dialog real-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`} className="share-title">
        {t('realCluster.title')}
      </h2>
      <p className="share-hint">{t('realCluster.hint')}</p>
      {data ? (
        <>
          <ol className="real-steps">
            <li>
              {t('realCluster.step1')} <code>kind create cluster --config {KIND_FILE}</code>
            </li>
            <li>
              {t('realCluster.step2')} <code>bash {SCRIPT_FILE}</code>
            </li>
          </ol>
          <ExportFile name={KIND_FILE} caption={t('realCluster.kindConfig')} text={data.kindConfig} />
          <ExportFile name={SCRIPT_FILE} caption={t('realCluster.script')} text={data.script} />
          {data.manifests.length > 0 ? (
            <section aria-label={t('realCluster.manifests')}>
              <h3 className="real-subtitle">{t('realCluster.manifests')}</h3>
              <ul className="real-manifests">
                {data.manifests.map((f) => (
                  <li key={f.name}>
                    <code>{f.name}</code>{' '}
                    <button type="button" className="button" onClick={() => downloadText(f.name.replace(/.*\//, ''), f.content, 'application/yaml')}>
                      {t('realCluster.downloadFile', { name: f.name })}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : (
        <p className="share-hint" role="status">
          {t('realCluster.loading')}
        </p>
      )}
      <div className="share-actions">
        <span className="share-spacer" />
        <button type="button" className="button" onClick={onClose}>
          {t('share.close')}
        </button>
      </div>
    </dialog>
  );
}
