import { useState } from 'react';
import { selectFiles } from '../../state/index';
import { useApp } from '../hooks/useApp';

/**
 * The starter files, read-only for now (the editor comes later): pick a
 * file, read it, and apply it. Apply is `kubectl apply -f FILE`, typed into
 * the terminal for you.
 */
export function FilesPanel() {
  const files = useApp(selectFiles);
  const applyFile = useApp((s) => s.applyFile);
  const names = Object.keys(files);
  const [current, setCurrent] = useState(names[0] ?? '');
  const text = files[current] ?? '';
  return (
    <section className="panel files" aria-labelledby="files-title">
      <div className="panel-header">
        <h2 id="files-title" className="panel-title">
          Files
        </h2>
        <div className="file-tabs" role="tablist" aria-label="Files">
          {names.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={name === current}
              className="file-tab"
              onClick={() => setCurrent(name)}
            >
              {name}
            </button>
          ))}
        </div>
        <button type="button" className="button primary" onClick={() => applyFile(current)} disabled={!current} title={`kubectl apply -f ${current}`}>
          Apply
        </button>
      </div>
      <pre className="file-view" tabIndex={0} aria-label={`${current} contents`}>
        <code>{text}</code>
      </pre>
      <p className="panel-hint">
        Apply runs <code>kubectl apply -f {current}</code> in the terminal below.
      </p>
    </section>
  );
}
