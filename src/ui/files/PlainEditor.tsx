import { useTranslation } from 'react-i18next';
interface PlainEditorProps {
  readonly name: string;
  readonly text: string;
  readonly onChange: (text: string) => void;
  readonly onApply: () => void;
  /** Why the full editor is not here (shown above the text). */
  readonly notice?: string;
}

/**
 * A plain text area over the file: what the editor is while Monaco loads,
 * and what it stays if Monaco fails, so that typing always works.
 */
export function PlainEditor({ name, text, onChange, onApply, notice }: PlainEditorProps) {
  const { t } = useTranslation();
  return (
    <div className="plain-editor">
      {notice && (
        <p className="plain-editor-notice" role="status">
          {notice}
        </p>
      )}
      <textarea
        aria-label={t('editor.plainLabel')}
        title={name}
        value={text}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        wrap="off"
        onChange={(ev) => onChange(ev.target.value)}
        onKeyDown={(ev) => {
          if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
            ev.preventDefault();
            onApply();
          } else if (ev.key === 'Tab' && !ev.shiftKey && !ev.ctrlKey && !ev.altKey && !ev.metaKey) {
            // Two spaces, as YAML wants (Escape then Tab leaves the text area).
            const el = ev.currentTarget;
            if (el.dataset.escaped === 'true') return;
            ev.preventDefault();
            const { selectionStart: s, selectionEnd: e } = el;
            onChange(`${el.value.slice(0, s)}  ${el.value.slice(e)}`);
            requestAnimationFrame(() => el.setSelectionRange(s + 2, s + 2));
          }
          ev.currentTarget.dataset.escaped = String(ev.key === 'Escape');
        }}
      />
    </div>
  );
}
