import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

export interface DiscardQuestion {
  readonly title: string;
  readonly commands: number;
  readonly files: number;
}

/** `2 commands and 1 changed file`, naming only what there is. */
function describeWork(q: DiscardQuestion, t: TFunction): string {
  const commands = q.commands > 0 ? t('lessons.discardCommands', { count: q.commands }) : undefined;
  const files = q.files > 0 ? t('lessons.discardFiles', { count: q.files }) : undefined;
  return commands && files ? t('lessons.discardAnd', { first: commands, second: files }) : (commands ?? files ?? '');
}

/**
 * Asked only when a lesson would replace work this browser cannot keep (storage blocked or
 * full): Cancel (the default) or discard the work and start.
 */
export function StartLessonDialog({ question, onCancel, onDiscard }: { question: DiscardQuestion | undefined; onCancel(): void; onDiscard(): void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (question && !d.open) d.showModal();
    if (!question && d.open) d.close();
  }, [question]);
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={onCancel}>
      <h2 id={`${id}-title`} className="scenarios-title">
        {t('lessons.discardTitle', { title: question?.title ?? '' })}
      </h2>
      <p id={`${id}-text`} className="scenarios-hint">
        {question && t('lessons.discardText', { work: describeWork(question, t) })}
      </p>
      <div className="scenarios-buttons">
        <button type="button" className="button" autoFocus onClick={onCancel}>
          {t('session.cancel')}
        </button>
        <button type="button" className="button danger" onClick={onDiscard}>
          {t('lessons.discardYes')}
        </button>
      </div>
    </dialog>
  );
}
