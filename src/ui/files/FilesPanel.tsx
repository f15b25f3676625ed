import { lazy, Suspense, useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { selectActiveFile, selectClosedFiles, selectFileDiagnostics, selectFileOrder, selectFiles, type Template } from '../../state/index';
import type { EditorStatus } from '../editor/CodeEditor';
import { useApp, useAppStore } from '../hooks/useApp';
import { withEmphasis } from '../i18n/emphasis';
import { translateFileProblem } from '../i18n/fileProblems';
import { fixedName } from '../i18n/index';
import { EditorErrorBoundary } from './EditorErrorBoundary';
import { EditorStatusBar } from './EditorStatusBar';
import { FileTabs, TAB_PANEL_ID, tabId } from './FileTabs';
import { Menu } from './Menu';
import { PlainEditor } from './PlainEditor';
import { TemplatesMenu } from './TemplatesMenu';
import './files.css';

const CodeEditor = lazy(() => import('../editor/CodeEditor'));

/** A short message under the tabs, with an optional action (Reopen). */
interface Notice {
  readonly text: string;
  readonly tone: 'info' | 'problem';
  readonly action?: { readonly label: string; readonly run: () => void };
}

/**
 * The editor panel: the files as tabs, Templates, Apply, and the YAML
 * editor (Monaco, loaded lazily; a plain text area until it arrives or if
 * it fails). Apply and Ctrl/Cmd+Enter type `kubectl apply -f FILE` into the
 * terminal for you.
 */
export function FilesPanel() {
  const { t } = useTranslation();
  const store = useAppStore();
  const files = useApp(selectFiles);
  const order = useApp(selectFileOrder);
  const active = useApp(selectActiveFile);
  const diagnostics = useApp(selectFileDiagnostics);
  const closed = useApp(selectClosedFiles);
  const [renaming, setRenaming] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [status, setStatus] = useState<EditorStatus>();
  const [reveal, setReveal] = useState<{ name: string; line: number; column: number }>();
  const actions = store.getState();

  const withErrors = useMemo(() => new Set(Object.keys(diagnostics).filter((n) => diagnostics[n].length > 0)), [diagnostics]);
  const activeIndex = active ? order.indexOf(active) : -1;

  const apply = useCallback(() => {
    const name = store.getState().activeFile;
    if (name) store.getState().applyFile(name);
  }, [store]);
  const onChange = useCallback((name: string, text: string) => store.getState().editFile(name, text), [store]);
  const onProblem = useCallback((text: string | undefined) => setNotice(text ? { text: translateFileProblem(text, t), tone: 'problem' } : undefined), [t]);

  const close = (name: string) => {
    actions.closeFile(name);
    setNotice({ text: t('editor.closed', { name }), tone: 'info', action: { label: t('editor.reopen'), run: () => (store.getState().reopenFile(), setNotice(undefined)) } });
  };
  const newFile = () => {
    const name = actions.createFile();
    setNotice(undefined);
    setRenaming(name);
  };
  const fromTemplate = (tpl: Template) => {
    actions.createFile(tpl.fileName, tpl.text);
    setNotice(undefined);
  };
  const intoFile = (tpl: Template, file: string) => {
    const before = store.getState().files[file] ?? '';
    actions.appendToFile(file, tpl.text);
    actions.openFile(file);
    // Show the new document: its first line, after the `---` that separates it.
    const after = store.getState().files[file] ?? '';
    const line = after.slice(0, after.length - tpl.text.length).split('\n').length;
    setReveal({ name: file, line: before.trim() === '' ? 1 : line, column: 1 });
    setNotice({ text: t('editor.added', { kind: tpl.kind, file }), tone: 'info' });
  };

  const onPanelKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey) && !ev.defaultPrevented) {
      ev.preventDefault();
      apply();
    }
  };

  const fileActions = active
    ? [
        { type: 'item' as const, label: t('editor.newFile'), onSelect: newFile },
        { type: 'item' as const, label: t('editor.renameFile', { name: active }), detail: 'F2', onSelect: () => setRenaming(active) },
        { type: 'item' as const, label: t('editor.moveLeft'), detail: 'Ctrl+Shift+←', disabled: activeIndex <= 0, onSelect: () => actions.moveFile(active, activeIndex - 1) },
        { type: 'item' as const, label: t('editor.moveRight'), detail: 'Ctrl+Shift+→', disabled: activeIndex >= order.length - 1, onSelect: () => actions.moveFile(active, activeIndex + 1) },
        { type: 'item' as const, label: t('editor.closeFile', { name: active }), detail: 'Delete', onSelect: () => close(active) },
        { type: 'item' as const, label: closed.length ? t('editor.reopenFile', { name: closed[closed.length - 1].name }) : t('editor.reopenClosed'), disabled: closed.length === 0, onSelect: () => actions.reopenFile() },
      ]
    : [
        { type: 'item' as const, label: t('editor.newFile'), onSelect: newFile },
        { type: 'item' as const, label: closed.length ? t('editor.reopenFile', { name: closed[closed.length - 1].name }) : t('editor.reopenClosed'), disabled: closed.length === 0, onSelect: () => actions.reopenFile() },
      ];

  const text = active ? (files[active] ?? '') : '';
  const plain = (notice?: string) => active && <PlainEditor name={active} text={text} onChange={(t) => onChange(active, t)} onApply={apply} notice={notice} />;

  return (
    <section className="panel editor-panel" aria-labelledby="editor-title" onKeyDown={onPanelKey}>
      <h2 id="editor-title" className="sr-only">
        {t('editor.heading')}
      </h2>
      <div className="panel-header editor-header">
        <div className="editor-tabs">
          <FileTabs
            names={order}
            active={active}
            withErrors={withErrors}
            renaming={renaming}
            onOpen={actions.openFile}
            onClose={close}
            onMove={actions.moveFile}
            onStartRename={setRenaming}
            onRename={(from, to) => {
              const problem = store.getState().renameFile(from, to);
              if (!problem) setRenaming(undefined);
              return problem;
            }}
            onCancelRename={() => setRenaming(undefined)}
            onProblem={onProblem}
          />
          <button type="button" className="icon-button new-file" aria-label={t('editor.newFile')} title={t('editor.newFile')} onClick={newFile}>
            +
          </button>
        </div>
        <div className="editor-actions">
          <Menu label={t('editor.fileActions')} entries={fileActions} className="icon-button" title={t('editor.fileActions')}>
            <span aria-hidden="true">⋯</span>
          </Menu>
          <TemplatesMenu current={active} onNewFile={fromTemplate} onAppend={intoFile} />
          <button type="button" className="button primary" onClick={apply} disabled={!active} data-shows="terminal" aria-label={fixedName('Apply', t('visible.apply'))} title={active ? t('editor.applyTitle', { file: active }) : t('editor.applyNoFile')} aria-keyshortcuts="Control+Enter Meta+Enter">
            {t('visible.apply')}
          </button>
        </div>
      </div>
      {notice && (
        <div className={`editor-notice ${notice.tone}`} role={notice.tone === 'problem' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          {notice.action && (
            <button type="button" className="link-button" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          )}
          <button type="button" className="link-button dismiss" aria-label={t('common.dismiss')} onClick={() => setNotice(undefined)}>
            ×
          </button>
        </div>
      )}
      <div className="editor-body" id={TAB_PANEL_ID} role="tabpanel" aria-labelledby={activeIndex >= 0 ? tabId(activeIndex) : 'editor-title'}>
        {active ? (
          <EditorErrorBoundary fallback={(reason) => plain(t('editor.failed', { reason }))}>
            <Suspense fallback={plain()}>
              <CodeEditor files={files} active={active} diagnostics={diagnostics} onChange={onChange} onApply={apply} onStatus={setStatus} reveal={reveal} />
            </Suspense>
          </EditorErrorBoundary>
        ) : (
          <div className="editor-empty">
            <p>{t('editor.noFile')}</p>
            <p>
              <button type="button" className="button" onClick={newFile}>
                {t('editor.startNew')}
              </button>{' '}
              {withEmphasis(t('editor.orTemplate'))}
            </p>
          </div>
        )}
      </div>
      {active && <EditorStatusBar active={active} status={status} diagnostics={diagnostics[active] ?? []} onReveal={(d) => setReveal({ name: active, line: d.line, column: d.column })} />}
    </section>
  );
}
