import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileDiagnostic } from '../../state/index';
import { monaco, setUpYaml } from './monacoSetup';
import { defineAppTheme, watchAppTheme } from './monacoTheme';
import { applyExternalText } from './modelSync';

/** What the editor reports for the status line. */
export interface EditorStatus {
  readonly line: number;
  readonly column: number;
  readonly errors: number;
  readonly warnings: number;
  /** The Kubernetes schema: loading, in use, or unavailable (with why). */
  readonly schema: 'loading' | 'ready' | { readonly error: string };
}

export interface CodeEditorProps {
  /** Every file, by name: each is a Monaco model. */
  readonly files: Readonly<Record<string, string>>;
  /** The file shown. */
  readonly active: string;
  /** kubectl's diagnostics by file, shown as markers. */
  readonly diagnostics: Readonly<Record<string, readonly FileDiagnostic[]>>;
  readonly onChange: (name: string, text: string) => void;
  /** Ctrl/Cmd+Enter. */
  readonly onApply: () => void;
  readonly onStatus?: (status: EditorStatus) => void;
  /** Moves the cursor there (a new object each time). */
  readonly reveal?: { readonly name: string; readonly line: number; readonly column: number };
}

const SCHEME = 'file';
const KUBECTL_OWNER = 'kubectl';

const uriOf = (name: string) => monaco.Uri.from({ scheme: SCHEME, path: `/${name}` });
const nameOf = (uri: monaco.Uri) => uri.path.slice(1);

/** Markers for kubectl's diagnostics: from the reported column to the end of that line's text. */
function kubectlMarkers(model: monaco.editor.ITextModel, diagnostics: readonly FileDiagnostic[]): monaco.editor.IMarkerData[] {
  const lines = model.getLineCount();
  return diagnostics.map((d) => {
    const line = Math.max(1, Math.min(lines, d.line));
    const content = model.getLineContent(line);
    const end = content.trimEnd().length + 1;
    const column = Math.max(1, Math.min(d.column, end > 1 ? end - 1 : 1));
    return {
      severity: monaco.MarkerSeverity.Error,
      source: 'kubectl apply',
      message: d.message,
      startLineNumber: line,
      startColumn: column,
      endLineNumber: line,
      endColumn: Math.max(end, column + 1),
    };
  });
}

/**
 * Whether an edit just completed a field name (`imagePullPolicy: ` picked
 * from the list): then its values (an enum's, a kind's) are offered at
 * once, as if the space after the colon had been typed.
 */
function offersValues(editor: monaco.editor.IStandaloneCodeEditor, model: monaco.editor.ITextModel, event: monaco.editor.IModelContentChangedEvent): boolean {
  if (event.isFlush || event.isUndoing || event.isRedoing || event.changes.length !== 1 || event.changes[0].text.length < 2) return false;
  const position = editor.getPosition();
  if (!position) return false;
  const line = model.getLineContent(position.lineNumber);
  return position.column === line.length + 1 && /^\s*(- )?[\w./-]+: $/.test(line);
}

/**
 * The Monaco editor over the app's files: one model per file (kept across
 * remounts, so StrictMode and tab switches keep undo history), schema
 * validation, completion and hover from monaco-yaml, kubectl's diagnostics
 * as markers, and a theme made from the app's CSS tokens.
 */
export default function CodeEditor({ files, active, diagnostics, onChange, onApply, onStatus, reveal }: CodeEditorProps) {
  const { t } = useTranslation();
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const callbacks = useRef({ onChange, onApply, onStatus });
  callbacks.current = { onChange, onApply, onStatus };
  const viewStates = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  const schemaState = useRef<EditorStatus['schema']>('loading');

  // The editor itself, once.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let theme = '';
    const applyTheme = () => {
      const signature = getComputedStyle(document.documentElement).getPropertyValue('--kp-surface') + window.matchMedia('(prefers-color-scheme: dark)').matches;
      if (signature === theme) return;
      theme = signature;
      monaco.editor.setTheme(defineAppTheme(monaco));
    };
    applyTheme();
    const editor = monaco.editor.create(host, {
      model: null,
      automaticLayout: true,
      ariaLabel: t('editor.plainLabel'),
      placeholder: t('editor.placeholder'),
      fontFamily: getComputedStyle(host).getPropertyValue('--kp-font-mono').trim() || 'monospace',
      fontSize: 13,
      lineHeight: 20,
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      wordBasedSuggestions: 'off',
      quickSuggestions: { other: true, comments: false, strings: true },
      fixedOverflowWidgets: true,
      padding: { top: 8, bottom: 8 },
      renderLineHighlight: 'line',
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10, alwaysConsumeMouseWheel: false },
      hover: { delay: 250 },
      guides: { indentation: true },
      stickyScroll: { enabled: false },
      overviewRulerBorder: false,
      // The text area, not the EditContext API: its input events are the ones handled below.
      editContext: false,
    });
    editorRef.current = editor;
    editor.addAction({
      id: 'kubeplay.apply',
      label: t('editor.applyAction'),
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      run: () => callbacks.current.onApply(),
    });
    // Work is kept as you type: the browser's "save page" would only confuse.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => {});

    const report = () => {
      const model = editor.getModel();
      const position = editor.getPosition();
      if (!model) return;
      let errors = 0;
      let warnings = 0;
      for (const m of monaco.editor.getModelMarkers({ resource: model.uri })) {
        if (m.severity === monaco.MarkerSeverity.Error) errors++;
        else if (m.severity === monaco.MarkerSeverity.Warning) warnings++;
      }
      callbacks.current.onStatus?.({ line: position?.lineNumber ?? 1, column: position?.column ?? 1, errors, warnings, schema: schemaState.current });
    };
    const subscriptions = [
      editor.onDidChangeModelContent((event) => {
        const model = editor.getModel();
        if (!model) return;
        callbacks.current.onChange(nameOf(model.uri), model.getValue());
        if (offersValues(editor, model, event)) setTimeout(() => editor.trigger('kubeplay', 'editor.action.triggerSuggest', { auto: true }), 0);
      }),
      editor.onDidChangeCursorPosition(report),
      editor.onDidChangeModel(report),
      monaco.editor.onDidChangeMarkers((uris) => {
        const model = editor.getModel();
        if (model && uris.some((u) => u.toString() === model.uri.toString())) report();
      }),
    ];
    let alive = true;
    setUpYaml().then(
      () => {
        schemaState.current = 'ready';
        if (alive) report();
      },
      (err: unknown) => {
        schemaState.current = { error: err instanceof Error ? err.message : String(err) };
        if (alive) report();
      },
    );
    // Several lines arriving as one input (an IME, dictation, an emoji panel, a test's insertText)
    // are pasted as they are: typed one character at a time, each newline would be indented again.
    const onBeforeInput = (ev: InputEvent) => {
      if (ev.inputType !== 'insertText' || !ev.data?.includes('\n') || !editor.hasTextFocus()) return;
      ev.preventDefault();
      ev.stopImmediatePropagation();
      editor.trigger('keyboard', 'paste', { text: ev.data });
    };
    host.addEventListener('beforeinput', onBeforeInput, true);
    const unwatch = watchAppTheme(applyTheme);
    return () => {
      alive = false;
      unwatch();
      host.removeEventListener('beforeinput', onBeforeInput, true);
      for (const s of subscriptions) s.dispose();
      const model = editor.getModel();
      if (model) viewStates.current.set(nameOf(model.uri), editor.saveViewState());
      editor.dispose();
      editorRef.current = null;
    };
  }, []);

  // The editor's own words follow the interface language (Monaco's menus stay English).
  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: t('editor.plainLabel'), placeholder: t('editor.placeholder') });
  }, [t]);

  // Models follow the files: new ones created, edits from elsewhere (templates, restore) applied, removed ones disposed.
  useEffect(() => {
    for (const [name, text] of Object.entries(files)) {
      const uri = uriOf(name);
      const model = monaco.editor.getModel(uri);
      if (!model) monaco.editor.createModel(text, 'yaml', uri);
      else if (model.getValue() !== text) applyExternalText(model, text);
    }
    for (const model of monaco.editor.getModels()) {
      if (model.uri.scheme === SCHEME && !(nameOf(model.uri) in files)) {
        viewStates.current.delete(nameOf(model.uri));
        model.dispose();
      }
    }
  }, [files]);

  // The active file's model in the editor, with its cursor and scroll position restored.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const model = monaco.editor.getModel(uriOf(active));
    const current = editor.getModel();
    if (!model || current === model) return;
    if (current && !current.isDisposed()) viewStates.current.set(nameOf(current.uri), editor.saveViewState());
    editor.setModel(model);
    const saved = viewStates.current.get(active);
    if (saved) editor.restoreViewState(saved);
  }, [active, files]);

  // kubectl's diagnostics as markers (their own owner, beside monaco-yaml's).
  useEffect(() => {
    for (const model of monaco.editor.getModels()) {
      if (model.uri.scheme !== SCHEME) continue;
      monaco.editor.setModelMarkers(model, KUBECTL_OWNER, kubectlMarkers(model, diagnostics[nameOf(model.uri)] ?? []));
    }
  }, [diagnostics, files]);

  const revealed = useRef<CodeEditorProps['reveal']>(undefined);
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal || reveal === revealed.current || reveal.name !== active) return;
    revealed.current = reveal;
    const position = { lineNumber: reveal.line, column: reveal.column };
    editor.setPosition(position);
    editor.revealPositionInCenterIfOutsideViewport(position);
    editor.focus();
  }, [reveal, active]);

  return <div ref={hostRef} className="code-editor" />;
}
