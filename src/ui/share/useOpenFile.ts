import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../hooks/useApp';
import { readTextFile } from './download';

/** YAML files dropped or chosen are kept only up to this size (the editor's own bound for a file). */
const YAML_BYTES = 256 * 1024;
/** Scenario files: a link inflates to 1 MB at most; a pretty-printed file may be larger. */
const SCENARIO_BYTES = 4_000_000;

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

/**
 * Opens a file from the desktop: a YAML file becomes a new editor file (its
 * text only, nothing runs), anything else is read as a scenario and replayed
 * after the same checks as a link. Returns what happened.
 */
export function useOpenFile(): (file: File) => Promise<'yaml' | 'scenario' | 'refused'> {
  const store = useAppStore();
  const { t } = useTranslation();
  return useCallback(
    async (file: File) => {
      const yaml = isYaml(file.name);
      const read = await readTextFile(file, yaml ? YAML_BYTES : SCENARIO_BYTES).catch(() => undefined);
      if (!read || !read.ok) {
        const mb = ((yaml ? YAML_BYTES : SCENARIO_BYTES) / 1_000_000).toLocaleString();
        store.getState().reportOpenProblem(read ? t('share.fileTooBig', { mb }) : 'the file could not be read', 'file');
        return 'refused';
      }
      if (yaml) {
        // A desktop file's name, made a valid editor name (in the home folder, no control characters, not a flag).
        // eslint-disable-next-line no-control-regex
        const name = file.name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').replace(/^-/, '_').trim().slice(0, 90) || 'dropped.yaml';
        store.getState().createFile(name, read.text);
        store.getState().dismissShareNotice();
        return 'yaml';
      }
      const result = await store.getState().openSharedText(read.text, 'file');
      return result.ok ? 'scenario' : 'refused';
    },
    [store, t],
  );
}
