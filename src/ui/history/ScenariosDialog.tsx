import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STARTER_FILES, type SavedScenarioInfo } from '../../state/index';
import { useApp } from '../hooks/useApp';

/** "3 minutes ago", in the interface's language. */
function ago(ms: number, now: number, lang: string): string {
  const s = Math.round((ms - now) / 1000);
  const fmt = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (Math.abs(s) < 60) return fmt.format(s, 'second');
  if (Math.abs(s) < 3600) return fmt.format(Math.round(s / 60), 'minute');
  if (Math.abs(s) < 86_400) return fmt.format(Math.round(s / 3600), 'hour');
  return fmt.format(Math.round(s / 86_400), 'day');
}

/**
 * "Scenarios": the sessions kept in this browser — open (replayed on a fresh
 * cluster), rename, delete (asked first), or start a new one. Names are the
 * learner's text and are shown as text.
 */
export function ScenariosButton() {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [renaming, setRenaming] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const id = useId();
  const list = useApp((s) => s.savedScenarios);
  const current = useApp((s) => s.currentScenarioId);
  const busy = useApp((s) => s.replaying || s.booting);
  const openScenario = useApp((s) => s.openScenario);
  const newScenario = useApp((s) => s.newScenario);
  const renameScenario = useApp((s) => s.renameScenario);
  const deleteScenario = useApp((s) => s.deleteScenario);
  const saveNow = useApp((s) => s.saveNow);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const show = () => {
    saveNow();
    setError(undefined);
    setRenaming(undefined);
    setDeleting(undefined);
    setOpen(true);
  };
  const after = (result: { ok: true } | { ok: false; error: string }) => {
    if (result.ok) setOpen(false);
    else setError(result.error);
  };
  const submitRename = (e: FormEvent, s: SavedScenarioInfo) => {
    e.preventDefault();
    if (renameScenario(s.id, name)) setRenaming(undefined);
  };
  const nextName = () => t('session.newName', { n: list.length + 1 });
  const now = Date.now();

  return (
    <>
      <button type="button" className="button scenarios-toggle" onClick={show} aria-haspopup="dialog" aria-label={t('session.scenarios')} title={t('session.scenariosTitle')}>
        {t('session.scenarios')}
      </button>
      <dialog ref={dialog} className="scenarios-dialog" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        <h2 id={`${id}-title`} className="scenarios-title">
          {t('session.dialogTitle')}
        </h2>
        <p className="scenarios-hint">{t('session.dialogHint')}</p>
        {error && (
          <p className="scenarios-error" role="alert">
            {t('session.failed', { error })}
          </p>
        )}
        {list.length === 0 ? (
          <p className="scenarios-empty">{t('session.none')}</p>
        ) : (
          <ul className="scenarios-list">
            {list.map((s) => (
              <li key={s.id} className={s.id === current ? 'current' : undefined} aria-current={s.id === current ? 'true' : undefined}>
                {renaming === s.id ? (
                  <form className="scenario-rename" onSubmit={(e) => submitRename(e, s)}>
                    <label className="sr-only" htmlFor={`${id}-${s.id}`}>
                      {t('session.renameField')}
                    </label>
                    <input id={`${id}-${s.id}`} value={name} maxLength={80} autoFocus onChange={(e) => setName(e.target.value)} />
                    <button type="submit" className="button primary">
                      {t('session.save')}
                    </button>
                    <button type="button" className="button" onClick={() => setRenaming(undefined)}>
                      {t('session.cancel')}
                    </button>
                  </form>
                ) : (
                  <div className="scenario-row">
                    <div className="scenario-text">
                      <span className="scenario-name">{s.name}</span>
                      <span className="scenario-meta">
                        {s.id === current && <span className="scenario-current">{t('session.current')} · </span>}
                        {t('session.meta', { count: s.commands, when: ago(s.updatedAt, now, i18n.language) })}
                      </span>
                    </div>
                    {deleting === s.id ? (
                      <div className="scenario-actions" role="group" aria-label={t('session.deleteConfirm', { name: s.name })}>
                        <span className="scenario-confirm">{t('session.deleteConfirm', { name: s.name })}</span>
                        <button type="button" className="button danger" onClick={() => void deleteScenario(s.id, nextName(), STARTER_FILES).then(() => setDeleting(undefined))}>
                          {t('session.delete')}
                        </button>
                        <button type="button" className="button" onClick={() => setDeleting(undefined)}>
                          {t('session.cancel')}
                        </button>
                      </div>
                    ) : (
                      <div className="scenario-actions">
                        <button type="button" className="button" disabled={busy || s.id === current} onClick={() => void openScenario(s.id).then(after)} aria-label={t('session.openNamed', { name: s.name })}>
                          {t('session.open')}
                        </button>
                        <button
                          type="button"
                          className="button"
                          onClick={() => {
                            setName(s.name);
                            setRenaming(s.id);
                          }}
                          aria-label={t('session.renameNamed', { name: s.name })}
                        >
                          {t('session.rename')}
                        </button>
                        <button type="button" className="button" disabled={busy} onClick={() => setDeleting(s.id)} aria-label={t('session.deleteNamed', { name: s.name })}>
                          {t('session.delete')}
                        </button>
                      </div>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="scenarios-buttons">
          <button type="button" className="button" disabled={busy} onClick={() => void newScenario(nextName(), STARTER_FILES).then(after)}>
            {t('session.newScenario')}
          </button>
          <button type="button" className="button primary" onClick={() => setOpen(false)}>
            {t('session.close')}
          </button>
        </div>
      </dialog>
    </>
  );
}
