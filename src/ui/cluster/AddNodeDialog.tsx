import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeAddCommand, type NodeForm } from '../../state/index';
import { useApp } from '../hooks/useApp';
import './addNode.css';

const EMPTY: NodeForm = { name: '', cpu: '', memory: '', zone: '', labels: '', taints: '' };

/**
 * "Add node": a button that opens a small dialog (name, CPU, memory, zone,
 * labels, taints). Adding issues `kubeplay node add …` through the terminal,
 * and the dialog shows that command as it is being filled in.
 */
export function AddNodeButton() {
  const { t } = useTranslation();
  const addNode = useApp((s) => s.addNode);
  const dialog = useRef<HTMLDialogElement>(null);
  const [form, setForm] = useState<NodeForm>(EMPTY);
  const [open, setOpen] = useState(false);
  const id = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const field = (key: keyof NodeForm) => ({
    id: `${id}-${key}`,
    value: form[key] ?? '',
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    addNode(form);
    setForm(EMPTY);
    setOpen(false);
  };
  const command = nodeAddCommand(form);

  return (
    <>
      <button type="button" className="button add-node-toggle" onClick={() => setOpen(true)} aria-label={t('nodeShape.add')} aria-haspopup="dialog" title={t('nodeShape.addTitle')}>
        {t('nodeShape.add')}
      </button>
      <dialog ref={dialog} className="add-node-dialog" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        <form onSubmit={submit}>
          <h2 id={`${id}-title`} className="add-node-title">
            {t('nodeShape.dialogTitle')}
          </h2>
          <p className="add-node-hint">{t('nodeShape.dialogHint')}</p>
          <div className="add-node-grid">
            <label htmlFor={`${id}-name`}>{t('nodeShape.name')}</label>
            <input {...field('name')} placeholder="worker-4" autoComplete="off" spellCheck={false} />
            <label htmlFor={`${id}-cpu`}>{t('nodeShape.cpu')}</label>
            <input {...field('cpu')} placeholder="4" inputMode="decimal" autoComplete="off" />
            <label htmlFor={`${id}-memory`}>{t('nodeShape.memory')}</label>
            <input {...field('memory')} placeholder="8Gi" autoComplete="off" spellCheck={false} />
            <label htmlFor={`${id}-zone`}>{t('nodeShape.zone')}</label>
            <input {...field('zone')} placeholder="zone-b" autoComplete="off" spellCheck={false} />
            <label htmlFor={`${id}-labels`}>{t('nodeShape.labels')}</label>
            <input {...field('labels')} placeholder="disk=ssd, tier=web" autoComplete="off" spellCheck={false} />
            <label htmlFor={`${id}-taints`}>{t('nodeShape.taints')}</label>
            <input {...field('taints')} placeholder="dedicated=gpu:NoSchedule" autoComplete="off" spellCheck={false} />
          </div>
          <p className="add-node-command">
            <span className="muted">{t('nodeShape.runs')}</span> <code>{command}</code>
          </p>
          <div className="add-node-buttons">
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('nodeShape.cancel')}
            </button>
            <button type="submit" className="button primary">
              {t('nodeShape.submit')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
