import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenFile } from './useOpenFile';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * Accepts files dropped onto the editor: a YAML file becomes a new tab, a
 * scenario file is opened (replayed after the link checks). Listens in the
 * capture phase so that Monaco, which handles drops of text, never sees a
 * dropped file.
 */
export function FileDropZone({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const openFile = useOpenFile();
  const [over, setOver] = useState(false);
  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    const files = Array.from(e.dataTransfer.files).slice(0, 20);
    void (async () => {
      for (const f of files) await openFile(f);
    })();
  };
  return (
    <div className={`file-drop-zone${over ? ' drop-target' : ''}`} onDragOverCapture={onDragOver} onDragEnterCapture={onDragOver} onDragLeave={(e) => e.currentTarget === e.target && setOver(false)} onDropCapture={onDrop}>
      {children}
      {over ? <div className="drop-hint">{t('share.dropHint')}</div> : null}
    </div>
  );
}
