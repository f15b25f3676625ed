import { useTranslation } from 'react-i18next';
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
  const { t, i18n } = useTranslation();
  const [into, setInto] = useState<'new' | 'current'>('new');
  const target = into === 'current' && current ? current : undefined;
  const entries: MenuEntry[] = [
    { type: 'heading', label: t('templates.insert') },
    { type: 'radio', label: t('templates.asNewFile'), checked: !target, onSelect: () => setInto('new') },
    ...(current ? [{ type: 'radio' as const, label: t('templates.intoFile', { file: current }), checked: !!target, onSelect: () => setInto('current') }] : []),
    { type: 'separator' },
    ...TEMPLATES.map(
      (tpl): MenuEntry => ({
        type: 'item',
        label: tpl.kind,
        // A template added later without a translation shows its English summary.
        detail: i18n.exists(`templates.${tpl.kind}`) ? t(`templates.${tpl.kind}` as 'templates.Pod') : tpl.summary,
        onSelect: () => (target ? onAppend(tpl, target) : onNewFile(tpl)),
      }),
    ),
  ];
  return (
    <Menu label={t('templates.button')} entries={entries} title={t('templates.title')} className="button">
      {t('templates.button')} <span aria-hidden="true">▾</span>
    </Menu>
  );
}
