import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { fileNameProblem } from '../../state/index';

export const TAB_PANEL_ID = 'editor-tabpanel';
export const tabId = (index: number) => `file-tab-${index}`;

interface FileTabsProps {
  readonly names: readonly string[];
  readonly active: string | undefined;
  /** Files with kubectl errors (a mark on their tab). */
  readonly withErrors: ReadonlySet<string>;
  /** The tab being renamed (an input in its place). */
  readonly renaming: string | undefined;
  readonly onOpen: (name: string) => void;
  readonly onClose: (name: string) => void;
  readonly onMove: (name: string, index: number) => void;
  readonly onStartRename: (name: string) => void;
  /** Returns a problem to show, or undefined when renamed. */
  readonly onRename: (from: string, to: string) => string | undefined;
  readonly onCancelRename: () => void;
  readonly onProblem: (text: string | undefined) => void;
}

const SHORTCUTS = 'ArrowLeft ArrowRight Home End Delete F2 Control+Shift+ArrowLeft Control+Shift+ArrowRight';
const DRAG_TYPE = 'application/x-kubeplay-file';

/**
 * The files as tabs (WAI-ARIA tabs, automatic activation): ←/→, Home/End
 * move between them; Ctrl+Shift+←/→ (or Alt+Shift+←/→) moves the tab;
 * Delete closes it; F2 or a double click renames it; tabs can be dragged.
 */
export function FileTabs(props: FileTabsProps) {
  const { t } = useTranslation();
  const { names, active, withErrors, renaming, onOpen, onClose, onMove, onStartRename } = props;
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const [dropAt, setDropAt] = useState<number>();
  const focusNext = useRef<string>(undefined);

  useEffect(() => {
    const name = focusNext.current;
    focusNext.current = undefined;
    if (name) tabRefs.current.get(name)?.focus();
    if (active) tabRefs.current.get(active)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [names, active, renaming]);

  const go = (name: string) => {
    focusNext.current = name;
    onOpen(name);
    tabRefs.current.get(name)?.focus();
  };

  const onKeyDown = (ev: KeyboardEvent<HTMLButtonElement>, name: string, index: number) => {
    const moveTab = ev.shiftKey && (ev.ctrlKey || ev.metaKey || ev.altKey);
    if (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight') {
      const delta = ev.key === 'ArrowLeft' ? -1 : 1;
      if (moveTab) {
        focusNext.current = name;
        onMove(name, index + delta);
      } else go(names[(index + delta + names.length) % names.length]);
    } else if (ev.key === 'Home') go(names[0]);
    else if (ev.key === 'End') go(names[names.length - 1]);
    else if (ev.key === 'Delete') {
      const next = names[index + 1] ?? names[index - 1];
      if (next) focusNext.current = next;
      onClose(name);
    } else if (ev.key === 'F2') onStartRename(name);
    else return;
    ev.preventDefault();
  };

  const dropIndex = (ev: DragEvent<HTMLElement>, index: number) => {
    const r = ev.currentTarget.getBoundingClientRect();
    return ev.clientX < r.left + r.width / 2 ? index : index + 1;
  };

  return (
    <div
      className="file-tabs"
      role="tablist"
      aria-label={t('editor.openFiles')}
      onDragLeave={(ev) => {
        if (!ev.currentTarget.contains(ev.relatedTarget as Node | null)) setDropAt(undefined);
      }}
    >
      {names.map((name, index) => {
        if (name === renaming) {
          return (
            <RenameInput
              key={name}
              {...props}
              name={name}
              onFocusTab={(tab) => {
                focusNext.current = tab;
              }}
            />
          );
        }
        const selected = name === active;
        return (
          <button
            key={name}
            ref={(el) => {
              if (el) tabRefs.current.set(name, el);
              else tabRefs.current.delete(name);
            }}
            type="button"
            role="tab"
            id={tabId(index)}
            aria-label={withErrors.has(name) ? t('editor.tabErrors', { name }) : name.includes('/') ? name : undefined}
            aria-selected={selected}
            aria-controls={selected ? TAB_PANEL_ID : undefined}
            aria-keyshortcuts={SHORTCUTS}
            tabIndex={selected || (!active && index === 0) ? 0 : -1}
            className={`file-tab${dropAt === index ? ' drop-before' : ''}${dropAt === index + 1 && index === names.length - 1 ? ' drop-after' : ''}`}
            title={t('editor.tabTitle', { name })}
            draggable
            onClick={() => onOpen(name)}
            onDoubleClick={() => onStartRename(name)}
            onKeyDown={(ev) => onKeyDown(ev, name, index)}
            onDragStart={(ev) => {
              ev.dataTransfer.setData(DRAG_TYPE, name);
              ev.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(ev) => {
              if (!ev.dataTransfer.types.includes(DRAG_TYPE)) return;
              ev.preventDefault();
              setDropAt(dropIndex(ev, index));
            }}
            onDrop={(ev) => {
              const dragged = ev.dataTransfer.getData(DRAG_TYPE);
              setDropAt(undefined);
              if (!dragged) return;
              ev.preventDefault();
              const to = dropIndex(ev, index);
              const from = names.indexOf(dragged);
              onMove(dragged, from >= 0 && from < to ? to - 1 : to);
            }}
            onDragEnd={() => setDropAt(undefined)}
          >
            {withErrors.has(name) && <span className="file-tab-error" aria-hidden="true" />}
            <TabName name={name} />
            <span
              className="file-tab-close"
              aria-hidden="true"
              title={t('editor.closeFile', { name })}
              onMouseDown={(ev) => ev.preventDefault()}
              onClick={(ev) => {
                ev.stopPropagation();
                onClose(name);
              }}
            >
              ×
            </span>
          </button>
        );
      })}
    </div>
  );
}

/** The tab's name as an input: Enter renames, Escape keeps the old name; leaving it renames if it can. */
function RenameInput({ name, names, onRename, onCancelRename, onProblem, onFocusTab }: FileTabsProps & { name: string; onFocusTab: (name: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(name);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  const problem = fileNameProblem(value, names.filter((n) => n !== name));

  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus();
    const dot = name.lastIndexOf('.');
    input.setSelectionRange(0, dot > 0 ? dot : name.length);
  }, [name]);

  useEffect(() => {
    onProblem(value === name ? undefined : problem);
  }, [value, name, problem, onProblem]);

  const finish = (keyboard: boolean, tab: string) => {
    done.current = true;
    onProblem(undefined);
    // Back to the tab when the keyboard ended it; a click elsewhere keeps its own focus.
    if (keyboard) onFocusTab(tab);
  };
  const cancel = (keyboard: boolean) => {
    finish(keyboard, name);
    onCancelRename();
  };
  const commit = (keyboard: boolean) => {
    if (done.current) return;
    if (value === name || (!keyboard && problem)) return cancel(keyboard);
    const error = onRename(name, value);
    if (error) return onProblem(error);
    finish(keyboard, value);
  };

  return (
    <input
      ref={ref}
      className="file-tab-rename"
      aria-label={t('editor.renameInput', { name })}
      aria-invalid={problem && value !== name ? true : undefined}
      value={value}
      spellCheck={false}
      size={Math.max(8, value.length + 1)}
      onChange={(ev) => setValue(ev.target.value)}
      onBlur={() => commit(false)}
      onKeyDown={(ev) => {
        if (ev.key === 'Enter') {
          ev.preventDefault();
          commit(true);
        } else if (ev.key === 'Escape') {
          ev.preventDefault();
          if (!done.current) cancel(true);
        }
      }}
    />
  );
}

/**
 * A tab's label. A file in a folder shows its own name whole and, after it,
 * its folder dimmed (shortened when long), as editors tell apart two
 * `kustomization.yaml`; the tab's accessible name is the whole path.
 */
function TabName({ name }: { name: string }) {
  const slash = name.lastIndexOf('/');
  if (slash < 0) return <span className="file-tab-name">{name}</span>;
  return (
    <span className="file-tab-name in-folder">
      <span className="file-tab-base">{name.slice(slash + 1)}</span>
      <span className="file-tab-folder">{name.slice(0, slash)}</span>
    </span>
  );
}
