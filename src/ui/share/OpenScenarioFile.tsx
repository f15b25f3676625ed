import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenFile } from './useOpenFile';

/** "Open scenario file…": a button over a hidden file input; the file goes through the same checks as a link. `onOpened` runs once it is open or refused (the page's notice says which). */
export function OpenScenarioFile({ onOpened }: { onOpened?: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const openFile = useOpenFile();
  return (
    <>
      <button type="button" className="button" onClick={() => input.current?.click()}>
        {t('share.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.kubeplay.json,application/json,.yaml,.yml,text/yaml"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void openFile(file).then(() => onOpened?.());
        }}
      />
    </>
  );
}
