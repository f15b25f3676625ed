import { useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStore } from '../hooks/useApp';
import { Tabs } from '../panels/Tabs';
import './phone.css';

const PANELS = ['lesson', 'files', 'cluster', 'terminal'] as const;
export type PhonePanel = (typeof PANELS)[number];

/**
 * A phone's screen holds one panel at a time: the lesson, the editor, the
 * cluster view or the terminal, chosen with a tab bar at the bottom (where a
 * thumb reaches). Every panel stays mounted while hidden, so the terminal
 * keeps its transcript and the editor its undo stack. The lesson's tab opens
 * the lesson column as the top bar's Lessons button does; the column opening
 * from anywhere else (a share link at a lesson step) brings its tab forward,
 * and closing it returns to the cluster. Apply (its button, or Ctrl/Cmd+Enter
 * in the editor) and a lesson's Run show the terminal, where the command and
 * its answer appear.
 */
export function PhonePanels({ panels }: { panels: Readonly<Record<PhonePanel, ReactNode>> }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const lessonOpen = useApp((s) => s.lessonPanel !== 'closed');
  const [current, setCurrent] = useState<PhonePanel>(lessonOpen ? 'lesson' : 'cluster');
  const [wasOpen, setWasOpen] = useState(lessonOpen);
  // Output the terminal printed while another panel showed (a Run it, a watch): a dot on its tab until it is looked at.
  const transcript = useApp((s) => s.transcript);
  const [seen, setSeen] = useState(transcript);
  if (current === 'terminal' && seen !== transcript) setSeen(transcript);
  const unread = current !== 'terminal' && seen !== transcript;
  if (wasOpen !== lessonOpen) {
    setWasOpen(lessonOpen);
    setCurrent(lessonOpen ? 'lesson' : current === 'lesson' ? 'cluster' : current);
  }
  const choose = (panel: PhonePanel) => {
    const s = store.getState();
    if (panel === 'lesson' && s.lessonPanel === 'closed') {
      if (s.lesson) s.showLesson();
      else s.showLessonList();
    }
    setCurrent(panel);
  };
  // A button whose answer shows in another panel says which (`data-shows`): Apply, a lesson's Run.
  const shows = (e: MouseEvent) => {
    const panel = (e.target as Element).closest('button[data-shows]:not(:disabled)')?.getAttribute('data-shows');
    if ((PANELS as readonly string[]).includes(panel ?? '')) setCurrent(panel as PhonePanel);
  };
  const appliedByKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) setCurrent('terminal');
  };
  const labels: Record<PhonePanel, string> = { lesson: t('phone.lesson'), files: t('phone.editor'), cluster: t('phone.cluster'), terminal: t('phone.terminal') };
  return (
    <div className="phone-panels">
      {PANELS.map((p) => (
        <div
          key={p}
          className={`phone-panel phone-panel-${p}`}
          role="tabpanel"
          id={`phone-panel-${p}`}
          aria-labelledby={`phone-tab-${p}`}
          hidden={p !== current}
          onClickCapture={shows}
          onKeyDownCapture={p === 'files' ? appliedByKey : undefined}
        >
          {p === 'lesson' && !lessonOpen ? null : panels[p]}
        </div>
      ))}
      <nav className="phone-tabs">
        <Tabs
          tabs={PANELS.map((id) => ({ id, label: <PanelLabel panel={id} text={labels[id]} news={id === 'terminal' && unread ? t('phone.newOutput') : undefined} /> }))}
          current={current}
          onChange={choose}
          idPrefix="phone"
          label={t('phone.tabs')}
        />
      </nav>
    </div>
  );
}

/** A tab's glyph above its name; `news` (said to screen readers) puts a dot on the glyph. */
function PanelLabel({ panel, text, news }: { panel: PhonePanel; text: string; news?: string }) {
  return (
    <>
      <span className="phone-tab-glyph">
        <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true">
          <path d={GLYPHS[panel]} fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" strokeLinecap="round" />
        </svg>
        {news && <span className="phone-tab-dot" aria-hidden="true" />}
      </span>
      <span>{text}</span>
      {news && <span className="sr-only">({news})</span>}
    </>
  );
}

const GLYPHS: Record<PhonePanel, string> = {
  // An open book (the top bar's Lessons glyph).
  lesson: 'M2 3.5c2-.9 4-.9 6 .5 2-1.4 4-1.4 6-.5v9c-2-.9-4-.9-6 .5-2-1.4-4-1.4-6-.5z M8 4v9',
  // A page with lines of text.
  files: 'M3.5 1.5h6l3 3v10h-9z M9.5 1.5v3h3 M5.5 7.5h5 M5.5 10h5 M5.5 12.5h3',
  // Four node cards.
  cluster: 'M2 2h5v5H2z M9 2h5v5H9z M2 9h5v5H2z M9 9h5v5H9z',
  // A prompt.
  terminal: 'M1.5 2.5h13v11h-13z M4 6l2.5 2L4 10 M8 10.5h4',
};
