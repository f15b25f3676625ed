import { useState } from 'react';
import { TEMPLATES, type Template } from '../../state/index';
import { Menu, type MenuEntry } from './Menu';

interface TemplatesMenuProps {
  /** The file a template can be added to (none: templates open as new files). */
  readonly current: string | undefined;
  readonly onNewFile: (template: Template) => void;
  readonly onAppend: (template: Template, file: string) => void;
}

/**
 * Starter manifests for the common kinds: each opens as a new tab, or is
 * added to the current file as one more YAML document.
 */
export function TemplatesMenu({ current, onNewFile, onAppend }: TemplatesMenuProps) {
  const [into, setInto] = useState<'new' | 'current'>('new');
  const target = into === 'current' && current ? current : undefined;
  const entries: MenuEntry[] = [
    { type: 'heading', label: 'Insert' },
    { type: 'radio', label: 'As a new file', checked: !target, onSelect: () => setInto('new') },
    ...(current ? [{ type: 'radio' as const, label: `Into ${current}`, checked: !!target, onSelect: () => setInto('current') }] : []),
    { type: 'separator' },
    ...TEMPLATES.map(
      (t): MenuEntry => ({
        type: 'item',
        label: t.kind,
        detail: t.summary,
        onSelect: () => (target ? onAppend(t, target) : onNewFile(t)),
      }),
    ),
  ];
  return (
    <Menu label="Templates" entries={entries} title="Starter manifests for common kinds" className="button">
      Templates <span aria-hidden="true">▾</span>
    </Menu>
  );
}
